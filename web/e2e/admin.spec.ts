import { describe, expect, it } from 'vitest';
import { choose, pick, signIn } from './support/actions.ts';
import { browserForThisFile, hasBrowser, seriousViolations } from './support/browser.ts';

const browser = browserForThisFile();

describe.skipIf(!hasBrowser)('administration in the browser', () => {
  it('creates a user, gives a role at a centre, deactivates them (their session ends) and finds it in the audit log', async () => {
    const admin = await browser.newPage();
    await signIn(admin.page, 'admin');
    const page = admin.page;
    await page.getByRole('link', { name: 'Pengguna' }).first().click();
    await page.getByRole('table', { name: 'Daftar pengguna' }).waitFor();
    expect(await seriousViolations(page), 'user list').toEqual([]);

    const username = `uji.${Date.now().toString(36)}`;
    const password = 'Teh-Manis-Di-Kupang-2026';
    await page.getByRole('link', { name: 'Tambah pengguna' }).click();
    await page.getByRole('textbox', { name: 'Nama lengkap', exact: true }).fill('Maria Goreti Ndun');
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(`${username}@atensi.test`);
    await page.getByRole('textbox', { name: 'Nama pengguna', exact: true }).fill(username);
    // A common password is refused by the server, on the field.
    await page.getByLabel('Kata sandi awal', { exact: false }).first().fill('qwerty123456');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page
      .getByText(/terlalu umum/)
      .first()
      .waitFor();
    // The same rule as a hint while typing: a balai and its city are refused, a passphrase is strong enough.
    await page.getByLabel('Kata sandi awal', { exact: false }).first().fill('Balai-Bekasi-2026');
    await page
      .getByTestId('password-strength')
      .getByText(/terlalu umum/)
      .waitFor();
    await page.getByLabel('Kata sandi awal', { exact: false }).first().fill(password);
    await page.getByTestId('password-strength').getByText('Kata sandi cukup kuat.').waitFor();
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('heading', { name: 'Maria Goreti Ndun' }).waitFor();

    await pick(page, page.getByRole('combobox', { name: 'Peran', exact: true }), 'Pekerja Sosial');
    await choose(page, page.getByRole('combobox', { name: 'Balai', exact: true }), 'Naibonat', /Naibonat/);
    await page.getByRole('button', { name: 'Tambahkan peran' }).click();
    await page.getByRole('table', { name: 'Peran' }).getByText('Pekerja Sosial').waitFor();

    // The new user signs in in another browser.
    const worker = await browser.newPage();
    await signIn(worker.page, username, password);
    await worker.page.getByText('Pekerja Sosial').first().waitFor();

    // Deactivation ends the worker's session now.
    await page.getByRole('button', { name: 'Nonaktifkan' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Nonaktifkan' }).click();
    await page.getByText('Nonaktif', { exact: true }).first().waitFor();
    await worker.page.goto('/balai');
    await worker.page.waitForURL(/\/masuk/);

    // The audit log shows who did it.
    await page.getByRole('link', { name: 'Log Audit' }).first().click();
    await page.getByRole('table', { name: 'Daftar log audit' }).waitFor();
    await page
      .getByRole('table', { name: 'Daftar log audit' })
      .getByText('Administrator Sistem')
      .first()
      .waitFor();
    expect(await seriousViolations(page), 'audit log').toEqual([]);
    await admin.context.close();
    await worker.context.close();
  });
});
