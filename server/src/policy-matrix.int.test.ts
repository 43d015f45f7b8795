import { type Role, roles } from '@atensi/domain';
import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCenter, buildUser, createTestApp, signIn, type TestContext, testOrigin } from '../test/app.ts';
import { createCase } from './modules/cases/cases.service.ts';
import { casePlacements, cases } from './modules/cases/cases.tables.ts';
import { getCenter } from './modules/centers/centers.service.ts';
import { addFamilyMember } from './modules/persons/family.ts';
import { createPerson } from './modules/persons/persons.service.ts';
import { systemContext } from './modules/users/first-admin.ts';
import { assignRole } from './modules/users/users.service.ts';
import { type Actor, can } from './platform/policy/policy.ts';

/**
 * The role × route table, generated from the policy: every /api route is called by every
 * role (and by nobody) and must answer what the rule says. A new route without a sample
 * below fails this test; a route without a rule cannot even register.
 */
type Call = { url: string; payload?: unknown; resourceCenterId?: string };
type Sample = { status: number; calls: (ctx: Ctx) => Promise<Call[]> };
type Ctx = {
  t: TestContext;
  ownCenter: string;
  otherCenter: string;
  n: () => number;
  workerId: () => string;
};

const centerBody = (n: number) => ({
  code: `MX-${n}`,
  name: `Balai Matriks ${n}`,
  type: 'loka',
  regionCode: '53.71.01.1001',
  bedCapacity: 20,
  occupiedBeds: 0,
  coverage: ['53'],
});

const personBody = (ctx: Ctx) => ({
  centerId: ctx.ownCenter,
  nik: null,
  nikUnknownReason: 'homeless' as const,
  nikWarningsConfirmed: false,
  kkNumber: null,
  fullName: `Orang Matriks ${ctx.n()}`,
  aliases: [],
  sex: 'male' as const,
  birthDate: null,
  birthYearEstimate: 1970,
  birthPlace: null,
  regionCode: '32.75.01.1001',
  rt: null,
  rw: null,
  street: null,
  phone: null,
  disabilityTypes: [],
  dtksStatus: 'unknown' as const,
  dtksDecile: null,
  legalBasis: 'vital_interest' as const,
  consentBy: null,
  consentGuardianName: null,
});
const freshPerson = async (ctx: Ctx) =>
  createPerson({ db: ctx.t.database.db, context: systemContext, input: personBody(ctx) });

const caseBody = async (ctx: Ctx) => ({
  personId: await freshPerson(ctx),
  centerId: ctx.ownCenter,
  clusters: ['elderly'] as 'elderly'[],
  childSpecialProtection: false,
  intakeChannel: 'walk_in' as const,
  intakeReference: null,
  problem: 'Lansia terlantar',
  urgency: 'medium' as const,
  modality: 'family' as const,
  assignedWorkerId: ctx.workerId(),
  recommendedCenterId: null,
  overrideReason: null,
});
/** A case assigned to the matrix's social worker, optionally moved straight to a stage. */
const freshCase = async (ctx: Ctx, stage?: string) => {
  const id = await createCase({ db: ctx.t.database.db, context: systemContext, input: await caseBody(ctx) });
  if (stage)
    await ctx.t.database.db
      .update(cases)
      .set({ stage, previousStage: 'intervention' })
      .where(eq(cases.id, id));
  return id;
};
const serviceBody = {
  component: 'basic_needs',
  serviceType: 'Sembako',
  deliveredOn: '2026-11-20',
  description: 'Paket',
  valueRupiah: 100000,
  providerKind: 'this_center',
};
const needs = {
  basic_needs: 1,
  social_care: 1,
  family_support: 1,
  therapy: 0,
  vocational: 0,
  social_assistance: 1,
  accessibility: 0,
};

const freshUser = async (ctx: Ctx) =>
  buildUser(ctx.t.database, [{ role: 'social_worker', centerId: ctx.ownCenter }]);

