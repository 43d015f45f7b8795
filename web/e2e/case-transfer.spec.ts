import { describe, expect, it } from 'vitest';
import { pick, signIn } from './support/actions.ts';
import { browserForThisFile, hasBrowser, seriousViolations } from './support/browser.ts';

const browser = browserForThisFile();

describe.skipIf(!hasBrowser)('a case moving between balai', () => {
  it('the receiving head finds the incoming transfer, accepts it for one of their workers, and the case arrives with its history; the sender loses sight of it', async () => {
    // The demo holds a transfer asked by Bekasi for an elderly man whose sister lives in Temanggung.
    const head = await browser.newPage({ width: 375, height: 800 });
    const page = head.page;
    await signIn(page, 'kepala.temanggung');
    await page.goto(new URL('/kasus', page.url()).toString());
    await page.getByLabel('Pemindahan').selectOption({ label: 'Pemindahan masuk' });
    const list = page.getByRole('table', { name: 'Daftar kasus' });
    await list.getByText('Menunggu pemindahan').first().waitFor();
    await list
      .getByRole('row', { name: /Slamet Riyanto/ })
      .getByRole('link')
      .first()
      .click();
    await page.waitForURL(/\/kasus\/[0-9a-f-]{36}$/);

    const transfer = page.getByRole('region', { name: 'Pemindahan kasus' });
    await transfer.getByText('Menunggu keputusan').first().waitFor();
    expect(await seriousViolations(page), 'incoming transfer at 375 px').toEqual([]);
    await transfer.getByRole('button', { name: 'Terima pemindahan' }).click();
    const dialog = page.getByRole('dialog');
    await pick(
      page,
      dialog.getByRole('combobox', { name: 'Pekerja sosial penanggung jawab' }),
      /Eko Prasetyo/,
    );
    await dialog.getByRole('textbox', { name: 'Catatan (opsional)' }).fill('Adik beliau sudah kami hubungi.');
    await dialog.getByRole('button', { name: 'Terima', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    // The case is now Temanggung's, worked by Eko, with the request and the decision on its timeline.
    await page.getByRole('tab', { name: 'Riwayat' }).click();
    const history = page.getByRole('tabpanel');
    await history.getByText('Pemindahan diterima').first().waitFor();
    await history.getByText('Pemindahan diminta').first().waitFor();
    await page
      .getByText(/Eko Prasetyo/)
      .first()
      .waitFor();
    expect(await transfer.getByRole('button', { name: 'Terima pemindahan' }).count()).toBe(0);
    await head.context.close();

    // The worker who asked no longer sees it.
    const sender = await browser.newPage();
    await signIn(sender.page, 'peksos.bekasi');
    await sender.page.goto(page.url());
    await sender.page.getByRole('heading', { name: 'Halaman tidak ditemukan' }).waitFor();
    await sender.context.close();
  });
});
