import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/db.ts';
import { buildApp } from './app.ts';
import { bootstrap } from './bootstrap.ts';
import { demoCenterCodes, demoCenters } from './cli/demo/centers.data.ts';
import { demoUsers } from './cli/demo/users.data.ts';
import { createDisaster, proposalFor, readDisaster, setNeed } from './modules/logistics/disasters.service.ts';
import { systemContext } from './modules/users/first-admin.ts';
import { verifyAuditChain } from './platform/audit/verify-chain.ts';
import { loadConfig } from './platform/config.ts';
import { type Database, rowsOf } from './platform/db/client.ts';

let database: Database | null = null;
afterEach(async () => {
  await database?.close();
  database = null;
});

const counts = async (db: Database['db']) =>
  rowsOf<{ centers: number; users: number; regions: number; coverage: number }>(
    await db.execute(sql`select (select count(*)::int from centers) as centers, (select count(*)::int from users) as users,
      (select count(*)::int from regions) as regions, (select count(*)::int from center_coverage) as coverage`),
  )[0]!;

const production = {
  NODE_ENV: 'production',
  ATENSI_AUTH_SECRET: 'p'.repeat(40),
  ATENSI_AUDIT_KEY: 'a'.repeat(40),
  LOG_LEVEL: 'silent',
  ATENSI_PUBLIC_URL: 'http://localhost:3000',
};

