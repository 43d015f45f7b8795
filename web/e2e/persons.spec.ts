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

  it('a worker registering a NIK that another balai holds is offered to serve the person, proves it with the NIK, and the case opens; the registering head sees it noted', async () => {
    // Temanggung registered the person (through the API, as its desk would have).
    const nik = `327501170875${String((Date.now() % 9000) + 1000)}`;
    const registrar = await browser.newPage();
    await signIn(registrar.page, 'peksos.temanggung');
    const personId = await registrar.page.evaluate(async (nik) => {
      const me = await (await fetch('/api/me')).json();
      const centerId = me.roles.find((r: { role: string }) => r.role === 'social_worker').centerId;
      const res = await fetch('/api/persons', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          centerId,
          nik,
          fullName: 'Suparman Hadi',
          sex: 'male',
          birthDate: '1975-08-17',
          regionCode: '32.75.01.1001',
          legalBasis: 'consent',
          consentBy: 'self',
        }),
      });
      return (await res.json()).id as string;
    }, nik);
    expect(personId).toMatch(/^[0-9a-f-]{36}$/);
    await registrar.context.close();

    // In Bekasi a worker registers the man who came in, typing the NIK from his KTP.
    const { page, context } = await browser.newPage();
    await signIn(page, 'peksos.bekasi');
    await page.goto('/penerima-manfaat/baru');
    await page.getByRole('textbox', { name: 'NIK', exact: true }).fill(nik);
    await page.getByRole('textbox', { name: 'Nama lengkap', exact: true }).fill('Suparman');
    await page.getByRole('radio', { name: 'Laki-laki' }).check();
    await page.getByLabel('Tanggal lahir', { exact: true }).fill('1975-08-17');
    await choose(page, page.getByTestId('region-province'), 'Jawa Barat', 'Jawa Barat');
    await choose(page, page.getByTestId('region-regency'), 'Kota Bekasi', 'Kota Bekasi');
    await choose(page, page.getByTestId('region-district'), 'Bekasi Timur', 'Bekasi Timur');
    await choose(page, page.getByTestId('region-village'), 'Margahayu', 'Margahayu');
    await page.getByLabel('Dasar hukum pemrosesan data').selectOption('consent');
    await page.getByLabel('Persetujuan diberikan oleh').selectOption('self');
    await page.getByRole('button', { name: 'Simpan' }).click();

    // The NIK is another balai's: no name in the answer, an offer to serve the person here.
    const refusal = page.getByRole('alert').filter({ hasText: 'terdaftar di balai lain' });
    await refusal.waitFor();
    expect(await refusal.textContent()).not.toContain('Suparman Hadi');
    await refusal.getByRole('button', { name: 'Layani orang ini di balai saya' }).click();
    await page.waitForURL(new RegExp(`/penerima-manfaat/${personId}/kasus-baru$`));
    expect(page.url()).not.toContain(nik);

    // The proof step holds the NIK typed at registration; the case opens with it.
    const proof = page.getByRole('region', { name: 'Bukti identitas' });
    expect(await proof.getByRole('textbox', { name: 'NIK di KTP' }).inputValue()).toBe(nik);
    // The village typed at registration ranks the centres, as for a person the worker can open.
    await page.getByRole('region', { name: 'Rekomendasi balai' }).getByText('Rekomendasi pertama').waitFor();
    expect(await seriousViolations(page), 'open-case form with the proof step').toEqual([]);
    await page.getByRole('checkbox', { name: 'Lanjut Usia' }).check();
    await page.getByLabel('Saluran masuk').selectOption('walk_in');
    await page
      .getByRole('textbox', { name: 'Permasalahan' })
      .fill('Datang sendiri, tidak punya tempat tinggal.');
    await page.getByLabel('Urgensi').selectOption('medium');
    await page.getByRole('button', { name: 'Buka kasus' }).click();
    await page.waitForURL(/\/kasus\/[0-9a-f-]{36}$/);
    const heading = await page.getByRole('heading', { name: /^Kasus ATN-/ }).textContent();
    const number = heading!.replace(/^Kasus /, '').trim();
    // Served here now: the record opens in full for Bekasi.
    await page.goto(`/penerima-manfaat/${personId}`);
    await page.getByText(nik).first().waitFor();
    const storage = await browserStorage(page);
    expect(JSON.stringify(storage)).not.toMatch(/\d{16}/);
    await context.close();

    // Temanggung's head sees where else the person is served.
    const head = await browser.newPage();
    await signIn(head.page, 'kepala.temanggung');
    await head.page.goto(`/penerima-manfaat/${personId}`);
    const noted = head.page.getByRole('region', { name: 'Dilayani juga di balai lain' });
    await noted.getByText(new RegExp(`Bekasi · kasus ${number} · sejak`)).waitFor();
    expect(await seriousViolations(head.page), 'person page with the other centres serving').toEqual([]);
    await head.context.close();
  });
});
