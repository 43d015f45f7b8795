import { describe, expect, it } from 'vitest';
import { choose, pick, signIn } from './support/actions.ts';
import { baseUrl, browserForThisFile, hasBrowser, seriousViolations } from './support/browser.ts';

const browser = browserForThisFile();

describe.skipIf(!hasBrowser)('SERASI from the public to a case', () => {
  it('a member of the public reports an ODGJ person in an NTT village on a phone and gets a code; the covering desk opens a case from it; the tracking page shows the new status', async () => {
    const reporter = await browser.newPage({ width: 375, height: 812 });
    let page = reporter.page;
    await page.goto(`${baseUrl}/lapor`);
    await page.getByRole('radio', { name: 'Laporkan orang yang membutuhkan' }).check();
    await page.getByRole('radio', { name: 'ODGJ (orang dengan gangguan jiwa)' }).check();
    await page
      .getByRole('textbox', { name: 'Ceritakan apa yang terjadi' })
      .fill(
        'Seorang bapak dipasung di kebun belakang rumah keluarganya, sudah bertahun-tahun tidak berobat.',
      );
    await choose(page, page.getByTestId('region-province'), 'Nusa Tenggara Timur', 'Nusa Tenggara Timur');
    await choose(page, page.getByTestId('region-regency'), 'Kabupaten Kupang', 'Kabupaten Kupang');
    await choose(page, page.getByTestId('region-district'), 'Kupang Barat', 'Kupang Barat');
    await choose(page, page.getByTestId('region-village'), 'Batakte', 'Batakte');
    await page.getByRole('textbox', { name: 'Patokan (opsional)' }).fill('Rumah kebun dekat sumur desa');
    await page.getByRole('switch', { name: 'Lapor tanpa nama' }).check();
    await page.getByRole('checkbox', { name: /Saya sudah membaca pemberitahuan/ }).check();
    expect(await seriousViolations(page), 'public report form at 375 px').toEqual([]);
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByRole('heading', { name: 'Laporan terkirim' }).waitFor();
    const code = (await page.getByTestId('serasi-code').textContent())!.trim();
    expect(code).toMatch(/^SRS-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    // Nothing about the report is kept in the reporter's browser.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k !== 'atensi.lang'))).toEqual(
      [],
    );

    // The desk officer of the balai covering Kabupaten Kupang finds it in the queue.
    const desk = await browser.newPage();
    page = desk.page;
    await signIn(page, 'serasi.kupang');
    await page.goto(`${baseUrl}/serasi`);
    await page.getByLabel('Cari tiket').fill(code);
    await page.getByRole('button', { name: 'Cari' }).click();
    await page.getByRole('table', { name: 'Antrean tiket SERASI' }).getByRole('link', { name: code }).click();
    await page.getByRole('heading', { name: `Tiket ${code}` }).waitFor();
    expect(await seriousViolations(page), 'ticket page').toEqual([]);

    await page.getByRole('button', { name: 'Buka kasus' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Laki-laki' }).check();
    await dialog.getByRole('textbox', { name: 'Perkiraan tahun lahir' }).fill('1980');
    await pick(
      page,
      dialog.getByRole('combobox', { name: 'Pekerja sosial penanggung jawab' }),
      /Maria Magdalena Bria/,
    );
    await dialog.getByRole('button', { name: 'Buka kasus' }).click();
    await dialog.getByText(/Kasus ATN-\d{4}-BRSAMPK-NAIBONAT-\d{5} dibuka/).waitFor();
    await dialog.getByRole('button', { name: 'Selesai' }).click();
    await desk.context.close();

    // The reporter's tracking page shows the ticket is being handled.
    page = reporter.page;
    await page.goto(`${baseUrl}/lacak/${code}`);
    await page.getByRole('heading', { name: `Laporan ${code}` }).waitFor();
    await page.getByText('Diproses').first().waitFor();
    await page
      .getByText(/ditindaklanjuti/)
      .first()
      .waitFor();
    expect(await page.getByText('dipasung').count(), 'the description never reaches the tracking page').toBe(
      0,
    );
    expect(await seriousViolations(page), 'tracking page').toEqual([]);
    await reporter.context.close();
  });

  it('a desk officer records a referral from a PKH facilitator; it becomes a ticket in the queue and is forwarded on as a referral the desk follows in the hub', async () => {
    const { page, context } = await browser.newPage();
    await signIn(page, 'serasi.bekasi');
    await page.goto(`${baseUrl}/serasi`);
    await page.getByRole('button', { name: 'Catat rujukan masuk' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByRole('textbox', { name: 'Dari program/instansi' })
      .fill('Pendamping PKH Kel. Margahayu');
    await dialog.getByRole('textbox', { name: 'Nomor surat rujukan (opsional)' }).fill('045/PKH/XI/2026');
    await dialog.getByLabel('Siapa yang dirujuk').selectOption('abandoned_elder');
    await dialog
      .getByRole('textbox', { name: 'Uraian kebutuhan' })
      .fill('Lansia tinggal sendiri, tidak mampu mengurus diri, keluarga di luar kota.');
    await choose(page, dialog.getByTestId('region-province'), 'Jawa Barat', 'Jawa Barat');
    await choose(page, dialog.getByTestId('region-regency'), 'Kota Bekasi', 'Kota Bekasi');
    await choose(page, dialog.getByTestId('region-district'), 'Bekasi Timur', 'Bekasi Timur');
    await choose(page, dialog.getByTestId('region-village'), 'Margahayu', 'Margahayu');
    expect(await seriousViolations(page), 'incoming referral form').toEqual([]);
    await dialog.getByRole('button', { name: 'Simpan rujukan' }).click();
    await page.waitForURL(/\/serasi\/[0-9a-f-]{36}$/);
    await page.getByText('Pendamping PKH Kel. Margahayu (045/PKH/XI/2026)').waitFor();
    const code = (await page.getByRole('heading', { name: /^Tiket SRS-/ }).textContent())!.replace(
      'Tiket ',
      '',
    );

    // Not the balai's to serve: forwarded to the social affairs office as a tracked referral.
    await page.getByRole('button', { name: 'Teruskan' }).click();
    const forward = page.getByRole('dialog');
    await pick(page, forward.getByRole('combobox', { name: 'Jenis tujuan' }), 'Instansi lain');
    await forward.getByRole('textbox', { name: 'Nama instansi' }).fill('Dinas Sosial Kota Bekasi');
    await forward
      .getByRole('textbox', { name: /Alasan\/pokok permasalahan/ })
      .fill('Lansia perlu bantuan permakanan dari dinas sosial kota.');
    await forward
      .getByRole('textbox', { name: 'Pesan untuk pelapor' })
      .fill('Rujukan Anda kami teruskan ke Dinas Sosial Kota Bekasi.');
    expect(await seriousViolations(page), 'forward form').toEqual([]);
    await forward.getByRole('button', { name: 'Teruskan' }).click();
    const referrals = page.getByRole('region', { name: 'Rujukan dari tiket ini' });
    await referrals.getByText('Dinas Sosial Kota Bekasi').waitFor();
    await referrals.getByText('Dikirim', { exact: true }).waitFor();

    // The desk follows it in the referrals hub too.
    await page.goto(`${baseUrl}/rujukan`);
    await page.getByRole('table', { name: 'Daftar rujukan' }).getByRole('link', { name: code }).waitFor();
    expect(await seriousViolations(page), 'referrals hub for the desk').toEqual([]);
    await context.close();
  });
});
