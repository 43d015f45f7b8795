import { eq } from 'drizzle-orm';
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

/**
 * The LKS registry and the referrals hub: referrals out to programmes, hospitals, balai and
 * LKS, their status flow, and LKS staff who see a referred case only while it is open.
 */
let t: TestContext;
let centerA: string;
let centerB: string;
const users: Record<string, TestUser> = {};
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  centerA = (await buildCenter(t.database)).id;
  centerB = (await buildCenter(t.database)).id;
  const build = async (
    name: string,
    role: 'social_worker' | 'center_head' | 'partner' | 'admin' | 'central',
    centerId: string | null,
  ) => {
    users[name] = await buildUser(t.database, [{ role, centerId }]);
    cookies[name] = await signIn(t.app, users[name]!);
  };
  await build('worker', 'social_worker', centerA);
  await build('headA', 'center_head', centerA);
  await build('headB', 'center_head', centerB);
  await build('lksStaff', 'partner', centerA);
  await build('otherLksStaff', 'partner', centerA);
  await build('admin', 'admin', null);
}, 90_000);
afterAll(() => t?.close());

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, who: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: asUser(cookies[who]!),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const partner = (extra: Record<string, unknown> = {}) => ({
  name: `LKS Bina Lansia ${Math.random().toString(36).slice(2, 6)}`,
  kind: 'elderly',
  centerId: centerA,
  regionCode: '32.75.01.1001',
  address: 'Jl. Melati 5',
  accreditation: 'A',
  accreditedUntil: '2028-06-30',
  contactName: 'Ibu Ratna',
  phone: '021-8888777',
  email: 'lks@example.org',
  services: ['elderly', 'disability'],
  capacity: 30,
  ...extra,
});

const createdPartner = async (extra: Record<string, unknown> = {}, staff?: string) => {
  const res = await call('POST', '/api/partners', 'headA', partner(extra));
  expect(res.statusCode, res.body).toBe(201);
  if (staff) {
    const linked = await call('POST', `/api/partners/${res.json().id}/members`, 'admin', {
      userId: users[staff]!.id,
    });
    expect(linked.statusCode, linked.body).toBe(200);
  }
  return res.json() as { id: string; version: number; name: string };
};

