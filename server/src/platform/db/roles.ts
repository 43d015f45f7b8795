import { sql } from 'drizzle-orm';
import { type Database, type Db, openDatabase, rowsOf } from './client.ts';
import { runMigrations } from './migrate.ts';

/**
 * Production database roles (decision 0020, docs/operations.md). The owner role runs the
 * migrations; the app connects as a role that owns no table, so it can neither switch a trigger
 * off (`ALTER TABLE … DISABLE TRIGGER` needs the owner) nor `SET session_replication_role`
 * (superuser only). After every migration the owner grants the app what it needs, from the
 * tables as they are then: grants follow new tables without anyone remembering to.
 */

const currentRole = async (db: Db): Promise<{ name: string; superuser: boolean }> => {
  const [row] = rowsOf<{ name: string; superuser: boolean }>(
    await db.execute(
      sql`select current_user as name, rolsuper as superuser from pg_roles where rolname = current_user`,
    ),
  );
  return row!;
};

/**
 * Append-only tables: those whose trigger function refuses changes (`<table>_refuse_change`,
 * migrations 0002 and 0014). The app may read and append to them, nothing else.
 */
export const appendOnlyTables = async (db: Db): Promise<string[]> =>
  rowsOf<{ table: string }>(
    await db.execute(sql`
      select distinct c.relname as table
      from pg_trigger t
      join pg_class c on c.oid = t.tgrelid
      join pg_namespace n on n.oid = c.relnamespace
      join pg_proc p on p.oid = t.tgfoid
      where n.nspname = 'public' and not t.tgisinternal and p.proname like '%\\_refuse\\_change'
      order by 1`),
  ).map((r) => r.table);

/** Grants `role` reading and writing every table, only reading and appending the append-only ones. */
export const grantAppRole = async (owner: Db, role: string): Promise<void> => {
  const who = sql.identifier(role);
  // One transaction: a running app process never sees the moment between revoke and grant.
  await owner.transaction(async (tx) => {
    await tx.execute(sql`grant usage on schema public to ${who}`);
    await tx.execute(sql`revoke all on all tables in schema public from ${who}`);
    await tx.execute(sql`grant select, insert, update, delete on all tables in schema public to ${who}`);
    for (const table of await appendOnlyTables(tx as unknown as Db))
      await tx.execute(sql`revoke update, delete on ${sql.identifier(table)} from ${who}`);
    await tx.execute(sql`grant usage, select on all sequences in schema public to ${who}`);
    // The health check reads which migrations ran.
    await tx.execute(sql`grant usage on schema drizzle to ${who}`);
    await tx.execute(sql`grant select on drizzle.__drizzle_migrations to ${who}`);
  });
};

/** Tables `role` owns in the public schema: any is a table whose triggers it could switch off. */
export const tablesOwnedBy = async (db: Db, role: string): Promise<string[]> =>
  rowsOf<{ table: string }>(
    await db.execute(
      sql`select tablename as table from pg_tables where schemaname = 'public' and tableowner = ${role} order by 1`,
    ),
  ).map((r) => r.table);

export class DatabaseRoleError extends Error {
  override name = 'DatabaseRoleError';
}

/**
 * Migrates the database. With `ATENSI_MIGRATION_DATABASE_URL` the owner role migrates and grants
 * the app's role (DATABASE_URL's) its rights, under the migration lock; the start is refused when
 * the app's role is a superuser or owns a table. Without it, the one connection migrates
 * (development, PGlite).
 */
export const migrateWithRoles = async (
  database: Database,
  config: { ATENSI_MIGRATION_DATABASE_URL?: string | undefined },
): Promise<void> => {
  const url = config.ATENSI_MIGRATION_DATABASE_URL;
  if (!url || database.kind !== 'postgres') return runMigrations(database);
  const owner = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
  try {
    const app = await currentRole(database.db);
    const ownerRole = await currentRole(owner.db);
    if (app.name === ownerRole.name)
      throw new DatabaseRoleError(
        `DATABASE_URL and ATENSI_MIGRATION_DATABASE_URL use the same role (${app.name}): the app must connect as a role that owns nothing`,
      );
    if (app.superuser)
      throw new DatabaseRoleError(
        `the app's database role ${app.name} is a superuser: it could switch the audit triggers off`,
      );
    await runMigrations(owner, { afterMigrate: () => grantAppRole(owner.db, app.name) });
    const owned = await tablesOwnedBy(owner.db, app.name);
    if (owned.length > 0)
      throw new DatabaseRoleError(
        `the app's database role ${app.name} owns ${owned.join(', ')}: REASSIGN OWNED BY ${app.name} TO ${ownerRole.name}`,
      );
  } finally {
    await owner.close();
  }
};
