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
import { archiveCenter, getCenter } from '../centers/centers.service.ts';
import { createPerson } from '../persons/persons.service.ts';
import { systemContext } from '../users/first-admin.ts';
import { cases } from './cases.tables.ts';

/**
 * Transfer between centres (asked by the sending side, decided by the receiving head),
 * reassignment within a centre, the list of who can take a case, and bimbingan lanjut visits.
 */
let t: TestContext;
let centerA: string;
let centerB: string;
let archived: string;
const users: Record<string, TestUser> = {};
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  centerA = (await buildCenter(t.database, { bedCapacity: 5, occupiedBeds: 0 })).id;
  centerB = (await buildCenter(t.database)).id;
  archived = (await buildCenter(t.database)).id;
  await archiveCenter({ db: t.database.db, context: systemContext, id: archived, version: 1 });
  const build = async (
    name: string,
    role: 'social_worker' | 'center_head' | 'central',
    centerId: string | null,
  ) => {
    users[name] = await buildUser(t.database, [{ role, centerId }]);
    cookies[name] = await signIn(t.app, users[name]!);
  };
  await build('workerA', 'social_worker', centerA);
  await build('workerA2', 'social_worker', centerA);
  await build('headA', 'center_head', centerA);
  await build('workerB', 'social_worker', centerB);
  await build('headB', 'center_head', centerB);
  await build('central', 'central', null);
}, 90_000);
afterAll(() => t?.close());

