import { sql } from 'drizzle-orm';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { asUser, buildCenter, buildUser, signIn, testOrigin } from '../../../test/app.ts';
import { type AtensiApp, buildApp } from '../../app.ts';
import { bootstrap } from '../../bootstrap.ts';
import { verifyAuditChain } from '../audit/verify-chain.ts';
import { loadConfig } from '../config.ts';
import { type Database, openDatabase, rowsOf } from './client.ts';
import { appendOnlyTables, migrateWithRoles } from './roles.ts';

/**
 * Decision 0020, docs/operations.md: in production the app connects as a role that owns nothing;
 * the owner role migrates. Set up exactly as the operations page says, in a database of its own,
 * started through the real start path (`bootstrap`), the app's role can do the app's work and
 * cannot switch the audit log's or the stock ledger's protection off.
 */
const info = inject('testDatabase');
const onPostgres = info.kind === 'postgres';

// PGlite runs one built-in superuser session: there are no other roles to connect as.
describe.skipIf(!onPostgres)('production database roles (PostgreSQL only: PGlite has no roles)', () => {
  const run = onPostgres ? `${info.runId}_${process.pid}` : '';
  // Roles are cluster-wide: named for this run, dropped afterwards.
  const ownerRole = `atensi_t_${run}_owner`;
  const appRole = `atensi_t_${run}_app`;
  const dbName = `atensi_t_${run}_roles`;
  const password = 'uji-peran-basis-data';
  let admin: pg.Client;
  let appDatabase: Database;
  let app: AtensiApp;
  let adminCookie: string;
  let config: ReturnType<typeof loadConfig>;
  const opened: Database[] = [];

  const adminUrl = info.kind === 'postgres' ? info.adminUrl : 'postgres://unused@localhost/unused';
  const urlFor = (role: string) => {
    const url = new URL(adminUrl);
    url.username = role;
    url.password = password;
    url.pathname = `/${dbName}`;
    return url.toString();
  };

  /** Runs one statement as the app's role on a connection of its own; the error code, or null. */
  const asApp = async (statement: string): Promise<string | null> => {
    const client = new pg.Client({ connectionString: urlFor(appRole) });
    await client.connect();
    try {
      await client.query(statement);
      return null;
    } catch (error) {
      return (error as { code?: string }).code ?? 'unknown';
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    if (!onPostgres) return;
    admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    // The SQL of docs/operations.md, "Database roles".
    await admin.query(`create role ${ownerRole} login password '${password}'`);
    await admin.query(
      `create role ${appRole} login password '${password}' nosuperuser nocreatedb nocreaterole nobypassrls`,
    );
    await admin.query(`create database ${dbName} owner ${ownerRole}`);
    const inDb = new pg.Client({ connectionString: new URL(`/${dbName}`, adminUrl).toString() });
    await inDb.connect();
    await inDb.query(`revoke all on database ${dbName} from public`);
    await inDb.query(`grant connect, temporary on database ${dbName} to ${appRole}`);
    await inDb.query('revoke create on schema public from public');
    await inDb.end();

    appDatabase = await openDatabase({ kind: 'postgres', url: urlFor(appRole), poolSize: 5 });
    config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: urlFor(appRole),
      ATENSI_MIGRATION_DATABASE_URL: urlFor(ownerRole),
      ATENSI_DEMO_DATA: 'false',
      ATENSI_PUBLIC_URL: testOrigin,
      ATENSI_ADMIN_EMAIL: 'admin.peran@kemensos.go.id',
      ATENSI_ADMIN_PASSWORD: 'Kalimat-Panjang-Sekali-9',
    });
    // The real start: the owner migrates and grants, then the app role loads regions and the first admin.
    const report = await bootstrap(appDatabase, config);
    expect(report.adminCreated).toBe(true);
    app = await buildApp({ config, database: appDatabase, webDist: null });
    adminCookie = await signIn(app, {
      email: 'admin.peran@kemensos.go.id',
      password: 'Kalimat-Panjang-Sekali-9',
    });
  }, 180_000);

  afterAll(async () => {
    if (!onPostgres) return;
    await app?.close();
    await appDatabase?.close();
    for (const d of opened) await d.close();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.query(`drop role if exists ${appRole}`);
    await admin.query(`drop role if exists ${ownerRole}`);
    await admin.end();
  });

  it('does the app’s work as that role: writes through HTTP, the stock ledger and the audit chain included', async () => {
    const centre = await app.inject({
      method: 'POST',
      url: '/api/centers',
      headers: asUser(adminCookie),
      payload: {
        code: `ROLE-${Date.now().toString(36).toUpperCase()}`,
        name: 'Balai Peran Basis Data',
        type: 'balai',
        regionCode: '32.75',
        bedCapacity: 5,
        coverage: ['32'],
      },
    });
    expect(centre.statusCode, centre.body).toBe(201);
    const centerId = (await buildCenter(appDatabase)).id;
    const central = await signIn(app, await buildUser(appDatabase, [{ role: 'central', centerId: null }]));
    const officer = await signIn(
      app,
      await buildUser(appDatabase, [{ role: 'warehouse_officer', centerId }]),
    );
    const item = await app.inject({
      method: 'POST',
      url: '/api/logistics/items',
      headers: asUser(central),
      payload: {
        code: `TND-${Date.now().toString(36).toUpperCase()}`,
        name: 'Tenda keluarga',
        category: 'shelter',
        unit: 'unit',
        perishable: false,
      },
    });
    expect(item.statusCode, item.body).toBe(201);
    const warehouse = await app.inject({
      method: 'POST',
      url: '/api/logistics/warehouses',
      headers: asUser(adminCookie),
      payload: {
        centerId,
        name: 'Gudang Peran',
        regionCode: '32.75.01.1001',
        address: null,
        latitude: null,
        longitude: null,
      },
    });
    expect(warehouse.statusCode, warehouse.body).toBe(201);
    const receipt = await app.inject({
      method: 'POST',
      url: `/api/logistics/warehouses/${warehouse.json().id}/receipts`,
      headers: asUser(officer),
      payload: {
        source: 'donation',
        sourceName: 'PT Donatur Peduli',
        documentNumber: 'BAST-PERAN',
        receivedOn: new Date().toISOString().slice(0, 10),
        note: null,
        lines: [{ itemId: item.json().id, quantity: 4, lotNumber: null, expiresOn: null }],
        idempotencyKey: uuidv7(),
      },
    });
    expect(receipt.statusCode, receipt.body).toBe(201);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({
      status: 'ok',
      migrations: { upToDate: true },
    });
    expect(await verifyAuditChain(appDatabase.db)).toMatchObject({ ok: true });
  });

  it('cannot switch the protection off, nor change, delete or truncate the audit log or the stock ledger', async () => {
    for (const table of ['audit_log', 'stock_movements']) {
      // 42501 insufficient_privilege: checked before any trigger could refuse it.
      expect(await asApp(`alter table ${table} disable trigger all`), table).toBe('42501');
      const column = table === 'audit_log' ? 'actor_name' : 'kind';
      expect(await asApp(`update ${table} set ${column} = ${column}`), table).toBe('42501');
      expect(await asApp(`delete from ${table}`), table).toBe('42501');
      expect(await asApp(`truncate ${table}`), table).toBe('42501');
      expect(await asApp(`alter table ${table} owner to ${appRole}`), table).toBe('42501');
      expect(await asApp(`drop table ${table}`), table).toBe('42501');
    }
    expect(await asApp('set session_replication_role = replica')).toBe('42501');
    expect(await asApp('create table sneaky (id int)')).toBe('42501');
    expect(await asApp('select count(*) from audit_log')).toBeNull();
  });

  it('holds exactly the grants the operations page says, on every table the migrations made', async () => {
    const owner = await openDatabase({ kind: 'postgres', url: urlFor(ownerRole), poolSize: 1 });
    try {
      const appendOnly = await appendOnlyTables(owner.db);
      expect(appendOnly).toEqual(['audit_log', 'stock_movements']);
      const tables = rowsOf<{
        table: string;
        owner: string;
        s: boolean;
        i: boolean;
        u: boolean;
        d: boolean;
        t: boolean;
      }>(
        await owner.db.execute(sql`
          select tablename as table, tableowner as owner,
            has_table_privilege(${appRole}, format('public.%I', tablename), 'select') as s,
            has_table_privilege(${appRole}, format('public.%I', tablename), 'insert') as i,
            has_table_privilege(${appRole}, format('public.%I', tablename), 'update') as u,
            has_table_privilege(${appRole}, format('public.%I', tablename), 'delete') as d,
            has_table_privilege(${appRole}, format('public.%I', tablename), 'truncate') as t
          from pg_tables where schemaname = 'public' order by 1`),
      );
      expect(tables.length).toBeGreaterThan(40);
      for (const row of tables) {
        const ledger = appendOnly.includes(row.table);
        expect(row, row.table).toEqual({
          table: row.table,
          owner: ownerRole,
          s: true,
          i: true,
          u: !ledger,
          d: !ledger,
          t: false,
        });
      }
      // A later migration's tables get their grants at the next start, an append-only one as such.
      await owner.db.execute(sql`create table later_probe (id int)`);
      await owner.db.execute(sql`create table later_ledger_probe (id int)`);
      await owner.db.execute(
        sql`create function later_ledger_probe_refuse_change() returns trigger language plpgsql as $$ begin raise exception 'no'; end $$`,
      );
      await owner.db.execute(
        sql`create trigger later_ledger_probe_no_update_delete before update or delete on later_ledger_probe for each row execute function later_ledger_probe_refuse_change()`,
      );
      expect(await asApp('insert into later_probe values (1)')).toBe('42501');
      await migrateWithRoles(appDatabase, config);
      expect(await asApp('insert into later_probe values (1)')).toBeNull();
      expect(await asApp('update later_probe set id = 2')).toBeNull();
      expect(await asApp('insert into later_ledger_probe values (1)')).toBeNull();
      expect(await asApp('delete from later_ledger_probe')).toBe('42501');
    } finally {
      await owner.close();
    }
  });

  it('refuses to start when the app role is the owner or a superuser', async () => {
    await expect(
      migrateWithRoles(
        await openDatabase({ kind: 'postgres', url: urlFor(ownerRole), poolSize: 1 }).then((d) => {
          opened.push(d);
          return d;
        }),
        { ATENSI_MIGRATION_DATABASE_URL: urlFor(ownerRole) },
      ),
    ).rejects.toThrow(/same role/);
    const superuser = await openDatabase({
      kind: 'postgres',
      url: new URL(`/${dbName}`, adminUrl).toString(),
      poolSize: 1,
    });
    opened.push(superuser);
    await expect(
      migrateWithRoles(superuser, { ATENSI_MIGRATION_DATABASE_URL: urlFor(ownerRole) }),
    ).rejects.toThrow(/is a superuser/);
  });
});
