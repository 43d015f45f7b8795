import { describe, expect, it } from 'vitest';
import { choose, signIn } from './support/actions.ts';
import {
  baseUrl,
  browserForThisFile,
  browserStorage,
  hasBrowser,
  seriousViolations,
} from './support/browser.ts';

const browser = browserForThisFile();

const code = `E2E-${Date.now().toString(36).toUpperCase()}`;

describe.skipIf(!hasBrowser)('centre registry in the browser', () => {
  it('signs in, creates a centre with the region picker, finds it, edits it, switches language and signs out', async () => {
    const { page, context } = await browser.newPage();
    await page.goto('/');
    await page.waitForURL(/\/masuk/);
    expect(await seriousViolations(page), 'login page').toEqual([]);

    // A wrong password is refused in Bahasa Indonesia.
    await page.getByLabel('Email atau nama pengguna').fill('admin');
    await page.getByLabel('Kata sandi', { exact: false }).first().fill('bukan-kata-sandinya');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByText('Email/nama pengguna atau kata sandi salah.').waitFor();

    await signIn(page, 'admin');
    await page.getByRole('link', { name: 'Balai' }).first().click();
    await page.getByRole('table', { name: 'Daftar balai' }).waitFor();
    expect(await seriousViolations(page), 'centre list').toEqual([]);

    await page.getByRole('link', { name: /Tambah balai/ }).click();
    await page.getByRole('textbox', { name: 'Kode', exact: true }).waitFor();
    expect(await seriousViolations(page), 'centre form').toEqual([]);

    // Saving an empty form shows the problems on the fields, and writes nothing.
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Wajib diisi.').first().waitFor();

    await page.getByRole('textbox', { name: 'Kode', exact: true }).fill(code);
    await page
      .getByRole('textbox', { name: 'Nama balai', exact: true })
      .fill('Loka Rehabilitasi Sosial Uji Coba Kupang');
    await page.getByRole('combobox', { name: 'Jenis', exact: true }).click();
    await page.getByRole('option', { name: 'Loka', exact: true }).click();
    await choose(page, page.getByTestId('region-province'), 'Nusa Tenggara', 'Nusa Tenggara Timur');
    await choose(page, page.getByTestId('region-regency'), 'Kupang', 'Kota Kupang');
    await choose(page, page.getByTestId('region-district'), 'Oebobo', 'Oebobo');
    await choose(page, page.getByTestId('region-village'), 'Oebobo', 'Oebobo');
    await page.getByRole('textbox', { name: 'Kapasitas tempat tidur', exact: true }).fill('60');
    await page.getByRole('textbox', { name: 'Tempat tidur terisi', exact: true }).fill('15');
    await page.getByRole('checkbox', { name: 'Gudang' }).check();
    await choose(
      page,
      page.getByRole('combobox', { name: 'Provinsi jangkauan' }),
      'Nusa Tenggara Timur',
      'Nusa Tenggara Timur',
    );
    await page.getByRole('button', { name: 'Tambah seluruh provinsi' }).click();
    await page.getByRole('button', { name: 'Simpan' }).click();

    await page.waitForURL(/\/balai\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Loka Rehabilitasi Sosial Uji Coba Kupang' }).waitFor();
    await page.getByText('15 / 60 tempat tidur').waitFor();
    await page.getByText('WITA').first().waitFor();

    // Found in the list by search.
    await page.goto('/balai');
    await page.getByLabel('Cari balai').fill(code);
    await page.getByRole('link', { name: 'Loka Rehabilitasi Sosial Uji Coba Kupang' }).click();

    // Edit it.
    await page.getByRole('link', { name: 'Ubah' }).click();
    const name = page.getByRole('textbox', { name: 'Nama balai', exact: true });
    await name.waitFor();
    await name.fill('Loka Rehabilitasi Sosial Flobamora Kupang');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('heading', { name: 'Loka Rehabilitasi Sosial Flobamora Kupang' }).waitFor();

    // Switch to English from the user menu, then back.
    await page.getByRole('button', { name: /Menu pengguna/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Centres' }).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: /User menu/ }).click();
    await page.getByRole('menuitem', { name: 'Indonesia' }).click();
    await page.getByRole('link', { name: 'Balai' }).first().waitFor();

    // Nothing personal in browser storage or in the address bar.
    const storage = await browserStorage(page);
    expect(storage.local.map(([k]) => k)).toEqual(['atensi.lang']);
    // The router keeps scroll positions under random location keys: no names, no ids, no data.
    expect(storage.session.map(([k]) => k).filter((k) => !k.startsWith('tsr-scroll-restoration'))).toEqual(
      [],
    );
    expect(JSON.stringify(storage.session)).not.toMatch(/\d{16}|@|Kupang/);
    expect(storage.indexedDb).toEqual([]);

    // Sign out: the session ends on the server, so going back lands on the login page.
    await page.getByRole('button', { name: /Menu pengguna/ }).click();
    await page.getByRole('menuitem', { name: 'Keluar' }).click();
    await page.waitForURL(/\/masuk/);
    await page.goto('/balai');
    await page.waitForURL(/\/masuk/);
    const cookies = await context.cookies(baseUrl);
    expect(cookies.filter((c) => c.name.includes('session_token') && c.value !== '')).toEqual([]);
    await context.close();
  });

  it('works on a 375 px phone screen', async () => {
    const { page, context } = await browser.newPage({ width: 375, height: 740 });
    await signIn(page, 'kepala.bekasi');
    await page.goto('/balai');
    await page.getByRole('table', { name: 'Daftar balai' }).waitFor();
    // The navigation folds into a burger menu and the page does not scroll sideways.
    await page.getByRole('button', { name: 'Buka navigasi' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Balai' }).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // A centre head sees no "add centre" button and no user administration.
    expect(await page.getByRole('link', { name: /Tambah balai/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Pengguna' }).count()).toBe(0);
    expect(await seriousViolations(page), 'centre list at 375 px').toEqual([]);
    await context.close();
  });
});
