import { describe, expect, it } from 'vitest';
import { signIn } from './support/actions.ts';
import { browserForThisFile, demoPassword, hasBrowser, seriousViolations } from './support/browser.ts';

const browser = browserForThisFile();

describe.skipIf(!hasBrowser)('signing in in the browser', () => {
  it('keeps the session token out of the page and sends the Permissions-Policy', async () => {
    const { page, context } = await browser.newPage();
    const shell = await page.goto('/masuk');
    expect(shell?.headers()['permissions-policy']).toContain('geolocation=()');
    expect(shell?.headers()['permissions-policy']).toContain('camera=()');
    const answer = page.waitForResponse((r) => r.url().includes('/api/auth/sign-in/'));
    await signIn(page, 'pusat');
    const body = await (await answer).json();
    expect(body.user.username).toBe('pusat');
    expect(body).not.toHaveProperty('token');
    // The cookie is there, but out of the page's reach.
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name.includes('session_token'))?.httpOnly).toBe(true);
    expect(await page.evaluate(() => document.cookie)).not.toContain('session_token');
    await context.close();
  });

  it('shows how long an account must wait after too many wrong passwords, and keeps the button off', async () => {
    const { page, context } = await browser.newPage();
    await page.goto('/masuk');
    // An account nobody has: it waits like a real one, and locking it hinders no other spec.
    const name = `tidak.ada.${Date.now().toString(36)}`;
    const submit = page.getByRole('button', { name: 'Masuk', exact: true });
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Email atau nama pengguna').fill(name);
      await page.getByLabel('Kata sandi', { exact: false }).first().fill(`${demoPassword}-${i}`);
      await submit.click();
      await page.getByText('Email/nama pengguna atau kata sandi salah.').waitFor();
    }
    await page.getByLabel('Kata sandi', { exact: false }).first().fill(demoPassword);
    await submit.click();
    const wait = page.getByTestId('login-wait');
    await wait.waitFor();
    expect(await wait.textContent()).toMatch(/Coba lagi dalam \d+ detik/);
    expect(await submit.isDisabled()).toBe(true);
    await context.close();
  });

  it('lets a person rename themselves and change their password under the same rule, but not their username', async () => {
    const admin = await browser.newPage();
    await signIn(admin.page, 'admin');
    const username = `akun.${Date.now().toString(36)}`;
    const first = 'Sungai-Kapuas-Berliku-91';
    const status = await admin.page.evaluate(
      async ({ username, first }) =>
        (
          await fetch('/api/users', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              name: 'Yohana Ndun',
              email: `${username}@atensi.test`,
              username,
              password: first,
            }),
          })
        ).status,
      { username, first },
    );
    expect(status).toBe(201);
    await admin.context.close();

    const { page, context } = await browser.newPage();
    await signIn(page, username, first);
    await page.getByRole('button', { name: /Menu pengguna/ }).click();
    await page.getByRole('menuitem', { name: 'Akun saya' }).click();
    await page.getByRole('heading', { name: 'Akun saya' }).waitFor();
    expect(
      await page.getByRole('textbox', { name: 'Nama pengguna' }).getAttribute('readonly'),
    ).not.toBeNull();
    await page.getByRole('textbox', { name: 'Nama lengkap' }).fill('Yohana Maria Ndun');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('button', { name: /Menu pengguna: Yohana Maria Ndun/ }).waitFor();

    const next = 'Rumah-Joglo-Hujan-Sore-41';
    await page.getByLabel('Kata sandi saat ini', { exact: false }).fill(first);
    await page.getByLabel('Kata sandi baru', { exact: false }).fill(`${username}-2026-ok`);
    await page
      .getByTestId('password-strength')
      .getByText(/tidak boleh memuat nama/)
      .waitFor();
    await page.getByLabel('Kata sandi baru', { exact: false }).fill(next);
    await page.getByTestId('password-strength').getByText('Kata sandi cukup kuat.').waitFor();
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await page.getByText('Kata sandi telah diganti.').waitFor();
    expect(await seriousViolations(page), 'account page').toEqual([]);
    await context.close();

    const again = await browser.newPage();
    await signIn(again.page, username, next);
    await again.context.close();
  });
});
