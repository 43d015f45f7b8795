import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { choose, signIn } from './support/actions.ts';
import { browserForThisFile, hasBrowser, seriousViolations } from './support/browser.ts';

const browser = browserForThisFile();
const shelter = 'GOR Patriot Candrabhaga (TPS)';

/** "12 / 200 tempat tidur terisi" of the worker's balai, and the shelter's "n / 40 orang". */
const occupancy = async (page: Page) => {
  await page.goto('/penjangkauan');
  await page.getByRole('tab', { name: 'TPS & tempat tidur' }).click();
  const beds = await page
    .getByRole('progressbar', { name: /^Tempat tidur terisi di/ })
    .first()
    .getAttribute('aria-valuenow');
  const people = await page
    .getByRole('progressbar', { name: new RegExp(`^Hunian ${shelter.replace(/[()]/g, '\\$&')}`) })
    .getAttribute('aria-valuenow');
  return { beds: Number(beds), people: Number(people) };
};

const person = async (page: Page, n: number, name: string) => {
  const row = page.getByRole('group', { name: `Orang ke-${n}` });
  await row.getByRole('textbox', { name: 'Nama atau ciri-ciri' }).fill(name);
  await row.getByRole('radio', { name: 'Laki-laki' }).check();
  await row.getByRole('textbox', { name: 'Perkiraan tahun lahir' }).fill('1978');
  await row.getByRole('combobox', { name: 'Klaster' }).click();
  await page.getByRole('option', { name: 'Tuna Sosial & Korban Perdagangan Orang' }).first().click();
  await row.getByRole('combobox', { name: 'Klaster' }).press('Escape');
  await row.getByRole('textbox', { name: 'Permasalahan' }).fill('Tidur di emperan stasiun, tanpa keluarga.');
};

const moveTo = async (page: Page, name: string, destination: string, shelterOption?: RegExp) => {
  await page.getByRole('button', { name: `Pindahkan ${name}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: destination }).check();
  if (shelterOption) {
    const select = dialog.getByLabel('TPS tujuan');
    // The shelters arrive after the dialog opens: wait for the one wanted before choosing it.
    const option = select.locator('option', { hasText: shelterOption }).first();
    await option.waitFor({ state: 'attached' });
    await select.selectOption({ label: (await option.textContent())! });
  }
  await dialog.getByRole('button', { name: 'Simpan pemindahan' }).click();
  await dialog.waitFor({ state: 'detached' });
};

describe.skipIf(!hasBrowser)('outreach to shelter to balai', () => {
  it('an outreach team records two people found, places them in a TPS, moves one to the balai, and occupancy follows', async () => {
    const { page, context } = await browser.newPage({ width: 390, height: 844 });
    await signIn(page, 'peksos.bekasi');
    const before = await occupancy(page);

    await page.getByRole('link', { name: 'Catat penjangkauan' }).click();
    await page.getByRole('textbox', { name: 'Tim penjangkauan' }).fill('Rudi, Sinta, Satpol PP');
    await page.getByRole('textbox', { name: 'Tempat', exact: true }).fill('Stasiun Bekasi');
    await choose(page, page.getByTestId('region-province'), 'Jawa Barat', 'Jawa Barat');
    await choose(page, page.getByTestId('region-regency'), 'Kota Bekasi', 'Kota Bekasi');
    await choose(page, page.getByTestId('region-district'), 'Bekasi Timur', 'Bekasi Timur');
    await choose(page, page.getByTestId('region-village'), 'Margahayu', 'Margahayu');
    await person(page, 1, 'Laki-laki kaos merah');
    await page.getByRole('button', { name: 'Tambah orang' }).click();
    await person(page, 2, 'Pak Darto');
    expect(await seriousViolations(page), 'outreach form').toEqual([]);
    await page.getByRole('button', { name: 'Simpan penjangkauan' }).click();
    await page.waitForURL(/\/penjangkauan\/[0-9a-f-]{36}$/);
    const runUrl = page.url();
    const found = page.getByRole('list', { name: 'Orang yang ditemukan' });
    await found.getByText('Belum ditempatkan').first().waitFor();

    await moveTo(page, 'Laki-laki kaos merah', 'TPS', new RegExp(`^${shelter.replace(/[()]/g, '\\$&')}`));
    await moveTo(page, 'Pak Darto', 'TPS', new RegExp(`^${shelter.replace(/[()]/g, '\\$&')}`));
    expect(await found.getByText(`TPS: ${shelter}`).count()).toBe(2);
    const sheltered = await occupancy(page);
    expect(sheltered).toEqual({ beds: before.beds, people: before.people + 2 });

    // One needs further rehabilitation: the balai takes them into a bed; the TPS frees a place.
    await page.goto(runUrl);
    await moveTo(page, 'Laki-laki kaos merah', 'Balai (tempat tidur)');
    expect(await seriousViolations(page), 'run page after moves').toEqual([]);
    const after = await occupancy(page);
    expect(after).toEqual({ beds: before.beds + 1, people: before.people + 1 });

    // The runs list finds the run by words of its team and place.
    await page.getByRole('tab', { name: 'Daftar penjangkauan' }).click();
    const search = page.getByRole('searchbox', { name: 'Cari tim atau tempat' });
    await search.fill('satpol stasiun');
    await page
      .getByRole('table', { name: 'Daftar penjangkauan' })
      .getByRole('link', { name: 'Stasiun Bekasi' })
      .first()
      .waitFor();
    await search.fill('satpol kalimalang');
    await page.getByText('Tidak ada data yang cocok.').waitFor();

    // The case page shows where the person stays and moves them with the same dialog.
    await page.goto(runUrl);
    await page.getByRole('listitem', { name: 'Pak Darto' }).getByRole('link').click();
    await page.waitForURL(/\/kasus\/[0-9a-f-]{36}$/);
    const stays = page.getByRole('region', { name: 'Tempat tinggal' });
    await stays.getByText(`TPS: ${shelter}`).first().waitFor();
    await moveTo(page, 'Pak Darto', 'Keluarga');
    await stays.getByRole('listitem').nth(1).getByText('Keluarga').waitFor();
    expect(await seriousViolations(page), 'case page stays').toEqual([]);
    expect(await occupancy(page)).toEqual({ beds: before.beds + 1, people: before.people });
    await context.close();
  });
});
