import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asUser,
  buildCenter,
  buildUser,
  createTestApp,
  signIn,
  type TestContext,
} from '../../../test/app.ts';
import { rowsOf } from '../db/client.ts';
import { verifyAuditChain } from './verify-chain.ts';

let t: TestContext;

beforeAll(async () => {
  t = await createTestApp();
  await buildCenter(t.database);
  await buildCenter(t.database);
}, 60_000);
afterAll(() => t?.close());

describe('audit log', () => {
  it('is a valid hash chain after writes', async () => {
    const report = await verifyAuditChain(t.database.db);
    expect(report).toMatchObject({ ok: true });
    expect(report.rows).toBeGreaterThanOrEqual(2);
  });

  it('stays one unbroken chain under concurrent writes', async () => {
    const admin = await signIn(t.app, await buildUser(t.database, [{ role: 'admin', centerId: null }]));
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/centers',
          headers: asUser(admin),
          payload: {
            code: `PAR-${i}`,
            name: `Balai Paralel ${i}`,
            type: 'balai',
            regionCode: '32.75',
            bedCapacity: 5,
            coverage: ['32'],
          },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    const report = await verifyAuditChain(t.database.db);
    expect(report.ok).toBe(true);
    const [row] = rowsOf<{ n: number; m: number }>(
      await t.database.db.execute(sql`select count(*)::int as n, max(seq)::int as m from audit_log`),
    );
    expect(row!.n).toBe(row!.m);
    expect(report.rows).toBe(row!.n);
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const refusal = async (statement: ReturnType<typeof sql>) => {
      const error = await t.database.db.execute(statement).then(
        () => null,
        (e: Error & { cause?: Error }) => e,
      );
      return String(error?.cause?.message ?? error?.message);
    };
    expect(await refusal(sql`update audit_log set actor_name = 'x'`)).toMatch(/append-only: UPDATE refused/);
    expect(await refusal(sql`delete from audit_log`)).toMatch(/append-only: DELETE refused/);
    expect(await refusal(sql`truncate audit_log`)).toMatch(/append-only: TRUNCATE refused/);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('names the first tampered row', async () => {
    // Only someone who can switch the trigger off (the table owner) gets this far; the chain still tells.
    await t.database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await t.database.db.execute(sql`update audit_log set actor_name = 'pemalsu' where seq = 2`);
    await t.database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    const report = await verifyAuditChain(t.database.db);
    expect(report).toMatchObject({ ok: false, brokenSeq: 2, reason: 'content does not match its seal' });
  });

  it('is browsable by admin with filters, newest first', async () => {
    const admin = await signIn(t.app, await buildUser(t.database, [{ role: 'admin', centerId: null }]));
    const page = (
      await t.app.inject({
        method: 'GET',
        url: '/api/audit?entity=center&action=create&pageSize=5',
        headers: asUser(admin),
      })
    ).json();
    expect(page.items.length).toBe(5);
    expect(page.items[0].seq).toBeGreaterThan(page.items[1].seq);
    expect(page.items.every((e: { entity: string }) => e.entity === 'center')).toBe(true);
  });
});
