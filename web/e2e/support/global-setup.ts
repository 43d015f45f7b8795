import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildApp } from '../../../server/src/app.ts';
import { bootstrap } from '../../../server/src/bootstrap.ts';
import { loadConfig } from '../../../server/src/platform/config.ts';
import { openDatabase } from '../../../server/src/platform/db/client.ts';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export const chromiumPath = '/usr/bin/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: { baseUrl: string; chromium: string | null };
  }
}

/**
 * Runs Atensi as `npm start` does (PGlite, migrations, regions, demo data) on a free port,
 * with the built web app. Without Chromium the browser tests are skipped loudly, except
 * under CI where a missing browser is a failure.
 */
export default async function setup(project: TestProject) {
  const hasChromium = existsSync(chromiumPath);
  if (!hasChromium) {
    const message = `Chromium is not installed at ${chromiumPath}: browser tests cannot run (apt-get install chromium).`;
    if (process.env.CI) throw new Error(message);
    console.warn(
      `\n${'!'.repeat(80)}\n!! ${message}\n!! They are SKIPPED on this machine.\n${'!'.repeat(80)}\n`,
    );
  }
  if (!existsSync(new URL('../../dist/index.html', import.meta.url))) {
    throw new Error('web/dist is missing: run `npm run build` first (npm run test:e2e does).');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'atensi-e2e-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    ATENSI_DATA_DIR: dataDir,
    ATENSI_DEMO_DATA: 'true',
    // Every spec signs in from 127.0.0.1, several times a minute; the limit itself is tested in auth.int.test.ts.
    ATENSI_LOGIN_RATE_LIMIT: '200',
    PORT: '0',
  });
  const database = await openDatabase({ kind: 'pglite', dataDir });
  await bootstrap(database, config);
  // Better Auth checks the Origin against the public URL, so the port is chosen before the app is built.
  const port = await freePort();
  const app = await buildApp({ config: { ...config, publicUrl: `http://127.0.0.1:${port}` }, database });
  await app.listen({ port, host: '127.0.0.1' });
  project.provide('e2e', {
    baseUrl: `http://127.0.0.1:${port}`,
    chromium: hasChromium ? chromiumPath : null,
  });
  return async () => {
    await app.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
