import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { MigrationConfig } from 'drizzle-orm/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { type Database, rowsOf } from './client.ts';

export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

/** Any number for pg_advisory_lock, shared by every app process: only one migrates at a time. */
const migrationLock = 7_402_911;

/** `afterMigrate` runs while the migration lock is still held (the grants of roles.ts). */
export const runMigrations = async (
  database: Database,
  options: { afterMigrate?: () => Promise<void> } = {},
): Promise<void> => {
  const config: MigrationConfig = { migrationsFolder };
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, config);
    await options.afterMigrate?.();
    return;
  }
  // A session lock needs one connection for its whole life, not a pooled one.
  const lockClient = new pg.Client({ connectionString: database.url });
  await lockClient.connect();
  try {
    await lockClient.query('select pg_advisory_lock($1)', [migrationLock]);
    await migrateNodePg(database.db as unknown as NodePgDatabase, config);
    await options.afterMigrate?.();
  } finally {
    await lockClient.end();
  }
};

type Journal = { entries: { tag: string }[] };

export const expectedMigrations = (): number =>
  (JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as Journal).entries.length;

export const appliedMigrations = async (database: Database): Promise<number> => {
  const result = await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
};
