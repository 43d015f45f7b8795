import type { Locator, Page } from 'playwright-core';
import { demoPassword } from './browser.ts';

export const signIn = async (page: Page, username: string, password = demoPassword) => {
  await page.goto('/masuk');
  await page.getByLabel('Email atau nama pengguna').fill(username);
  await page.getByLabel('Kata sandi', { exact: false }).first().fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/masuk'));
};

/** Opens a Mantine select, types, and picks the first option that matches. */
export const choose = async (page: Page, field: Locator, typed: string, option: string | RegExp) => {
  await field.click();
  await field.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
};

/** Opens a Mantine select that takes no typing and picks the option. */
export const pick = async (page: Page, field: Locator, option: string | RegExp) => {
  await field.click();
  await page.getByRole('option', { name: option }).first().click();
};
