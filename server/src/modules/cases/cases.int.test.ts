import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asUser,
  buildCenter,
  buildUser,
  createTestApp,
  signIn,
  type TestContext,
  type TestUser,
} from '../../../test/app.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { createPerson } from '../persons/persons.service.ts';
import { systemContext } from '../users/first-admin.ts';
import { cases } from './cases.tables.ts';

let t: TestContext;
let centerA: string;
let centerB: string;
let worker: TestUser;
let otherWorker: TestUser;
const cookies: Record<string, string> = {};

const personInput = (centerId: string, fullName: string) => ({
  centerId,
  nik: null,
  nikUnknownReason: 'homeless' as const,
  nikWarningsConfirmed: false,
  kkNumber: null,
  fullName,
  aliases: [],
  sex: 'male' as const,
  birthDate: null,
  birthYearEstimate: 1975,
  birthPlace: null,
  regionCode: '53.71.01.1001',
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

beforeAll(async () => {
  t = await createTestApp();
  // A children's centre covering Kota Kupang, and a far ODGJ-specialist centre in Java.
  centerA = (
    await buildCenter(t.database, {
      regionCode: '53.71.01.1001',
      coverage: ['53.71', '53.01'],
      specialtyClusters: ['child'],
      latitude: -10.17,
      longitude: 123.6,
      bedCapacity: 40,
      occupiedBeds: 10,
    })
  ).id;
  centerB = (
    await buildCenter(t.database, {
      specialtyClusters: ['odgj'],
      coverage: ['32'],
      bedCapacity: 200,
      occupiedBeds: 0,
    })
  ).id;
  worker = await buildUser(t.database, [{ role: 'social_worker', centerId: centerA }]);
  otherWorker = await buildUser(t.database, [{ role: 'social_worker', centerId: centerA }]);
  const head = await buildUser(t.database, [{ role: 'center_head', centerId: centerA }]);
  const headB = await buildUser(t.database, [{ role: 'center_head', centerId: centerB }]);
  const central = await buildUser(t.database, [{ role: 'central', centerId: null }]);
  for (const [k, u] of Object.entries({ worker, otherWorker, head, headB, central }))
    cookies[k] = await signIn(t.app, u);
}, 90_000);
afterAll(() => t?.close());

const call = (method: 'GET' | 'POST', url: string, who: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: asUser(cookies[who]!),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const openCase = async (overrides: Record<string, unknown> = {}, who = 'worker') => {
  const personId = await createPerson({
    db: t.database.db,
    context: systemContext,
    input: personInput(centerA, `Orang Kupang ${Math.random().toString(36).slice(2, 7)}`),
  });
  const res = await call('POST', '/api/cases', who, {
    personId,
    centerId: centerA,
    clusters: ['poor_vulnerable'],
    intakeChannel: 'walk_in',
    problem: 'Tidak memiliki tempat tinggal dan pekerjaan.',
    urgency: 'medium',
    modality: 'community',
    assignedWorkerId: worker.id,
    ...overrides,
  });
  return res;
};

describe('routing', () => {
  it('recommends the nearest covering centre whatever its historical specialty, with reasons', async () => {
    const res = await call('POST', '/api/routing/recommendations', 'worker', {
      regionCode: '53.71.01.1001',
      modality: 'residential',
      latitude: -10.16,
      longitude: 123.59,
    });
    expect(res.statusCode).toBe(200);
    const [first] = res.json().items;
    expect(first.centerId).toBe(centerA);
    expect(first.specialtyClusters).toEqual(['child']);
    expect(first.reasons.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining(['covers_regency', 'beds_free', 'distance_km']),
    );
    const odgj = res.json().items.find((c: { centerId: string }) => c.centerId === centerB);
    expect(odgj.reasons.map((r: { code: string }) => r.code)).toContain('outside_coverage');
  });
});

describe('opening a case', () => {
  it('numbers the case per centre, starts at engagement, records the override reason', async () => {
    const missing = await openCase({ clusters: ['odgj'], recommendedCenterId: centerB });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields).toEqual([
      { path: 'overrideReason', message: expect.stringMatching(/alasan/) },
    ]);
    const res = await openCase({
      recommendedCenterId: centerB,
      overrideReason: 'Keluarga tinggal dekat balai ini.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c.number).toMatch(/^ATN-\d{4}-T-[A-Z0-9]+-\d{5}$/);
    expect(c).toMatchObject({
      stage: 'engagement',
      sensitive: false,
      overrideReason: 'Keluarga tinggal dekat balai ini.',
    });
    expect(c.timeline.map((e: { kind: string }) => e.kind)).toEqual(['opened']);
  });

  it('refuses a worker who does not work at the centre and an unknown person, naming the field', async () => {
    const stranger = await buildUser(t.database, [{ role: 'social_worker', centerId: centerB }]);
    const res = await openCase({ assignedWorkerId: stranger.id });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'case.worker_not_at_center',
      fields: [{ path: 'assignedWorkerId' }],
    });
    const before = (await t.database.db.select().from(cases)).length;
    const nobody = await call('POST', '/api/cases', 'worker', {
      personId: '01900000-0000-7000-8000-000000000000',
      centerId: centerA,
      clusters: ['elderly'],
      intakeChannel: 'walk_in',
      problem: 'x',
      urgency: 'low',
      modality: 'family',
      assignedWorkerId: worker.id,
    });
    expect(nobody.json()).toMatchObject({ code: 'case.person_unknown', fields: [{ path: 'personId' }] });
    expect((await t.database.db.select().from(cases)).length).toBe(before);
  });

  it('refuses opening a case at another centre', async () => {
    expect((await openCase({ centerId: centerB })).statusCode).toBe(403);
  });
});

describe('the ATENSI stages', () => {
  it('runs a case from engagement to closure approved by the head, with outcomes and a timeline', async () => {
    let c = (await openCase()).json();
    const step = async (to: string, who = 'worker') => {
      const res = await call('POST', `/api/cases/${c.id}/stage`, who, { to, version: c.version });
      expect(res.statusCode, res.body).toBe(200);
      c = res.json();
    };
    await step('assessment');
    const needs = {
      basic_needs: 3,
      social_care: 1,
      family_support: 2,
      therapy: 1,
      vocational: 2,
      social_assistance: 3,
      accessibility: 0,
    };
    c = (
      await call('POST', `/api/cases/${c.id}/assessment`, 'worker', {
        needs,
        riskLevel: 'high',
        narrative: 'Tidur di terminal.',
        assessedOn: '2026-11-20',
      })
    ).json();
    expect(c.assessment).toMatchObject({ riskLevel: 'high', needs });
    await step('planning');
    c = (
      await call('POST', `/api/cases/${c.id}/plan`, 'worker', {
        goals: [
          {
            component: 'basic_needs',
            goal: 'Tempat tinggal sementara',
            plannedServices: 'Penempatan di balai',
            targetDate: '2026-12-01',
          },
        ],
      })
    ).json();
    await step('intervention');
    expect(c.firstServiceAt).toBeNull();
    const service = await call('POST', `/api/cases/${c.id}/services`, 'worker', {
      component: 'basic_needs',
      serviceType: 'Paket sembako',
      deliveredOn: '2026-11-21',
      description: 'Satu paket sembako',
      quantity: 1,
      valueRupiah: 250000,
      providerKind: 'this_center',
    });
    expect(service.statusCode, service.body).toBe(200);
    c = service.json();
    expect(c.firstServiceAt).not.toBeNull();
    expect(c.responseHours).toBeGreaterThanOrEqual(0);
    await call('POST', `/api/cases/${c.id}/services`, 'worker', {
      component: 'vocational',
      serviceType: 'Pelatihan menjahit',
      deliveredOn: '2026-11-22',
      description: '5 hari',
      valueRupiah: 1500000,
      providerKind: 'partner',
      providerName: 'LKS Harapan',
    });
    c = (await call('GET', `/api/cases/${c.id}`, 'worker')).json();
    expect(c.services).toHaveLength(2);

    // The worker cannot close a case alone: they request closure; the head approves.
    const direct = await call('POST', `/api/cases/${c.id}/stage`, 'worker', {
      to: 'termination',
      version: c.version,
    });
    expect(direct.statusCode).toBe(409);
    await step('termination_requested');
    const notHead = await call('POST', `/api/cases/${c.id}/closure`, 'worker', {
      version: c.version,
      outcomes: {},
    });
    expect(notHead.statusCode).toBe(403);
    const outcomes = {
      basicNeedsMet: true,
      ownIncome: true,
      mobilityImproved: false,
      familyCanCare: true,
      servicesComplete: true,
      summary: 'Kembali ke keluarga, bekerja sebagai penjahit.',
    };
    const approved = await call('POST', `/api/cases/${c.id}/closure`, 'head', {
      version: c.version,
      outcomes,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    c = approved.json();
    expect(c).toMatchObject({ stage: 'termination', outcomes });
    expect(c.closedAt).not.toBeNull();
    expect(c.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'opened',
      'stage',
      'assessment',
      'stage',
      'plan',
      'stage',
      'service',
      'service',
      'closure_requested',
      'closure_approved',
    ]);
    // Every record the case work created is in the audit log under its own entity.
    const created = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'create'));
    const kinds = new Set(
      created
        .filter((r) => r.changes.some((ch) => ch.field === 'caseId' && ch.after === c.id))
        .map((r) => r.entity),
    );
    expect([...kinds].sort()).toEqual(['case_assessment', 'case_plan', 'case_service']);
    expect(created.some((r) => r.entity === 'case_outcome' && r.entityId === c.id)).toBe(true);
    // Closed: no more services.
    const late = await call('POST', `/api/cases/${c.id}/services`, 'worker', {
      component: 'basic_needs',
      serviceType: 'x',
      deliveredOn: '2026-11-23',
      description: 'x',
      valueRupiah: 1,
      providerKind: 'this_center',
    });
    expect(late.json().code).toBe('case.closed');
  });

  it('gives a stale stage change 409 and refuses jumps', async () => {
    const c = (await openCase()).json();
    const jump = await call('POST', `/api/cases/${c.id}/stage`, 'worker', {
      to: 'intervention',
      version: c.version,
    });
    expect(jump.json()).toMatchObject({
      code: 'case.transition_refused',
      message: 'Tahap pendekatan awal tidak dapat diubah ke intervensi oleh peran Anda.',
    });
    expect(
      (await call('POST', `/api/cases/${c.id}/stage`, 'worker', { to: 'assessment', version: c.version }))
        .statusCode,
    ).toBe(200);
    const stale = await call('POST', `/api/cases/${c.id}/stage`, 'head', {
      to: 'planning',
      version: c.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('case.version_conflict');
  });
});

describe('scope and sensitive cases', () => {
  it('shows a case to its worker and head, central read-only, not to other workers or centres', async () => {
    const c = (await openCase()).json();
    expect((await call('GET', `/api/cases/${c.id}`, 'worker')).statusCode).toBe(200);
    expect((await call('GET', `/api/cases/${c.id}`, 'head')).statusCode).toBe(200);
    expect((await call('GET', `/api/cases/${c.id}`, 'central')).statusCode).toBe(200);
    expect((await call('GET', `/api/cases/${c.id}`, 'otherWorker')).statusCode).toBe(404);
    expect((await call('GET', `/api/cases/${c.id}`, 'headB')).statusCode).toBe(404);
    expect(
      (await call('POST', `/api/cases/${c.id}/stage`, 'central', { to: 'assessment', version: c.version }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await call('POST', `/api/cases/${c.id}/stage`, 'otherWorker', {
          to: 'assessment',
          version: c.version,
        })
      ).statusCode,
    ).toBe(404);
    const mine = (await call('POST', '/api/cases/list', 'otherWorker', { view: 'mine' })).json();
    expect(mine.items.map((x: { id: string }) => x.id)).not.toContain(c.id);
  });

  it('hides sensitive cases from central staff and audits every read of them', async () => {
    const c = (await openCase({ clusters: ['odgj'] })).json();
    expect(c.sensitive).toBe(true);
    expect((await call('GET', `/api/cases/${c.id}`, 'central')).statusCode).toBe(404);
    await call('GET', `/api/cases/${c.id}`, 'worker');
    await call('GET', `/api/cases/${c.id}`, 'head');
    const reads = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'case'), eq(auditLog.entityId, c.id), eq(auditLog.action, 'read')));
    // One read when the worker opened it (the answer to POST), then the two reads above.
    expect(reads.length).toBe(3);
    const centralList = (
      await call('POST', '/api/cases/list', 'central', { view: 'center', pageSize: 100 })
    ).json();
    expect(centralList.items.map((x: { id: string }) => x.id)).not.toContain(c.id);
  });

  it('lists a centre’s cases with filters and search by name or case number, masked', async () => {
    const c = (await openCase({ urgency: 'critical' })).json();
    const byNumber = (await call('POST', '/api/cases/list', 'head', { view: 'center', q: c.number })).json();
    expect(byNumber.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    const byName = (
      await call('POST', '/api/cases/list', 'head', { view: 'center', q: c.personName })
    ).json();
    expect(byName.items.map((x: { id: string }) => x.id)).toContain(c.id);
    const critical = (
      await call('POST', '/api/cases/list', 'head', {
        view: 'center',
        urgency: 'critical',
        stage: 'engagement',
      })
    ).json();
    expect(critical.items.every((x: { urgency: string }) => x.urgency === 'critical')).toBe(true);
    const bad = await call('POST', '/api/cases/list', 'head', { view: 'everything', pageSize: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { path: string }) => f.path)).toEqual(['pageSize', 'view']);
  });
});

describe('cases and the person registry', () => {
  it('lets the centre serving a person in a case see that person, though another centre registered them', async () => {
    const personId = await createPerson({
      db: t.database.db,
      context: systemContext,
      input: { ...personInput(centerB, 'Terdaftar Di Bekasi'), kkNumber: '5371010101750001' },
    });
    expect((await call('GET', `/api/persons/${personId}`, 'worker')).statusCode).toBe(404);
    const opening = {
      personId,
      centerId: centerA,
      clusters: ['elderly'],
      intakeChannel: 'referral_in',
      problem: 'Dirujuk dari Bekasi',
      urgency: 'low',
      modality: 'family',
      assignedWorkerId: worker.id,
    };
    // Serving a person registered elsewhere needs proof that they are here (decision 0017).
    const unproven = await call('POST', '/api/cases', 'worker', opening);
    expect(unproven.statusCode).toBe(422);
    expect(unproven.json().code).toBe('case.identity_proof_required');
    const res = await call('POST', '/api/cases', 'worker', {
      ...opening,
      identityProof: { kkNumber: '5371010101750001' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await call('GET', `/api/persons/${personId}`, 'worker')).statusCode).toBe(200);
    const found = (await call('POST', '/api/persons/search', 'worker', { q: 'Terdaftar Di Bekasi' })).json();
    expect(found.items.map((p: { id: string }) => p.id)).toEqual([personId]);
  });

  it('moves the cases of a merged person to the surviving record', async () => {
    const survivor = await createPerson({
      db: t.database.db,
      context: systemContext,
      input: personInput(centerA, 'Fransiskus Manek'),
    });
    const merged = await createPerson({
      db: t.database.db,
      context: systemContext,
      input: personInput(centerA, 'Fransiskus Maneq'),
    });
    const opened = (
      await call('POST', '/api/cases', 'worker', {
        personId: merged,
        centerId: centerA,
        clusters: ['poor_vulnerable'],
        intakeChannel: 'walk_in',
        problem: 'Butuh bantuan',
        urgency: 'low',
        modality: 'family',
        assignedWorkerId: worker.id,
      })
    ).json();
    const res = await call('POST', '/api/persons/merge', 'head', {
      survivorId: survivor,
      mergedId: merged,
      survivorVersion: 1,
      mergedVersion: 1,
      reason: 'Orang yang sama',
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await call('GET', `/api/cases/${opened.id}`, 'worker')).json();
    expect(after.personId).toBe(survivor);
    expect(after.personName).toBe('Fransiskus Manek');
    expect(after.timeline.at(-1).summary).toMatch(/digabungkan/);
  });
});

describe('response time per centre', () => {
  it('gives the median intake → first service and the waiting cases of the centres in scope', async () => {
    const waiting = (await openCase()).json();
    const served = (await openCase()).json();
    await call('POST', `/api/cases/${served.id}/services`, 'worker', {
      component: 'basic_needs',
      serviceType: 'Makan',
      deliveredOn: '2026-11-22',
      description: 'Makan siang',
      valueRupiah: 25000,
      providerKind: 'this_center',
    });
    const res = await call('GET', '/api/cases/response-times', 'head');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((r: { centerId: string }) => r.centerId)).toEqual([centerA]);
    const [a] = items;
    expect(a.served).toBeGreaterThanOrEqual(1);
    expect(a.waiting).toBeGreaterThanOrEqual(1);
    expect(a.medianHours).toBeGreaterThanOrEqual(0);
    expect(a.cases).toBe(a.served + a.waiting + 0);
    expect(waiting.id).not.toBe(served.id);
    const national = (await call('GET', '/api/cases/response-times', 'central')).json().items;
    expect(national.map((r: { centerId: string }) => r.centerId)).toContain(centerA);
  });
});
