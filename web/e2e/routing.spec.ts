import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from './support/actions.ts';
import { browserForThisFile, hasBrowser, seriousViolations } from './support/browser.ts';

const browser = browserForThisFile();

const naibonatName =
  'Balai Rehabilitasi Sosial Anak yang Memerlukan Perlindungan Khusus "Naibonat" di Kupang';

/** The head of Naibonat records how many beds are taken, as on any day the balai fills up. */
const setNaibonatOccupied = async (page: Page, occupied: number) => {
  await page.goto('/balai');
  await page.getByLabel('Cari balai').fill('Naibonat');
  await page.getByRole('link', { name: naibonatName }).click();
  await page.getByRole('link', { name: 'Ubah' }).click();
  const beds = page.getByRole('textbox', { name: 'Tempat tidur terisi' });
  await beds.waitFor();
  await beds.fill(String(occupied));
  await page.getByRole('button', { name: 'Simpan' }).click();
  await page.getByText(`${occupied} / 120 tempat tidur`).waitFor();
};

describe.skipIf(!hasBrowser)('routing on the open-case form', () => {
  it('with Naibonat full, a Kabupaten Kupang person is routed to a centre with room, with distances, on a phone', async () => {
    const head = await browser.newPage();
    await signIn(head.page, 'kepala.kupang');
    await setNaibonatOccupied(head.page, 120);
    try {
      const { page } = await browser.newPage({ width: 375, height: 800 });
      await signIn(page, 'peksos.kupang');
      // On a phone the navigation sits behind the menu button: go straight to the people list.
      await page.goto('/penerima-manfaat');
      await page.getByLabel('Cari nama atau NIK').fill('Yakobus Tefa');
      await page.getByLabel('Cari nama atau NIK').press('Enter');
      await page.getByRole('link', { name: 'Yakobus Tefa' }).first().click();
      await page.getByRole('link', { name: 'Buka kasus' }).click();
      await page.getByLabel('Modalitas').selectOption('residential');

      const reco = page.getByRole('region', { name: 'Rekomendasi balai' });
      await reco.getByText('Jarak garis lurus dari Oelamasi').waitFor();
      const first = reco.getByTestId('reco-center').first();
      await first.getByText('Rekomendasi pertama').waitFor();
      const firstText = await first.innerText();
      expect(firstText).toMatch(/\d+ tempat tidur kosong/);
      expect(firstText).toMatch(/Jarak [\d.]+ km/);
      expect(firstText).not.toContain('Naibonat');
      expect(firstText).not.toContain('Jarak tidak diketahui');

      // Three centres, not forty-three: the worker field and the submit button are a short scroll away.
      expect(await reco.getByTestId('reco-center').count()).toBe(3);
      const submit = page.getByRole('button', { name: 'Buka kasus' });
      const submitTop = await submit.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
      expect(submitTop).toBeLessThan(4_000);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      expect(await seriousViolations(page), 'open-case form with recommendations').toEqual([]);

      // The rest on demand; Naibonat, nearest of all, is behind every centre with room and says why.
      await reco.getByRole('button', { name: /^Tampilkan \d+ balai lainnya$/ }).click();
      const naibonat = reco.getByTestId('reco-center').filter({ hasText: 'Naibonat' });
      const naibonatText = await naibonat.innerText();
      expect(naibonatText).toContain('Diurutkan di belakang balai yang masih punya daya tampung');
      expect(naibonatText).toContain('Tidak ada tempat tidur kosong');
      expect(naibonatText).toMatch(/Jarak \d km/);
      const all = await reco.getByTestId('reco-center').allInnerTexts();
      const at = all.findIndex((text) => text.includes('Naibonat'));
      expect(at).toBeGreaterThanOrEqual(3);
      expect(
        all.slice(0, at).every((text) => /tempat tidur kosong/.test(text) && !/Tidak ada/.test(text)),
      ).toBe(true);
      await reco.getByRole('button', { name: 'Tampilkan lebih sedikit' }).click();
      expect(await reco.getByTestId('reco-center').count()).toBe(3);
    } finally {
      // Other specs share the demo server: Naibonat gets its beds back.
      await setNaibonatOccupied(head.page, 78);
    }
  });
});
