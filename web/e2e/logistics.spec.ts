import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from './support/actions.ts';
import { browserForThisFile, hasBrowser, seriousViolations } from './support/browser.ts';
import { dayFromToday } from './support/dates.ts';

const browser = browserForThisFile();

/** Picks the option of a native select whose text contains `text`. */
const pick = async (_page: unknown, field: Locator, text: string | RegExp) => {
  const value = await field.locator('option', { hasText: text }).first().getAttribute('value');
  await field.selectOption(value!);
};

describe.skipIf(!hasBrowser)('balai warehouse in the browser', () => {
  it('an officer receives a donation with expiry dates, hands out packages, and the target page shows the new percentage', async () => {
    const officer = await browser.newPage();
    const page = officer.page;
    await signIn(page, 'gudang.bekasi');
    await page.goto('/gudang');
    await page.getByRole('link', { name: 'Gudang Balai Pangudi Luhur Bekasi' }).click();
    const stock = page.getByRole('table', { name: 'Stok gudang' });
    await stock.getByText('Paket sembako').first().waitFor();

    // A donation of sembako in two lots with their expiry dates.
    await page.getByRole('button', { name: 'Penerimaan barang' }).click();
    const receipt = page.getByRole('dialog');
    await pick(page, receipt.getByRole('combobox', { name: 'Sumber' }), 'Donasi');
    await receipt.getByRole('textbox', { name: 'Nama pengirim/donatur' }).fill('Yayasan Peduli Bekasi');
    await receipt.getByRole('textbox', { name: 'Nomor dokumen' }).fill('BAST-DON/077/2026');
    await receipt.getByLabel('Tanggal terima').fill(dayFromToday());
    const first = receipt.getByRole('group', { name: 'Baris 1' });
    await pick(page, first.getByRole('combobox', { name: 'Barang' }), /Paket sembako/);
    await first.getByRole('textbox', { name: 'Jumlah' }).fill('40');
    await first.getByRole('textbox', { name: 'Nomor lot' }).fill('DON-A');
    await first.getByLabel('Tanggal kedaluwarsa').fill(dayFromToday(90));
    await receipt.getByRole('button', { name: 'Tambah baris' }).click();
    const second = receipt.getByRole('group', { name: 'Baris 2' });
    await pick(page, second.getByRole('combobox', { name: 'Barang' }), /Paket sembako/);
    await second.getByRole('textbox', { name: 'Jumlah' }).fill('60');
    await second.getByRole('textbox', { name: 'Nomor lot' }).fill('DON-B');
    await second.getByLabel('Tanggal kedaluwarsa').fill(dayFromToday(240));
    await receipt.getByRole('button', { name: 'Simpan penerimaan' }).click();
    await receipt.waitFor({ state: 'detached' });
    // Demo stock 300 − 100 handed out + 100 received.
    await stock
      .getByRole('row', { name: /Paket sembako/ })
      .getByText('300')
      .first()
      .waitFor();

    // Forty packages to two households under the sembako programme.
    await page.getByRole('button', { name: 'Catat penyaluran' }).click();
    const distribution = page.getByRole('dialog');
    await pick(page, distribution.getByRole('combobox', { name: 'Barang' }), /Paket sembako/);
    await pick(page, distribution.getByRole('combobox', { name: 'Program' }), 'Sembako');
    await distribution.getByLabel('Tanggal penyaluran').fill(dayFromToday());
    const recipient = distribution.getByRole('group', { name: 'Penerima 1' });
    await recipient.getByRole('textbox', { name: 'Nama penerima' }).fill('Keluarga Wibisono');
    await recipient.getByRole('textbox', { name: 'Jumlah' }).fill('40');
    await distribution.getByRole('button', { name: 'Simpan penyaluran' }).click();
    await distribution.waitFor({ state: 'detached' });
    await stock
      .getByRole('row', { name: /Paket sembako/ })
      .getByText('260')
      .first()
      .waitFor();
    expect(await seriousViolations(page), 'warehouse page').toEqual([]);
    await officer.context.close();

    // Central staff: Bekasi's 2026 sembako target, 100 + 40 of 400 = 35,00 %.
    const central = await browser.newPage();
    await signIn(central.page, 'pusat');
    await central.page.goto('/target-penyaluran');
    const targets = central.page.getByRole('table', { name: 'Capaian target penyaluran' });
    await targets
      .getByRole('row', { name: /Gudang Balai Pangudi Luhur Bekasi/ })
      .getByText('35,00%')
      .waitFor();
    expect(await seriousViolations(central.page), 'targets page').toEqual([]);
  });
});
