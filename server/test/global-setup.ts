import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadRegions } from '../src/modules/regions/load-regions.ts';
import { openDatabase } from '../src/platform/db/client.ts';
import { migrationsFolder, runMigrations } from '../src/platform/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase:
      | { kind: 'pglite'; templatePath: string }
      | { kind: 'postgres'; adminUrl: string; template: string; runId: string };
  }
}

/** Migrations, the region package and its loader decide the template's content. */
const templateKey = (): string => {
  const h = createHash('sha256');
  for (const f of readdirSync(migrationsFolder).sort())
    if (f.endsWith('.sql')) h.update(readFileSync(join(migrationsFolder, f)));
  h.update(readFileSync(join(migrationsFolder, 'meta/_journal.json')));
  h.update(readFileSync(new URL('../../node_modules/idn-area-data/package.json', import.meta.url)));
  // The loader decides names and parents too.
  h.update(readFileSync(new URL('../src/modules/regions/load-regions.ts', import.meta.url)));
  return h.digest('hex').slice(0, 16);
};

/**
 * Migrates and loads the 91,000 regions once per run; every test file then starts from a
 * copy: a PGlite data-dir dump, or a PostgreSQL database made with CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject) {
  // The project's `env` reaches the test workers, not this process: read it from the config.
  const kind = project.config.env?.ATENSI_TEST_DB ?? process.env.ATENSI_TEST_DB;
  if (kind === 'postgres') {
    const adminUrl = process.env.DATABASE_URL;
    if (!adminUrl) throw new Error('int-postgres needs DATABASE_URL');
    const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
    const template = `atensi_tpl_${runId}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${template}`);
    const url = new URL(adminUrl);
    url.pathname = `/${template}`;
    const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2 });
    await runMigrations(database);
    await loadRegions(database.db);
    await database.close();
    project.provide('testDatabase', { kind: 'postgres', adminUrl, template, runId });
    return async () => {
      // Leave the shared database server as we found it: drop every database this run made.
      const { rows } = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like $1 or datname = $2`,
        [`atensi_t_${runId}_%`, template],
      );
      for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
      await admin.end();
    };
  }

  const dir = join(process.cwd(), '.tmp');
  mkdirSync(dir, { recursive: true });
  const templatePath = join(dir, `pglite-template-${templateKey()}.tar.gz`);
  if (!existsSync(templatePath)) {
    const database = await openDatabase({ kind: 'pglite' });
    await runMigrations(database);
    await loadRegions(database.db);
    const client = (database.db as unknown as { $client: { dumpDataDir: (c: 'gzip') => Promise<Blob> } })
      .$client;
    const blob = await client.dumpDataDir('gzip');
    writeFileSync(`${templatePath}.part`, Buffer.from(await blob.arrayBuffer()));
    renameSync(`${templatePath}.part`, templatePath);
    await database.close();
  }
  project.provide('testDatabase', { kind: 'pglite', templatePath });
}