const samples: Record<string, Sample> = {
  'GET /api/openapi.json': { status: 200, calls: async () => [{ url: '/api/openapi.json' }] },
  'GET /api/health': { status: 200, calls: async () => [{ url: '/api/health' }] },
  'GET /api/setup': { status: 200, calls: async () => [{ url: '/api/setup' }] },
  // Public, but users exist and the token is wrong: refused for everybody.
  'POST /api/setup': {
    status: 403,
    calls: async ({ n }) => [
      {
        url: '/api/setup',
        payload: {
          token: 'bukan-token-yang-benar',
          name: 'Admin',
          email: `s${n()}@uji.test`,
          username: `setup${n()}`,
          password: 'Kalimat-Panjang-Sekali-9',
        },
      },
    ],
  },
  'GET /api/regions': { status: 200, calls: async () => [{ url: '/api/regions?level=province' }] },
  'GET /api/regions/:code': { status: 200, calls: async () => [{ url: '/api/regions/53.71' }] },
  'GET /api/me': { status: 200, calls: async () => [{ url: '/api/me' }] },
  'GET /api/centers': { status: 200, calls: async () => [{ url: '/api/centers' }] },
  'GET /api/centers/:id': {
    status: 200,
    calls: async ({ ownCenter }) => [{ url: `/api/centers/${ownCenter}` }],
  },
  'POST /api/centers': {
    status: 201,
    calls: async ({ n }) => [{ url: '/api/centers', payload: centerBody(n()) }],
  },
  'PUT /api/centers/:id': {
    status: 200,
    calls: async ({ t, ownCenter, otherCenter, n }) =>
      Promise.all(
        [ownCenter, otherCenter].map(async (id) => {
          const c = await getCenter(t.database.db, id);
          const payload = {
            ...centerBody(n()),
            code: c.code,
            regionCode: c.regionCode,
            coverage: c.coverage.map((x) => x.code),
            version: c.version,
          };
          return { url: `/api/centers/${id}`, payload, resourceCenterId: id };
        }),
      ),
  },
  'DELETE /api/centers/:id': {
    status: 204,
    calls: async ({ t }) => {
      const c = await buildCenter(t.database);
      return [{ url: `/api/centers/${c.id}?version=${c.version}`, resourceCenterId: c.id }];
    },
  },
  'GET /api/users': { status: 200, calls: async () => [{ url: '/api/users' }] },
  'GET /api/users/:id': {
    status: 200,
    calls: async (ctx) => [{ url: `/api/users/${(await freshUser(ctx)).id}` }],
  },
  'POST /api/users': {
    status: 201,
    calls: async ({ n }) => [
      {
        url: '/api/users',
        payload: {
          name: 'Rina Wati',
          email: `m${n()}@uji.test`,
          username: `matriks${n()}`,
          password: 'Kalimat-Panjang-Sekali-9',
        },
      },
    ],
  },
  'POST /api/users/:id/roles': {
    status: 200,
    calls: async (ctx) => [
      {
        url: `/api/users/${(await freshUser(ctx)).id}/roles`,
        payload: { role: 'finance', centerId: ctx.ownCenter },
      },
    ],
  },
  'DELETE /api/users/:id/roles/:assignmentId': {
    status: 200,
    calls: async (ctx) => {
      const u = await freshUser(ctx);
      const user = await assignRole({
        db: ctx.t.database.db,
        context: systemContext,
        userId: u.id,
        input: { role: 'finance', centerId: ctx.ownCenter },
      });
      return [{ url: `/api/users/${u.id}/roles/${user.roles.find((r) => r.role === 'finance')!.id}` }];
    },
  },
  'POST /api/users/:id/deactivate': {
    status: 200,
    calls: async (ctx) => [{ url: `/api/users/${(await freshUser(ctx)).id}/deactivate`, payload: {} }],
  },
  'POST /api/users/:id/activate': {
    status: 200,
    calls: async (ctx) => [{ url: `/api/users/${(await freshUser(ctx)).id}/activate`, payload: {} }],
  },
  'GET /api/audit': { status: 200, calls: async () => [{ url: '/api/audit' }] },
  'POST /api/routing/recommendations': {
    status: 200,
    calls: async () => [
      { url: '/api/routing/recommendations', payload: { regionCode: '32.75.01.1001', modality: 'family' } },
    ],
  },
  'POST /api/cases/list': {
    status: 200,
    calls: async () => [{ url: '/api/cases/list', payload: { view: 'center' } }],
  },
  'POST /api/cases': {
    status: 201,
    calls: async (ctx) => [
      { url: '/api/cases', payload: await caseBody(ctx), resourceCenterId: ctx.ownCenter },
    ],
  },
  'GET /api/cases/:id': {
    status: 200,
    calls: async (ctx) => [{ url: `/api/cases/${await freshCase(ctx)}` }],
  },
  'POST /api/cases/:id/stage': {
    status: 200,
    calls: async (ctx) => [
      { url: `/api/cases/${await freshCase(ctx)}/stage`, payload: { to: 'assessment', version: 1 } },
    ],
  },
  'POST /api/cases/:id/assessment': {
    status: 200,
    calls: async (ctx) => [
      {
        url: `/api/cases/${await freshCase(ctx)}/assessment`,
        payload: { needs, riskLevel: 'low', narrative: 'Baik', assessedOn: '2026-11-20' },
      },
    ],
  },
  'POST /api/cases/:id/plan': {
    status: 200,
    calls: async (ctx) => [
      {
        url: `/api/cases/${await freshCase(ctx)}/plan`,
        payload: {
          goals: [
            {
              component: 'basic_needs',
              goal: 'Makan cukup',
              plannedServices: 'Sembako',
              targetDate: '2026-12-01',
            },
          ],
        },
      },
    ],
  },
  'POST /api/cases/:id/services': {
    status: 200,
    calls: async (ctx) => [{ url: `/api/cases/${await freshCase(ctx)}/services`, payload: serviceBody }],
  },
  'GET /api/cases/response-times': { status: 200, calls: async () => [{ url: '/api/cases/response-times' }] },
  'POST /api/cases/export': {
    status: 200,
    calls: async () => [{ url: '/api/cases/export', payload: { view: 'center' } }],
  },
  'GET /api/cases/:id/summary.pdf': {
    status: 200,
    calls: async (ctx) => [{ url: `/api/cases/${await freshCase(ctx)}/summary.pdf` }],
  },
  'POST /api/cases/:id/referral-letter': {
    status: 200,
    calls: async (ctx) => [
      {
        url: `/api/cases/${await freshCase(ctx)}/referral-letter`,
        payload: { letterNumber: '1/2026', recipient: 'Dinas Sosial', purpose: 'Pendaftaran PKH' },
      },
    ],
  },
  'POST /api/cases/:id/placement': {
    status: 200,
    calls: async (ctx) => [{ url: `/api/cases/${await freshCase(ctx)}/placement` }],
  },
  'POST /api/cases/:id/placement/end': {
    status: 200,
    calls: async (ctx) => {
      const id = await freshCase(ctx);
      await ctx.t.database.db
        .insert(casePlacements)
        .values({ id: uuidv7(), caseId: id, centerId: ctx.ownCenter, startedAt: new Date() });
      return [{ url: `/api/cases/${id}/placement/end`, payload: { reason: 'Pulang ke keluarga' } }];
    },
  },
  'POST /api/cases/:id/closure': {
    status: 200,
    calls: async (ctx) => [
      {
        url: `/api/cases/${await freshCase(ctx, 'termination_requested')}/closure`,
        payload: {
          version: 1,
          outcomes: {
            basicNeedsMet: true,
            ownIncome: false,
            mobilityImproved: false,
            familyCanCare: true,
            servicesComplete: true,
            summary: 'Selesai',
          },
        },
      },
    ],
  },
  'POST /api/persons/search': {
    status: 200,
    calls: async () => [{ url: '/api/persons/search', payload: { q: 'Orang' } }],
  },
  'POST /api/persons/duplicates': {
    status: 200,
    calls: async () => [
      { url: '/api/persons/duplicates', payload: { fullName: 'Orang Matriks', sex: 'male' } },
    ],
  },
  'POST /api/persons': {
    status: 201,
    calls: async (ctx) => [
      { url: '/api/persons', payload: personBody(ctx), resourceCenterId: ctx.ownCenter },
    ],
  },
  'GET /api/persons/:id': {
    status: 200,
    calls: async (ctx) => [{ url: `/api/persons/${await freshPerson(ctx)}` }],
  },
  'PUT /api/persons/:id': {
    status: 200,
    calls: async (ctx) => {
      const { centerId: _centerId, ...body } = personBody(ctx);
      return [{ url: `/api/persons/${await freshPerson(ctx)}`, payload: { ...body, version: 1 } }];
    },
  },
  'POST /api/persons/:id/family': {
    status: 200,
    calls: async (ctx) => [
      {
        url: `/api/persons/${await freshPerson(ctx)}/family`,
        payload: { relatedPersonId: await freshPerson(ctx), relationship: 'sibling' },
      },
    ],
  },
  'DELETE /api/persons/:id/family/:relatedPersonId': {
    status: 200,
    calls: async (ctx) => {
      const [a, b] = [await freshPerson(ctx), await freshPerson(ctx)];
      await addFamilyMember({
        db: ctx.t.database.db,
        context: systemContext,
        personId: a,
        relatedPersonId: b,
        relationship: 'sibling',
        scope: 'all',
      });
      return [{ url: `/api/persons/${a}/family/${b}` }];
    },
  },
  'POST /api/persons/merge': {
    status: 200,
    calls: async (ctx) => [
      {
        url: '/api/persons/merge',
        payload: {
          survivorId: await freshPerson(ctx),
          mergedId: await freshPerson(ctx),
          survivorVersion: 1,
          mergedVersion: 1,
          reason: 'orang yang sama',
        },
      },
    ],
  },
};