describe('bootstrap', () => {
  it('loads demo data once: a second start duplicates and loses nothing', async () => {
    database = await createTestDatabase();
    const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent' });
    const first = await bootstrap(database, config);
    expect(first.demoLoaded).toBe(true);
    const after1 = await counts(database.db);
    expect(after1.centers).toBe(demoCenters.length);
    expect(after1.users).toBe(demoUsers.length);
    // The seeds' example: an ODGJ case in an NTT village routed to the nearest covering balai,
    // historically a children's balai, as the first recommendation.
    const [odgj] = rowsOf<{ code: string; specialty: string[]; first: boolean }>(
      await database.db.execute(sql`select c.code, c.specialty_clusters as specialty, k.recommended_center_id = k.center_id as first
        from cases k join centers c on c.id = k.center_id where 'odgj' = any(k.clusters)`),
    );
    expect(odgj).toEqual({ code: demoCenterCodes.kupang, specialty: ['child'], first: true });
    // A transfer waits for the Temanggung head, so the demo shows the receiving side too.
    const waiting = rowsOf<{ code: string; status: string }>(
      await database.db.execute(
        sql`select c.code, t.status from case_transfers t join centers c on c.id = t.to_center_id`,
      ),
    );
    expect(waiting).toEqual([{ code: demoCenterCodes.temanggung, status: 'pending' }]);
    // SERASI has work on the desk: the day-old report is already escalated to the head.
    const tickets = rowsOf<{ type: string; escalation_level: number }>(
      await database.db.execute(sql`select type, escalation_level from serasi_tickets order by filed_at`),
    );
    expect(tickets).toHaveLength(3);
    expect(tickets[0]).toEqual({ type: 'report_person', escalation_level: 1 });
    const second = await bootstrap(database, config);
    expect(second).toMatchObject({ demoLoaded: false, regionsInserted: 0, setupToken: null });
    expect(await counts(database.db)).toEqual(after1);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);

    // Relief stock at every balai with a warehouse: an NTT flood is supplied from NTT first.
    const stocked = rowsOf<{ center: string; kind: string }>(
      await database.db.execute(sql`select c.code as center, w.kind from warehouses w join centers c on c.id = w.center_id
        where exists (select 1 from stock_balances b where b.warehouse_id = w.id and b.quantity > 0)`),
    );
    expect(stocked.map((w) => w.center).sort()).toEqual(
      demoCenters
        .filter((c) => c.facilities.includes('warehouse'))
        .map((c) => c.code)
        .sort(),
    );
    const central = { userId: 'test', name: 'Pusat', email: '', username: null, assignments: [] };
    const actor = { ...central, assignments: [{ role: 'central' as const, centerId: null }] };
    const [kupang] = rowsOf<{ id: string }>(
      await database.db.execute(sql`select id from centers where code = ${demoCenterCodes.kupang}`),
    );
    const [tents] = rowsOf<{ id: string }>(
      await database.db.execute(sql`select id from logistics_items where code = 'TND-01'`),
    );
    const disasterId = await createDisaster({
      db: database.db,
      context: systemContext,
      actor,
      input: {
        name: 'Banjir Kupang Tengah',
        type: 'flood',
        regionCodes: ['53.01.05'],
        startedOn: new Date().toISOString().slice(0, 10),
        estimatedAffected: 800,
        description: null,
        responsibleCenterId: kupang!.id,
        siteName: 'Posko Kupang Tengah',
        siteRegionCode: '53.01.05.2003',
        siteLatitude: null,
        siteLongitude: null,
      },
    });
    await setNeed({
      db: database.db,
      context: systemContext,
      actor,
      id: disasterId,
      input: { itemId: tents!.id, quantity: 25, note: null },
    });
    const need = (await readDisaster(database.db, actor, disasterId)).needs[0]!;
    const proposal = await proposalFor(database.db, actor, disasterId, need.id);
    expect(proposal.lines.map((l) => [l.warehouseName, l.quantity, l.belowMinimum])).toEqual([
      ['Gudang Balai Naibonat Kupang', 25, 0],
    ]);
  }, 120_000);

  it('creates no demo data and no account in production, and prints a one-time setup token', async () => {
    database = await createTestDatabase();
    const config = loadConfig(production);
    const report = await bootstrap(database, config);
    expect(report.demoLoaded).toBe(false);
    expect(report.setupToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(await counts(database.db)).toMatchObject({ centers: 0, users: 0 });

    const app = await buildApp({ config, database, webDist: null });
    const admin = {
      name: 'Admin Pertama',
      email: 'admin@kemensos.go.id',
      username: 'admin.pusat',
      password: 'Kalimat-Panjang-Sekali-9',
    };
    expect((await app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: true });
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...admin, token: 'salah-salah-salah' },
    });
    expect(wrong.statusCode).toBe(403);
    const weak = await app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...admin, password: 'qwerty123456', token: report.setupToken },
    });
    expect(weak.statusCode).toBe(400);
    for (const [password, code] of [
      ['Atensi-Demo-2026!', 'auth.password_demo_password'],
      ['Admin-Pusat-Kopi-Tubruk-7', 'auth.password_contains_identity'],
      ['Temanggung-Jakarta-2026', 'auth.password_too_common'],
    ] as const) {
      const refused = await app.inject({
        method: 'POST',
        url: '/api/setup',
        payload: { ...admin, password, token: report.setupToken },
      });
      expect(refused.statusCode, password).toBe(400);
      expect(refused.json(), password).toMatchObject({ code, fields: [{ path: 'password' }] });
    }
    const ok = await app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...admin, token: report.setupToken },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().roles).toMatchObject([{ role: 'admin', centerId: null }]);
    const reused = await app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...admin, email: 'dua@kemensos.go.id', username: 'admin.dua', token: report.setupToken },
    });
    expect(reused.statusCode).toBe(403);
    expect((await counts(database.db)).users).toBe(1);
    await app.close();
  }, 60_000);

  it('creates the first admin from ATENSI_ADMIN_EMAIL and ATENSI_ADMIN_PASSWORD', async () => {
    database = await createTestDatabase();
    const config = loadConfig({
      ...production,
      ATENSI_ADMIN_EMAIL: 'kepala.it@kemensos.go.id',
      ATENSI_ADMIN_PASSWORD: 'Kalimat-Panjang-Sekali-9',
    });
    const report = await bootstrap(database, config);
    expect(report).toMatchObject({ adminCreated: true, setupToken: null, demoLoaded: false });
    expect(await counts(database.db)).toMatchObject({ centers: 0, users: 1 });
    const again = await bootstrap(database, config);
    expect(again.adminCreated).toBe(false);
    expect((await counts(database.db)).users).toBe(1);
  }, 60_000);

  it('refuses a guessable ATENSI_ADMIN_PASSWORD at start, naming the rule', async () => {
    database = await createTestDatabase();
    const config = loadConfig({
      ...production,
      ATENSI_ADMIN_EMAIL: 'kepala.it@kemensos.go.id',
      ATENSI_ADMIN_PASSWORD: 'Atensi-Demo-2026!',
    });
    await expect(bootstrap(database, config)).rejects.toMatchObject({ code: 'auth.password_demo_password' });
    expect((await counts(database.db)).users).toBe(0);
  }, 60_000);
});