const openCase = async () => {
  const personId = await createPerson({
    db: t.database.db,
    context: systemContext,
    input: {
      centerId: centerA,
      nik: null,
      nikUnknownReason: 'homeless',
      nikWarningsConfirmed: false,
      kkNumber: null,
      fullName: `Lansia Rujukan ${Math.random().toString(36).slice(2, 6)}`,
      aliases: [],
      sex: 'male',
      birthDate: null,
      birthYearEstimate: 1950,
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
  const res = await call('POST', '/api/cases', 'worker', {
    personId,
    centerId: centerA,
    clusters: ['elderly'],
    intakeChannel: 'outreach',
    problem: 'Lansia terlantar, butuh pendampingan harian di komunitas.',
    urgency: 'high',
    modality: 'community',
    assignedWorkerId: users.worker!.id,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
};

type Referral = { id: string; status: string; version: number; targetName: string };
const refer = async (caseId: string, body: Record<string, unknown>) => {
  const res = await call('POST', `/api/cases/${caseId}/referrals`, 'worker', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { referrals: Referral[]; timeline: { kind: string }[]; version: number };
};

describe('the LKS registry', () => {
  it("lets a centre head register and edit their balai's partners, naming bad fields; other balai cannot touch them", async () => {
    const noDate = await call('POST', '/api/partners', 'headA', partner({ accreditedUntil: null }));
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().fields.map((f: { path: string }) => f.path)).toEqual(['accreditedUntil']);
    const nowhere = await call('POST', '/api/partners', 'headA', partner({ regionCode: '99.99.99.9999' }));
    expect(nowhere.json().fields.map((f: { path: string }) => f.path)).toEqual(['regionCode']);
    expect((await call('POST', '/api/partners', 'headB', partner())).statusCode).toBe(403);

    const p = await createdPartner();
    const byB = await call('PUT', `/api/partners/${p.id}`, 'headB', {
      partner: partner({ centerId: centerB }),
      version: p.version,
    });
    expect(byB.statusCode).toBe(404);
    const edited = await call('PUT', `/api/partners/${p.id}`, 'headA', {
      partner: partner({ name: p.name, capacity: 40 }),
      version: p.version,
    });
    expect(edited.json()).toMatchObject({ capacity: 40, version: p.version + 1 });
    const trail = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, p.id))
      .orderBy(auditLog.seq);
    expect(trail.map((r) => r.action)).toEqual(['create', 'update']);
    const stale = await call('PUT', `/api/partners/${p.id}`, 'headA', {
      partner: partner(),
      version: p.version,
    });
    expect(stale.statusCode).toBe(409);

    const found = await call('POST', '/api/partners/list', 'worker', {
      q: p.name.slice(-6),
      service: 'elderly',
    });
    expect(found.json().items.map((i: { id: string }) => i.id)).toEqual([p.id]);
    const notStaff = await call('POST', `/api/partners/${p.id}/members`, 'admin', {
      userId: users.worker!.id,
    });
    expect(notStaff.json()).toMatchObject({ code: 'partner.user_not_partner', fields: [{ path: 'userId' }] });
  });
});

describe('referrals', () => {
  it('names the missing target, refers to a programme and records its answer', async () => {
    const c = await openCase();
    const hospital = await call('POST', `/api/cases/${c.id}/referrals`, 'worker', {
      target: 'hospital',
      reason: 'Perlu pemeriksaan jantung',
    });
    expect(hospital.json().fields.map((f: { path: string }) => f.path)).toEqual(['targetName']);
    const lks = await call('POST', `/api/cases/${c.id}/referrals`, 'worker', {
      target: 'partner',
      reason: 'Pendampingan harian',
    });
    expect(lks.json().fields.map((f: { path: string }) => f.path)).toEqual(['partnerId']);
    const self = await call('POST', `/api/cases/${c.id}/referrals`, 'worker', {
      target: 'other_center',
      targetCenterId: centerA,
      reason: 'Layanan terapi di balai lain',
    });
    expect(self.json().fields.map((f: { path: string }) => f.path)).toEqual(['targetCenterId']);

    const out = await refer(c.id, {
      target: 'bpjs_pbi',
      reason: 'Belum memiliki jaminan kesehatan',
      letterNumber: 'B-12/RS/2026',
    });
    const [bpjs] = out.referrals;
    expect(bpjs).toMatchObject({ status: 'sent', targetName: 'BPJS Kesehatan PBI' });
    expect(out.timeline.at(-1)!.kind).toBe('referral_sent');
    const accepted = await call('POST', `/api/cases/${c.id}/referrals/${bpjs!.id}/status`, 'worker', {
      status: 'accepted',
      note: 'Terdaftar sebagai PBI mulai bulan depan',
      version: bpjs!.version,
    });
    expect(accepted.json().case.referrals[0].status).toBe('accepted');
    expect(accepted.json().referral).toMatchObject({
      status: 'accepted',
      answeredAt: expect.any(String),
    });
    const backwards = await call('POST', `/api/cases/${c.id}/referrals/${bpjs!.id}/status`, 'worker', {
      status: 'rejected',
      version: bpjs!.version + 1,
    });
    expect(backwards.statusCode).toBe(409);
    expect(backwards.json().code).toBe('case.referral_refused');

    const letter = await call('GET', `/api/cases/${c.id}/referrals/${bpjs!.id}/letter.pdf`, 'worker');
    expect(letter.statusCode).toBe(200);
    expect(letter.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows a case to the LKS staff only while the referral to their institution is open', async () => {
    const p = await createdPartner({}, 'lksStaff');
    await createdPartner({}, 'otherLksStaff');
    const c = await openCase();
    await refer(c.id, {
      target: 'mental_hospital',
      targetName: 'RSJ Marzoeki Mahdi',
      reason: 'Pemeriksaan kejiwaan berkala',
    });
    const out = await refer(c.id, {
      target: 'partner',
      partnerId: p.id,
      reason: 'Pendampingan harian di komunitas',
    });
    const ref = out.referrals[1]!;
    expect(ref.targetName).toBe(p.name);

    const seen = await call('GET', `/api/cases/${c.id}`, 'lksStaff');
    expect(seen.statusCode).toBe(200);
    // Only their own referral: not where else the person was sent.
    expect(seen.json().referrals.map((r: { id: string }) => r.id)).toEqual([ref.id]);
    expect(seen.json().can).toMatchObject({ work: false, answerReferralIds: [ref.id] });
    expect((await call('GET', `/api/cases/${c.id}`, 'otherLksStaff')).statusCode).toBe(404);
    expect(
      (await call('POST', `/api/cases/${c.id}/stage`, 'lksStaff', { to: 'assessment', version: c.version }))
        .statusCode,
    ).toBe(403);
    const listed = await call('POST', '/api/cases/list', 'lksStaff', { view: 'center' });
    expect(listed.json().items.map((i: { id: string }) => i.id)).toEqual([c.id]);
    const incoming = await call('POST', '/api/referrals/list', 'lksStaff', { direction: 'incoming' });
    expect(incoming.json().items).toEqual([expect.objectContaining({ id: ref.id, caseOpen: true })]);

    // LKS staff answer for themselves but cannot cancel the balai's referral.
    const cancel = await call('POST', `/api/cases/${c.id}/referrals/${ref.id}/status`, 'lksStaff', {
      status: 'cancelled',
      version: ref.version,
    });
    expect(cancel.json().code).toBe('case.referral_refused');
    const accepted = await call('POST', `/api/cases/${c.id}/referrals/${ref.id}/status`, 'lksStaff', {
      status: 'accepted',
      note: 'Kami dampingi setiap hari',
      version: ref.version,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const done = await call('POST', `/api/cases/${c.id}/referrals/${ref.id}/status`, 'lksStaff', {
      status: 'completed',
      note: 'Pendampingan selesai',
      version: ref.version + 1,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ referral: { status: 'completed' }, case: null });

    // Closed: the case is gone for them; their list keeps the record without the way in.
    expect((await call('GET', `/api/cases/${c.id}`, 'lksStaff')).statusCode).toBe(404);
    const after = await call('POST', '/api/referrals/list', 'lksStaff', { direction: 'incoming' });
    expect(after.json().items).toEqual([
      expect.objectContaining({ id: ref.id, status: 'completed', caseOpen: false }),
    ]);
    const timeline = (await call('GET', `/api/cases/${c.id}`, 'worker'))
      .json()
      .timeline.map((e: { kind: string }) => e.kind);
    expect(timeline.filter((k: string) => k === 'referral_updated')).toHaveLength(2);
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, ref.id))
      .orderBy(auditLog.seq);
    expect(audited.map((a) => a.action)).toEqual(['create', 'update', 'update']);
  });

  it('lets one of a concurrent acceptance by the LKS and a cancellation by the balai win', async () => {
    const p = await createdPartner({}, 'lksStaff');
    const c = await openCase();
    const ref = (
      await refer(c.id, { target: 'partner', partnerId: p.id, reason: 'Pendampingan harian di komunitas' })
    ).referrals[0]!;
    const [accept, cancel] = await Promise.all([
      call('POST', `/api/cases/${c.id}/referrals/${ref.id}/status`, 'lksStaff', {
        status: 'accepted',
        version: ref.version,
      }),
      call('POST', `/api/cases/${c.id}/referrals/${ref.id}/status`, 'worker', {
        status: 'cancelled',
        version: ref.version,
      }),
    ]);
    const codes = [accept.statusCode, cancel.statusCode];
    expect(codes.filter((s) => s === 200)).toHaveLength(1);
    // The loser finds a stale version, or (the LKS, after a cancellation) a case no longer shown to it.
    expect(codes.find((s) => s !== 200)).toBeOneOf([404, 409]);
  });
});