let t: TestContext;
let ctx: Ctx;
const cookies = new Map<Role, { cookie: string; actor: Actor }>();

beforeAll(async () => {
  t = await createTestApp();
  const own = await buildCenter(t.database);
  const other = await buildCenter(t.database);
  let counter = 0;
  ctx = {
    t,
    ownCenter: own.id,
    otherCenter: other.id,
    n: () => ++counter,
    workerId: () => cookies.get('social_worker')!.actor.userId,
  };
  for (const role of roles) {
    const centerId = role === 'admin' || role === 'central' ? null : own.id;
    const user = await buildUser(t.database, [{ role, centerId }]);
    const actor: Actor = {
      userId: user.id,
      name: '',
      email: user.email,
      username: user.username,
      assignments: [{ role, centerId }],
    };
    cookies.set(role, { cookie: await signIn(t.app, user), actor });
  }
}, 120_000);
afterAll(() => t?.close());

const routeKeys = () =>
  t.app.routeCatalog.filter((r) => !r.url.startsWith('/api/auth')).map((r) => `${r.method} ${r.url}`);

describe('role × route table', () => {
  it('has a sample for every registered route', () => {
    const missing = routeKeys().filter((k) => !samples[k]);
    expect(missing, 'routes without a sample in policy-matrix.int.test.ts').toEqual([]);
  });

  it('answers every route for every role as the policy says', async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const entry of t.app.routeCatalog.filter((r) => !r.url.startsWith('/api/auth'))) {
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
