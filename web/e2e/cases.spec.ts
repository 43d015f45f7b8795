import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from './support/actions.ts';
import { browserForThisFile, hasBrowser, seriousViolations } from './support/browser.ts';
import { dayFromToday } from './support/dates.ts';

const browser = browserForThisFile();

const moveTo = async (page: Page, button: string) => {
  await page.getByRole('button', { name: button }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Konfirmasi' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
};

describe.skipIf(!hasBrowser)('an ATENSI case in the browser', () => {
  it('a worker opens a case with the routing recommendation, records assessment, plan and two services, requests closure; the head approves with outcomes; the summary PDF downloads', async () => {
    const worker = await browser.newPage();
    let page = worker.page;
    await signIn(page, 'peksos.bekasi');
    await page.getByRole('link', { name: 'Penerima Manfaat' }).first().click();
    await page.getByLabel('Cari nama atau NIK').fill('Nur Aisyah');
    await page.getByLabel('Cari nama atau NIK').press('Enter');
    await page
      .getByRole('table', { name: 'Daftar penerima manfaat' })
      .getByRole('link', { name: 'Nur Aisyah' })
      .click();
    await page.getByRole('link', { name: 'Buka kasus' }).click();

    // The recommendation ranks centres for the person's village and explains why.
    await page.getByRole('region', { name: 'Rekomendasi balai' }).getByText('Rekomendasi pertama').waitFor();
    await page.getByRole('checkbox', { name: 'Penyandang Disabilitas' }).check();
    await page.getByLabel('Saluran masuk').selectOption('family_request');
    await page
      .getByRole('textbox', { name: 'Permasalahan' })
      .fill('Membutuhkan kursi roda dan terapi fisik.');
    await page.getByLabel('Urgensi').selectOption('high');
    await page.getByLabel('Modalitas').selectOption('family');
    expect(await seriousViolations(page), 'open-case form').toEqual([]);
    await page.getByRole('button', { name: 'Buka kasus' }).click();
    await page.waitForURL(/\/kasus\/[0-9a-f-]{36}$/);
    const caseUrl = page.url();

    await moveTo(page, 'Pindah ke Asesmen');
    await page.getByRole('tab', { name: 'Asesmen' }).click();
    for (const component of ['Pemenuhan hidup layak', 'Dukungan aksesibilitas']) {
      await page.getByLabel(component).selectOption('3');
    }
    await page.getByLabel('Tingkat risiko').selectOption('medium');
    await page.getByLabel('Tanggal asesmen').fill(dayFromToday(-2));
    await page
      .getByRole('textbox', { name: 'Narasi asesmen' })
      .fill('Anak memakai kursi roda pinjaman; keluarga tidak mampu.');
    await page.getByRole('button', { name: 'Simpan asesmen' }).click();
    await page.getByText('Asesmen disimpan.').waitFor();

    await moveTo(page, 'Pindah ke Rencana intervensi');
    await page.getByRole('tab', { name: 'Rencana intervensi' }).click();
    await page.getByLabel('Komponen').first().selectOption('accessibility');
    await page
      .getByRole('textbox', { name: 'Tujuan', exact: true })
      .first()
      .fill('Mobilitas mandiri di rumah dan sekolah');
    await page
      .getByRole('textbox', { name: 'Layanan yang direncanakan' })
      .first()
      .fill('Kursi roda anak dan terapi fisik');
    await page.getByLabel('Tanggal target').first().fill(dayFromToday(40));
    await page.getByRole('button', { name: 'Simpan rencana' }).click();
    await page.getByText('Rencana intervensi disimpan.').waitFor();

    await moveTo(page, 'Pindah ke Intervensi');
    await page.getByRole('tab', { name: 'Layanan' }).click();
    for (const [component, type, value] of [
      ['accessibility', 'Kursi roda anak', '2750000'],
      ['therapy', 'Terapi fisik 8 sesi', '800000'],
    ] as const) {
      await page.getByLabel('Komponen').selectOption(component);
      await page.getByRole('textbox', { name: 'Jenis layanan' }).fill(type);
      await page.getByLabel('Tanggal diberikan').fill(dayFromToday(-1));
      await page.getByRole('textbox', { name: 'Uraian' }).fill(type);
      await page.getByRole('textbox', { name: 'Nilai (rupiah)' }).fill(value);
      await page.getByLabel('Pemberi layanan').selectOption('this_center');
      await page.getByRole('button', { name: 'Catat layanan' }).click();
      await page.getByRole('table', { name: 'Daftar layanan' }).getByText(type).waitFor();
    }
    await page.getByText('Rp2.750.000').first().waitFor();

    await moveTo(page, 'Ajukan terminasi');
    await page.getByText('Menunggu persetujuan terminasi').first().waitFor();
    await worker.context.close();

    // The head approves the closure with the outcome measures.
    const head = await browser.newPage();
    page = head.page;
    await signIn(page, 'kepala.bekasi');
    await page.goto(caseUrl);
    await page.getByRole('button', { name: 'Setujui terminasi' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: 'Kebutuhan hidup layak terpenuhi' }).check();
    await dialog.getByRole('checkbox', { name: 'Mobilitas/kemandirian meningkat' }).check();
    await dialog.getByRole('checkbox', { name: 'Keluarga mampu merawat' }).check();
    await dialog.getByRole('checkbox', { name: 'Layanan tuntas' }).check();
    await dialog
      .getByRole('textbox', { name: 'Ringkasan terminasi' })
      .fill('Kursi roda diserahkan, terapi selesai, keluarga mendampingi.');
    await dialog.getByRole('button', { name: 'Setujui' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Terminasi', { exact: true }).first().waitFor();

    // Bimbingan lanjut: a home visit after closure moves the case to follow-up.
    await page.getByRole('button', { name: 'Catat kunjungan' }).click();
    const visit = page.getByRole('dialog');
    await visit.getByLabel('Tanggal kunjungan').fill(dayFromToday());
    await visit.getByLabel('Cara kunjungan').selectOption('home_visit');
    await visit.getByLabel('Kondisi penerima manfaat').selectOption('improved');
    await visit
      .getByRole('textbox', { name: 'Catatan kunjungan' })
      .fill('Anak memakai kursi roda ke sekolah setiap hari.');
    await visit.getByRole('button', { name: 'Simpan kunjungan' }).click();
    await visit.waitFor({ state: 'detached' });
    await page
      .getByRole('list', { name: 'Daftar kunjungan bimbingan lanjut' })
      .getByText('Anak memakai kursi roda ke sekolah setiap hari.')
      .waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh ringkasan (PDF)' }).click();
    const file = await (await download).path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(file!).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await seriousViolations(page), 'closed case page').toEqual([]);

    // The centre's response time (intake → first service) is on the case list.
    await page.getByRole('link', { name: 'Kasus', exact: true }).first().click();
    await page
      .getByRole('region', { name: 'Waktu respons balai' })
      .getByText(/Pangudi Luhur/)
      .waitFor();
    expect(await seriousViolations(page), 'case list').toEqual([]);
    await head.context.close();
  });
});