const call = (url: string, who: string, payload?: unknown) =>
  t.app.inject({
    method: payload === undefined ? 'GET' : 'POST',
    url,
    headers: asUser(cookies[who]!),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

type CaseJson = {
  id: string;
  number: string;
  version: number;
  centerId: string;
  stage: string;
  assignedWorkerId: string;
  pendingTransfer: { toCenterId: string; status: string } | null;
  transfers: { status: string; decisionNote: string | null }[];
  followUps: { condition: string }[];
  timeline: { kind: string; message: { code: string; params: Record<string, string> } | null }[];
  can: Record<string, boolean>;
  allowedNextStages: string[];
};

const openCase = async (extra: Record<string, unknown> = {}): Promise<CaseJson> => {
  const personId = await createPerson({
    db: t.database.db,
    context: systemContext,
    input: {
      centerId: centerA,
      nik: null,
      nikUnknownReason: 'homeless',
      nikWarningsConfirmed: false,
      kkNumber: null,
      fullName: `Orang Pindah ${Math.random().toString(36).slice(2, 7)}`,
      aliases: [],
      sex: 'female',
      birthDate: null,
      birthYearEstimate: 1960,
      birthPlace: null,
      regionCode: '32.75.01.1001',
      rt: null,
      rw: null,
      street: null,
      phone: null,
      disabilityTypes: [],
      dtksStatus: 'unknown',
      dtksDecile: null,
      legalBasis: 'vital_interest',
      consentBy: null,
      consentGuardianName: null,
    },
  });
  const res = await call('/api/cases', 'workerA', {
    personId,
    centerId: centerA,
    clusters: ['elderly'],
    intakeChannel: 'walk_in',
    problem: 'Lansia terlantar, keluarga tinggal di kota lain.',
    urgency: 'medium',
    modality: 'residential',
    assignedWorkerId: users.workerA!.id,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

const ok = async (url: string, who: string, payload?: unknown): Promise<CaseJson> => {
  const res = await call(url, who, payload);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

const auditRows = (entity: string) =>
  t.database.db.select().from(auditLog).where(eq(auditLog.entity, entity));

describe('transfer to another centre', () => {
  it('refuses a bad request, naming the field, and writes nothing', async () => {
    const c = await openCase();
    const same = await call(`/api/cases/${c.id}/transfer`, 'workerA', {
      toCenterId: centerA,
      reason: 'Keluarga pindah ke kota lain',
      version: c.version,
    });
    expect(same.statusCode).toBe(400);
    expect(same.json()).toMatchObject({
      code: 'case.transfer_same_center',
      fields: [{ path: 'toCenterId' }],
    });
    const gone = await call(`/api/cases/${c.id}/transfer`, 'workerA', {
      toCenterId: archived,
      reason: 'Keluarga pindah ke kota lain',
      version: c.version,
    });
    expect(gone.json()).toMatchObject({ code: 'case.center_unknown', fields: [{ path: 'toCenterId' }] });
    const short = await call(`/api/cases/${c.id}/transfer`, 'workerA', {
      toCenterId: centerB,
      reason: 'pindah',
      version: c.version,
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().fields.map((f: { path: string }) => f.path)).toEqual(['reason']);
    const after = await ok(`/api/cases/${c.id}`, 'workerA');
    expect(after).toMatchObject({ version: c.version, pendingTransfer: null, transfers: [] });
  });

  it('moves the case with its whole history once the receiving head accepts; the bed at the old balai is freed', async () => {
    let c = await openCase();
    c = await ok(`/api/cases/${c.id}/stage`, 'workerA', { to: 'assessment', version: c.version });
    c = await ok(`/api/cases/${c.id}/placement`, 'workerA', {});
    const bedsBefore = (await getCenter(t.database.db, centerA)).occupiedBeds;

    c = await ok(`/api/cases/${c.id}/transfer`, 'workerA', {
      toCenterId: centerB,
      reason: 'Keluarga tinggal di wilayah balai B',
      version: c.version,
    });
    expect(c.pendingTransfer).toMatchObject({ toCenterId: centerB, status: 'pending' });
    expect(c.can).toMatchObject({ requestTransfer: false, decideTransfer: false, work: true });
    // Closure cannot be asked while another centre is deciding.
    expect(c.allowedNextStages).not.toContain('termination_requested');

    // The receiving head reads it to decide, cannot work on it; their workers do not see it yet.
    const seen = await ok(`/api/cases/${c.id}`, 'headB');
    expect(seen.can).toMatchObject({ decideTransfer: true, work: false, reassign: false });
    expect(seen.allowedNextStages).toEqual([]);
    expect((await call(`/api/cases/${c.id}`, 'workerB')).statusCode).toBe(404);
    const work = await call(`/api/cases/${c.id}/stage`, 'headB', { to: 'planning', version: c.version });
    expect(work.statusCode).toBe(404);
    const incoming = await ok('/api/cases/list', 'headB', { view: 'center', transfer: 'incoming' });
    expect((incoming as unknown as { items: { id: string }[] }).items.map((i) => i.id)).toContain(c.id);
    const outgoing = await ok('/api/cases/list', 'headA', { view: 'center', transfer: 'outgoing' });
    expect((outgoing as unknown as { items: { id: string }[] }).items.map((i) => i.id)).toContain(c.id);

    // The sending head cannot decide for the receiving centre.
    const byHeadA = await call(`/api/cases/${c.id}/transfer/accept`, 'headA', {
      assignedWorkerId: users.workerA!.id,
      version: c.version,
    });
    expect(byHeadA.statusCode).toBe(404);
    // The new worker must work at the receiving centre.
    const wrongWorker = await call(`/api/cases/${c.id}/transfer/accept`, 'headB', {
      assignedWorkerId: users.workerA!.id,
      version: c.version,
    });
    expect(wrongWorker.json()).toMatchObject({
      code: 'case.worker_not_at_center',
      fields: [{ path: 'assignedWorkerId' }],
    });
    const stale = await call(`/api/cases/${c.id}/transfer/accept`, 'headB', {
      assignedWorkerId: users.workerB!.id,
      version: c.version - 1,
    });
    expect(stale.statusCode).toBe(409);

    const moved = await ok(`/api/cases/${c.id}/transfer/accept`, 'headB', {
      assignedWorkerId: users.workerB!.id,
      note: 'Diterima, kamar tersedia',
      version: c.version,
    });
    expect(moved).toMatchObject({
      number: c.number,
      centerId: centerB,
      assignedWorkerId: users.workerB!.id,
      stage: 'assessment',
      pendingTransfer: null,
      transfers: [{ status: 'accepted', decisionNote: 'Diterima, kamar tersedia' }],
    });
    expect(moved.timeline.map((e) => e.kind)).toEqual([
      'opened',
      'stage',
      'placement',
      'transfer_requested',
      'transfer_accepted',
    ]);
    // Each server sentence comes with its template code, so the web words it in the reader's language.
    expect(moved.timeline.map((e) => e.message?.code)).toEqual([
      'opened',
      'stage',
      'placement',
      'transfer_requested',
      'transfer_accepted_note',
    ]);
    expect(moved.timeline[1]!.message!.params).toEqual({ fromStage: 'engagement', toStage: 'assessment' });
    expect(moved.timeline[4]!.message!.params).toMatchObject({ note: 'Diterima, kamar tersedia' });
    expect((await getCenter(t.database.db, centerA)).occupiedBeds).toBe(bedsBefore - 1);

    // The sending side no longer sees it; the new worker works on it.
    expect((await call(`/api/cases/${c.id}`, 'workerA')).statusCode).toBe(404);
    expect((await call(`/api/cases/${c.id}`, 'headA')).statusCode).toBe(404);
    const pdf = await call(`/api/cases/${c.id}/summary.pdf`, 'workerB');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const next = await ok(`/api/cases/${c.id}/stage`, 'workerB', { to: 'planning', version: moved.version });
    expect(next.stage).toBe('planning');

    const transferAudit = (await auditRows('case_transfer')).filter((r) =>
      r.changes.some((ch) => ch.field === 'caseId' && ch.after === c.id),
    );
    expect(transferAudit.map((r) => r.action)).toEqual(['create']);
    const placementAudit = await auditRows('case_placement');
    expect(placementAudit.some((r) => r.action === 'update')).toBe(true);
  });

  it('keeps the case at the sending centre when the receiving head rejects, with the reason on its timeline', async () => {
    let c = await openCase();
    c = await ok(`/api/cases/${c.id}/transfer`, 'workerA', {
      toCenterId: centerB,
      reason: 'Butuh terapi yang tersedia di balai B',
      version: c.version,
    });
    const twice = await call(`/api/cases/${c.id}/transfer`, 'workerA', {
      toCenterId: centerB,
      reason: 'Butuh terapi yang tersedia di balai B',
      version: c.version,
    });
    expect(twice.json().code).toBe('case.transfer_pending');

    const res = await call(`/api/cases/${c.id}/transfer/reject`, 'headB', {
      reason: 'Tempat tidur penuh bulan ini',
      version: c.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().transfer).toMatchObject({
      status: 'rejected',
      decisionNote: 'Tempat tidur penuh bulan ini',
    });
    expect((await call(`/api/cases/${c.id}`, 'headB')).statusCode).toBe(404);

    const back = await ok(`/api/cases/${c.id}`, 'workerA');
    expect(back).toMatchObject({
      centerId: centerA,
      pendingTransfer: null,
      transfers: [{ status: 'rejected' }],
    });
    expect(back.can.requestTransfer).toBe(true);
    expect(back.timeline.map((e) => e.kind)).toEqual(['opened', 'transfer_requested', 'transfer_rejected']);
  });

  it('lets the sending side cancel; the receiving head then loses sight of it', async () => {
    let c = await openCase();
    c = await ok(`/api/cases/${c.id}/transfer`, 'workerA', {
      toCenterId: centerB,
      reason: 'Keluarga meminta pindah balai',
      version: c.version,
    });
    c = await ok(`/api/cases/${c.id}/transfer/cancel`, 'workerA', { version: c.version });
    expect(c).toMatchObject({ pendingTransfer: null, transfers: [{ status: 'cancelled' }] });
    expect((await call(`/api/cases/${c.id}`, 'headB')).statusCode).toBe(404);
    const none = await call(`/api/cases/${c.id}/transfer/cancel`, 'workerA', { version: c.version });
    expect(none.json().code).toBe('case.no_pending_transfer');
  });

  it('refuses a transfer once closure is pending or done', async () => {
    let c = await openCase();
    await t.database.db.update(cases).set({ stage: 'termination' }).where(eq(cases.id, c.id));
    c = await ok(`/api/cases/${c.id}`, 'workerA');
    expect(c.can.requestTransfer).toBe(false);
    const res = await call(`/api/cases/${c.id}/transfer`, 'workerA', {
      toCenterId: centerB,
      reason: 'Keluarga pindah ke kota lain',
      version: c.version,
    });
    expect(res.json().code).toBe('case.transfer_stage');
  });

  it('lets exactly one of a concurrent accept and cancel win', async () => {
    let c = await openCase();
    c = await ok(`/api/cases/${c.id}/transfer`, 'workerA', {
      toCenterId: centerB,
      reason: 'Keluarga pindah ke kota lain',
      version: c.version,
    });
    const [accept, cancel] = await Promise.all([
      call(`/api/cases/${c.id}/transfer/accept`, 'headB', {
        assignedWorkerId: users.workerB!.id,
        version: c.version,
      }),
      call(`/api/cases/${c.id}/transfer/cancel`, 'workerA', { version: c.version }),
    ]);
    // The loser finds a stale version, or a case that is no longer theirs to decide or cancel.
    const codes = [accept.statusCode, cancel.statusCode];
    expect(codes.filter((s) => s === 200)).toHaveLength(1);
    expect(codes.find((s) => s !== 200)).toBeOneOf([404, 409]);
    const [row] = await t.database.db.select().from(cases).where(eq(cases.id, c.id));
    expect(row!.transferToCenterId).toBeNull();
    expect(row!.centerId).toBe(accept.statusCode === 200 ? centerB : centerA);
  });
});

describe('who takes a case', () => {
  it('lists the workers and the head of a centre with their open cases, only for that centre', async () => {
    const c = await openCase();
    const res = await call(`/api/centers/${centerA}/case-workers`, 'workerA');
    expect(res.statusCode).toBe(200);
    const items: { id: string; isHead: boolean; openCases: number }[] = res.json().items;
    expect(items.map((i) => i.id).sort()).toEqual(
      [users.workerA!.id, users.workerA2!.id, users.headA!.id].sort(),
    );
    expect(items.find((i) => i.id === users.headA!.id)?.isHead).toBe(true);
    const [open] = await t.database.db
      .select()
      .from(cases)
      .where(and(eq(cases.assignedWorkerId, users.workerA!.id), eq(cases.centerId, centerA)));
    expect(open).toBeDefined();
    expect(items.find((i) => i.id === users.workerA!.id)!.openCases).toBeGreaterThan(0);
    expect(c.assignedWorkerId).toBe(users.workerA!.id);
    expect((await call(`/api/centers/${centerA}/case-workers`, 'workerB')).statusCode).toBe(403);
  });

  it('lets the head hand a case to another worker of the centre', async () => {
    let c = await openCase();
    expect(
      (
        await call(`/api/cases/${c.id}/assign`, 'workerA', {
          assignedWorkerId: users.workerA2!.id,
          version: c.version,
        })
      ).statusCode,
    ).toBe(403);
    const same = await call(`/api/cases/${c.id}/assign`, 'headA', {
      assignedWorkerId: users.workerA!.id,
      version: c.version,
    });
    expect(same.json()).toMatchObject({
      code: 'case.already_assigned',
      fields: [{ path: 'assignedWorkerId' }],
    });
    const elsewhere = await call(`/api/cases/${c.id}/assign`, 'headA', {
      assignedWorkerId: users.workerB!.id,
      version: c.version,
    });
    expect(elsewhere.json()).toMatchObject({ code: 'case.worker_not_at_center' });
    c = await ok(`/api/cases/${c.id}/assign`, 'headA', {
      assignedWorkerId: users.workerA2!.id,
      version: c.version,
    });
    expect(c.assignedWorkerId).toBe(users.workerA2!.id);
    expect(c.timeline.at(-1)!.kind).toBe('reassigned');
    expect((await call(`/api/cases/${c.id}`, 'workerA')).statusCode).toBe(404);
    expect((await call(`/api/cases/${c.id}`, 'workerA2')).statusCode).toBe(200);
  });
});

describe('bimbingan lanjut (follow-up visits)', () => {
  const visit = (version: number, extra: Record<string, unknown> = {}) => ({
    visitedOn: '2026-11-20',
    method: 'home_visit',
    condition: 'stable',
    notes: 'Tinggal bersama anaknya, makan teratur.',
    nextVisitOn: '2026-12-20',
    version,
    ...extra,
  });

  it('refuses a visit while the case is still being worked', async () => {
    const c = await openCase();
    const res = await call(`/api/cases/${c.id}/follow-ups`, 'workerA', visit(c.version));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('case.follow_up_open');
  });

  it('records visits after closure, moving terminasi to bimbingan lanjut, with dates checked', async () => {
    let c = await openCase();
    await t.database.db
      .update(cases)
      .set({ stage: 'termination', closedAt: new Date('2026-11-10T03:00:00Z') })
      .where(eq(cases.id, c.id));
    c = await ok(`/api/cases/${c.id}`, 'workerA');
    expect(c.can.recordFollowUp).toBe(true);

    const future = await call(
      `/api/cases/${c.id}/follow-ups`,
      'workerA',
      visit(c.version, { visitedOn: '2099-01-01', nextVisitOn: null }),
    );
    expect(future.json()).toMatchObject({
      code: 'request.validation_failed',
      fields: [
        {
          path: 'visitedOn',
          message: expect.stringMatching(/^Tanggal tidak boleh setelah \d+ \w+ \d{4}\.$/),
        },
      ],
    });
    const early = await call(
      `/api/cases/${c.id}/follow-ups`,
      'workerA',
      visit(c.version, { visitedOn: '2026-11-01' }),
    );
    expect(early.json()).toMatchObject({
      code: 'case.follow_up_before_closure',
      fields: [{ path: 'visitedOn' }],
    });
    expect(early.json().message).toContain('2026-11-10');
    const backwards = await call(
      `/api/cases/${c.id}/follow-ups`,
      'workerA',
      visit(c.version, { nextVisitOn: '2026-11-19' }),
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().fields.map((f: { path: string }) => f.path)).toEqual(['nextVisitOn']);
    expect((await call(`/api/cases/${c.id}/follow-ups`, 'central', visit(c.version))).statusCode).toBe(403);

    c = await ok(`/api/cases/${c.id}/follow-ups`, 'workerA', visit(c.version));
    expect(c.stage).toBe('follow_up');
    c = await ok(
      `/api/cases/${c.id}/follow-ups`,
      'workerA',
      visit(c.version, { visitedOn: '2026-11-21', condition: 'improved', nextVisitOn: null }),
    );
    expect(c.stage).toBe('follow_up');
    expect(c.followUps.map((f) => f.condition)).toEqual(['stable', 'improved']);
    expect(c.timeline.filter((e) => e.kind === 'follow_up_visit')).toHaveLength(2);
    const pdf = await call(`/api/cases/${c.id}/summary.pdf`, 'workerA');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const audited = await auditRows('case_follow_up');
    expect(audited.length).toBeGreaterThanOrEqual(2);
    // The notes are about a person's life: never in the audit log in clear.
    expect(JSON.stringify(audited.map((r) => r.changes))).not.toContain('makan teratur');
  });
});
