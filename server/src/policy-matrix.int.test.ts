import { type Role, roles } from '@atensi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext, testOrigin } from '../test/app.ts';
import { type Ctx, type RouteSession, samples, setupRouteSamples } from '../test/route-samples.ts';
import { can } from './platform/policy/policy.ts';

/**
 * The role × route table, generated from the policy: every /api route is called by every
 * role (and by nobody) and must answer what the rule says. A new route without a sample in
 * server/test/route-samples.ts fails this test; a route without a rule cannot even register.
 */
let t: TestContext;
let ctx: Ctx;
let cookies: Map<Role, RouteSession>;

beforeAll(async () => {
  t = await createTestApp();
  ({ ctx, sessions: cookies } = await setupRouteSamples(t));
}, 120_000);
afterAll(() => t?.close());

const routeKeys = () =>
  t.app.routeCatalog.filter((r) => r.url !== '/api/auth/*').map((r) => `${r.method} ${r.url}`);

describe('role × route table', () => {
  it('has a sample for every registered route', () => {
    const missing = routeKeys().filter((k) => !samples[k]);
    expect(missing, 'routes without a sample in server/test/route-samples.ts').toEqual([]);
  });

  it('answers every route for every role as the policy says', async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const entry of t.app.routeCatalog.filter((r) => r.url !== '/api/auth/*')) {
      const key = `${entry.method} ${entry.url}`;
      const sample = samples[key];
      if (!sample) continue;
      for (const who of [null, ...roles] as (Role | null)[]) {
        for (const call of await sample.calls(ctx)) {
          const session = who ? cookies.get(who)! : null;
          const decision = can(
            session?.actor ?? null,
            entry.rule,
            call.resourceCenterId === undefined ? undefined : { centerId: call.resourceCenterId },
          );
          const expected = decision.allowed ? sample.status : session ? 403 : 401;
          const res = await t.app.inject({
            method: entry.method as 'GET',
            url: call.url,
            headers: { origin: testOrigin, ...(session ? { cookie: session.cookie } : {}) },
            ...(call.payload === undefined ? {} : { payload: call.payload as object }),
          });
          checked += 1;
          if (res.statusCode !== expected) {
            mismatches.push(
              `${who ?? 'anonymous'} ${key} (${call.url}): expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 160)}`,
            );
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(roles.length * 15);
  }, 300_000);
});
