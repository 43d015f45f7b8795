import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject, onTestFailed } from 'vitest';

const e2e = inject('e2e');
export const baseUrl = e2e.baseUrl;
export const hasBrowser = e2e.chromium !== null;

export const demoPassword = 'Atensi-Demo-2026!';

/** One headless Chromium per spec file, with the flags this machine's closed network needs. */
export const browserForThisFile = () => {
  const state: { browser: Browser | null } = { browser: null };
  beforeAll(async () => {
    if (!e2e.chromium) return;
    state.browser = await chromium.launch({
      executablePath: e2e.chromium,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });
  afterAll(async () => {
    await state.browser?.close();
  });
  return {
    /** A fresh context (no cookies, no storage) and page; a screenshot is saved if the test fails. */
    newPage: async (
      viewport = { width: 1280, height: 800 },
    ): Promise<{ context: BrowserContext; page: Page }> => {
      if (!state.browser) throw new Error('no browser');
      const context = await state.browser.newContext({
        baseURL: baseUrl,
        viewport,
        locale: 'id-ID',
        timezoneId: 'Asia/Jakarta',
      });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      onTestFailed(async ({ task }) => {
        const dir = join(process.cwd(), 'test-results');
        mkdirSync(dir, { recursive: true });
        await page
          .screenshot({ path: join(dir, `${task.name.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true })
          .catch(() => {});
      });
      return { context, page };
    },
  };
};

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** axe-core in the page (evaluate is not subject to the page's CSP); serious and critical violations only. */
export const seriousViolations = async (page: Page): Promise<string[]> => {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> };
    };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
};

/** Nothing personal may sit in browser storage: returns every key/value found. */
export const browserStorage = (page: Page) =>
  page.evaluate(async () => {
    const local = Object.entries(localStorage);
    const session = Object.entries(sessionStorage);
    const dbs = 'databases' in indexedDB ? await indexedDB.databases() : [];
    return { local, session, indexedDb: dbs.map((d) => d.name) };
  });
