import { describe, expect, it } from 'vitest';
import { choose, signIn } from './support/actions.ts';
import { browserForThisFile, browserStorage, hasBrowser, seriousViolations } from './support/browser.ts';

const browser = browserForThisFile();

describe.skipIf(!hasBrowser)('person registry in the browser', () => {
  it('warns of a likely duplicate while typing, registers a new person with the region picker, and masks the NIK in lists', async () => {
    const { page, context } = await browser.newPage();
    await signIn(page, 'peksos.bekasi');
    await page.getByRole('link', { name: 'Penerima Manfaat' }).first().click();
    await page.getByRole('link', { name: 'Daftarkan penerima manfaat' }).click();
    await page.getByRole('textbox', { name: 'Nama lengkap', exact: true }).waitFor();
    expect(await seriousViolations(page), 'registration form').toEqual([]);

    // A near-identical name of a demo person (Slamet Riyanto, born 12 March 1958) is flagged before saving.
    await page.getByRole('textbox', { name: 'Nama lengkap', exact: true }).fill('Slamet Riyant');
    await page.getByRole('radio', { name: 'Laki-laki' }).check();
    await page.getByLabel('Tanggal lahir', { exact: true }).fill('1958-03-12');
    const panel = page.getByRole('region', { name: 'Kemungkinan data ganda' });
    await panel.getByText('Slamet Riyanto').first().waitFor();

    // A different person is registered instead.
    // Bekasi Timur (327501), born 12 January 1990, a woman (day + 40 = 52), a sequence of its own.
    const fullNik = `327501520190${String(Date.now() % 10000).padStart(4, '1')}`;
    await page.getByRole('textbox', { name: 'NIK', exact: true }).fill(fullNik);
    await page.getByRole('textbox', { name: 'Nama lengkap', exact: true }).fill('Wahyuni Kartikasari');
    await page.getByRole('radio', { name: 'Perempuan' }).check();
    await page.getByLabel('Tanggal lahir', { exact: true }).fill('1990-01-12');
    await choose(page, page.getByTestId('region-province'), 'Jawa Barat', 'Jawa Barat');
    await choose(page, page.getByTestId('region-regency'), 'Kota Bekasi', 'Kota Bekasi');
    await choose(page, page.getByTestId('region-district'), 'Bekasi Timur', 'Bekasi Timur');
    await choose(page, page.getByTestId('region-village'), 'Margahayu', 'Margahayu');
    await page.getByRole('textbox', { name: 'RT', exact: true }).fill('4');
    await page.getByRole('textbox', { name: 'RW', exact: true }).fill('11');
    await page.getByLabel('Dasar hukum pemrosesan data').selectOption('consent');
    await page.getByLabel('Persetujuan diberikan oleh').selectOption('self');
    await page.getByRole('button', { name: 'Simpan' }).click();

    await page.waitForURL(/\/penerima-manfaat\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Wahyuni Kartikasari' }).waitFor();
    await page.getByText(fullNik).first().waitFor();
    expect(await seriousViolations(page), 'person page').toEqual([]);
    expect(page.url()).not.toContain(fullNik);

    // In the list the NIK is masked; the search term never reaches the address bar.
    await page.getByRole('link', { name: 'Penerima Manfaat' }).first().click();
    await page.getByLabel('Cari nama atau NIK').fill('Wahyuni Kartikasari');
    await page.getByLabel('Cari nama atau NIK').press('Enter');
    await page
      .getByRole('table', { name: 'Daftar penerima manfaat' })
      .getByText('Wahyuni Kartikasari')
      .waitFor();
    const masked = `${fullNik.slice(0, 4)}********${fullNik.slice(-4)}`;
    await page.getByRole('table', { name: 'Daftar penerima manfaat' }).getByText(masked).waitFor();
    expect(
      await page.getByRole('table', { name: 'Daftar penerima manfaat' }).getByText(fullNik).count(),
    ).toBe(0);
    expect(page.url()).not.toMatch(/Wahyuni|Kartikasari/);
    const storage = await browserStorage(page);
    expect(JSON.stringify(storage)).not.toMatch(/Wahyuni|\d{16}/);
    await context.close();
  });
});
