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
  testOrigin,
} from '../../../test/app.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { createCase } from '../cases/cases.service.ts';
import { caseReferrals, cases } from '../cases/cases.tables.ts';
import { addPartnerMember, createPartner } from '../partners/partners.service.ts';
import { createPerson } from '../persons/persons.service.ts';
import { persons } from '../persons/persons.tables.ts';
import { systemContext } from '../users/first-admin.ts';
import { issueFormToken } from './form-token.ts';
import { serasiTickets } from './serasi.tables.ts';

/**
 * The triage steps that reach other modules: linking a ticket to an existing case, opening a
 * case for a registered person, and forwarding as a tracked referral (with or without a
 * case), with the scope of the referrals hub and what the public tracking page may say.
 */
let t: TestContext;
let bekasi: string;
let other: string;
let lks: string;
const users: Record<string, TestUser> = {};
const cookies: Record<string, string> = {};
const village = '32.75.01.1001';

beforeAll(async () => {
  t = await createTestApp();
  bekasi = (await buildCenter(t.database, { coverage: ['32.75'] })).id;
  other = (await buildCenter(t.database, { coverage: ['53.71'], regionCode: '53.71.01.1001' })).id;
  const build = async (
    name: string,
    role: 'desk_officer' | 'center_head' | 'social_worker' | 'central' | 'partner',
    centerId: string | null,
  ) => {
    users[name] = await buildUser(t.database, [{ role, centerId }]);
    cookies[name] = await signIn(t.app, users[name]!);
  };
  await build('desk', 'desk_officer', bekasi);
  await build('head', 'center_head', bekasi);
  await build('worker', 'social_worker', bekasi);
  await build('otherDesk', 'desk_officer', other);
  await build('central', 'central', null);
  await build('lksStaff', 'partner', bekasi);
  await build('otherLksStaff', 'partner', bekasi);
  const partner = (name: string) => ({
    name,
    kind: 'general' as const,
    centerId: bekasi,
    regionCode: village,
    address: null,
    accreditation: 'B' as const,
    accreditedUntil: '2028-12-31',
    contactName: null,
    phone: null,
    email: null,
    services: ['elderly' as const],
    capacity: 10,
  });
  lks = await createPartner({ db: t.database.db, context: systemContext, input: partner('LKS Griya Asih') });
  await addPartnerMember({ db: t.database.db, context: systemContext, id: lks, userId: users.lksStaff!.id });
  const elsewhere = await createPartner({
    db: t.database.db,
    context: systemContext,
    input: partner('LKS Lain'),
  });
  await addPartnerMember({
    db: t.database.db,
    context: systemContext,
    id: elsewhere,
    userId: users.otherLksStaff!.id,
  });
}, 90_000);
afterAll(() => t?.close());

const call = (method: 'GET' | 'POST', url: string, who: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: asUser(cookies[who]!),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

let caller = 0;
const track = (code: string) =>
  t.app.inject({
    method: 'GET',
    url: `/api/serasi/track/${code}`,
    remoteAddress: `10.1.0.${++caller % 250}`,
    headers: { origin: testOrigin },
  });

const description = 'Bantuan PKH keluarga kami tidak cair tiga bulan, pendamping tidak bisa dihubungi.';
const file = async (extra: Record<string, unknown> = {}) => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/serasi/tickets',
    remoteAddress: `10.2.0.${++caller % 250}`,
    headers: { origin: testOrigin },
    payload: {
      type: 'report_person',
      subject: 'abandoned_elder',
      description,
      regionCode: village,
      landmark: 'Rumah biru di ujung gang',
      anonymous: false,
      reporterName: 'Yohana Manek',
      reporterContact: '0812-7777-6666',
      consentAccepted: true,
      consentVersion: '2026-11',
      formToken: issueFormToken(t.secret, new Date(Date.now() - 10_000)),
      ...extra,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const [row] = await t.database.db
    .select()
    .from(serasiTickets)
    .where(eq(serasiTickets.code, res.json().code));
  return row!;
};

const registered = (centerId: string, fullName: string) =>
  createPerson({
    db: t.database.db,
    context: systemContext,
    input: {
      centerId,
      nik: null,
      nikUnknownReason: 'other',
      nikWarningsConfirmed: false,
      kkNumber: null,
      fullName,
      aliases: [],
      sex: 'female',
      birthDate: null,
      birthYearEstimate: 1948,
      birthPlace: null,
      regionCode: village,
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

const existingCase = async (fullName: string) => {
  const personId = await registered(bekasi, fullName);
  const id = await createCase({
    db: t.database.db,
    context: systemContext,
    input: {
      personId,
      centerId: bekasi,
      clusters: ['elderly'],
      childSpecialProtection: false,
      intakeChannel: 'walk_in',
      intakeReference: null,
      problem: 'Lansia tinggal sendiri tanpa pengasuh.',
      urgency: 'high',
      modality: 'family',
      assignedWorkerId: users.worker!.id,
      recommendedCenterId: null,
      overrideReason: null,
    },
  });
  const [row] = await t.database.db.select().from(cases).where(eq(cases.id, id));
  return row!;
};

const ticketOf = async (id: string, who = 'desk') =>
  (await call('GET', `/api/serasi/tickets/${id}`, who)).json();

describe('linking a ticket to an existing case', () => {
  it('links the case a desk officer names by number: on the timeline, audited, and /lacak shows the status but no case data', async () => {
    const c = await existingCase('Oma Welmince Ratu');
    const row = await file();
    const unknown = await call('POST', `/api/serasi/tickets/${row.id}/link-case`, 'desk', {
      caseNumber: 'ATN-2026-NOPE-00001',
      version: 1,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'serasi.case_not_found', fields: [{ path: 'caseNumber' }] });
    const nothing = await call('POST', `/api/serasi/tickets/${row.id}/link-case`, 'desk', { version: 1 });
    expect(nothing.json().fields.map((f: { path: string }) => f.path)).toEqual(['caseNumber']);

    const res = await call('POST', `/api/serasi/tickets/${row.id}/link-case`, 'desk', {
      caseNumber: c.number.toLowerCase(),
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    const ticket = res.json();
    expect(ticket).toMatchObject({
      caseId: c.id,
      caseNumber: c.number,
      personId: c.personId,
      centerId: bekasi,
      status: 'in_progress',
    });
    expect(ticket.timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'case_linked',
          public: false,
          text: expect.stringContaining(c.number),
        }),
      ]),
    );
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, row.id), eq(auditLog.action, 'update')));
    expect(audited).toHaveLength(1);
    expect(audited[0]!.actorId).toBe(users.desk!.id);
    expect(audited[0]!.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'caseId', before: null, after: c.id })]),
    );

    const tracked = await track(row.code);
    expect(tracked.json()).toMatchObject({ status: 'in_progress' });
    for (const secret of [c.number, c.id, c.personId, 'Welmince', description, 'Yohana']) {
      expect(tracked.body).not.toContain(secret);
    }
  });

  it('links a case a centre head picked from the case list by its id, never a case of another centre', async () => {
    const c = await existingCase('Opa Markus Lalang');
    const found = await call('POST', '/api/cases/list', 'head', { view: 'center', q: c.number });
    expect(found.json().items.map((i: { id: string }) => i.id)).toEqual([c.id]);
    const row = await file();
    const elsewhere = await call('POST', `/api/serasi/tickets/${row.id}/link-case`, 'otherDesk', {
      caseId: c.id,
      version: 1,
    });
    expect(elsewhere.statusCode).toBe(404);
    const res = await call('POST', `/api/serasi/tickets/${row.id}/link-case`, 'head', {
      caseId: c.id,
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().caseNumber).toBe(c.number);
  });
});

describe('opening a case for a registered person', () => {
  const openBody = (personId: string, version: number) => ({
    version,
    person: { personId },
    centerId: bekasi,
    assignedWorkerId: users.worker!.id,
    clusters: ['elderly'],
    urgency: 'high',
    modality: 'family',
    problem: 'Lansia tinggal sendiri; laporan tetangga.',
  });

  it('opens the case for the person chosen, registering nobody new; a person outside the desk’s centres is refused', async () => {
    const personId = await registered(bekasi, 'Oma Yuliana Sabu');
    const stranger = await registered(other, 'Oma Dari Balai Lain');
    const row = await file();
    const count = async () => (await t.database.db.select({ id: persons.id }).from(persons)).length;
    const before = await count();
    const casesBefore = (await t.database.db.select({ id: cases.id }).from(cases)).length;
    const refused = await call('POST', `/api/serasi/tickets/${row.id}/case`, 'desk', openBody(stranger, 1));
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'serasi.person_not_found',
      fields: [{ path: 'person.personId' }],
    });
    expect((await t.database.db.select({ id: cases.id }).from(cases)).length).toBe(casesBefore);

    const res = await call('POST', `/api/serasi/tickets/${row.id}/case`, 'desk', openBody(personId, 1));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ personId, caseNumber: expect.stringMatching(/^ATN-/) });
    expect(await count()).toBe(before);
    const [made] = await t.database.db.select().from(cases).where(eq(cases.id, res.json().caseId));
    expect(made).toMatchObject({ personId, intakeChannel: 'serasi', intakeReference: row.code });
  });
});

type Referral = { id: string; status: string; version: number; caseId: string | null; target: string };
const forward = async (id: string, body: Record<string, unknown>, who = 'desk') => {
  const ticket = await ticketOf(id, who);
  return call('POST', `/api/serasi/tickets/${id}/forward`, who, {
    publicText: 'Laporan Anda kami teruskan, mohon menunggu kabar berikutnya.',
    version: ticket.version,
    ...body,
  });
};
const outgoing = async (who: string) =>
  (await call('POST', '/api/referrals/list', who, { direction: 'outgoing', pageSize: 100 })).json().items as {
    id: string;
  }[];
const incoming = async (who: string) =>
  (await call('POST', '/api/referrals/list', who, { direction: 'incoming', pageSize: 100 })).json().items as {
    id: string;
  }[];
const answer = (referral: { id: string }, who: string, body: Record<string, unknown>) =>
  call('POST', `/api/serasi/referrals/${referral.id}/status`, who, body);

describe('forwarding a ticket without a case', () => {
  it('makes a tracked referral to PKH with status, dates and a letter; the reporter reads only that PKH took it', async () => {
    const row = await file({ type: 'complaint_aid', subject: null, aidProgram: 'pkh' });
    const unnamed = await forward(row.id, { target: 'other_agency', reason: 'Kewenangan dinas sosial kota' });
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().fields.map((f: { path: string }) => f.path)).toEqual(['targetName']);

    const reason = 'Bantuan PKH tidak cair sejak Agustus; mohon verifikasi data KPM.';
    const res = await forward(row.id, { target: 'pkh', reason, letterNumber: 'S-17/SERASI/XI/2026' });
    expect(res.statusCode, res.body).toBe(200);
    const ticket = res.json();
    expect(ticket).toMatchObject({ status: 'forwarded', centerId: bekasi });
    const [referral] = ticket.referrals as Referral[];
    expect(referral).toMatchObject({
      caseId: null,
      caseNumber: null,
      ticketId: row.id,
      ticketCode: row.code,
      centerId: bekasi,
      target: 'pkh',
      targetName: 'Program Keluarga Harapan (PKH)',
      status: 'sent',
      sentAt: expect.any(String),
      letterNumber: 'S-17/SERASI/XI/2026',
    });
    expect(ticket.timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'forwarded', public: false, text: expect.stringContaining(reason) }),
      ]),
    );

    // The referrals hub: the desks and head of the sending centre and central staff; nobody else.
    for (const who of ['desk', 'head', 'central'])
      expect(
        (await outgoing(who)).map((r) => r.id),
        who,
      ).toContain(referral!.id);
    for (const who of ['otherDesk', 'worker'])
      expect(
        (await outgoing(who)).map((r) => r.id),
        who,
      ).not.toContain(referral!.id);

    const letter = await call('GET', `/api/serasi/referrals/${referral!.id}/letter.pdf`, 'desk');
    expect(letter.statusCode).toBe(200);
    expect(letter.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      (await call('GET', `/api/serasi/referrals/${referral!.id}/letter.pdf`, 'otherDesk')).statusCode,
    ).toBe(404);

    // PKH has no users here: the desk records its answer, then the completion.
    expect((await answer(referral!, 'otherDesk', { status: 'accepted', version: 1 })).statusCode).toBe(404);
    const accepted = await answer(referral!, 'desk', {
      status: 'accepted',
      note: 'Pendamping PKH memverifikasi ulang',
      version: 1,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', answeredAt: expect.any(String), version: 2 });
    const stale = await answer(referral!, 'head', { status: 'completed', version: 1 });
    expect(stale.statusCode).toBe(409);
    const done = await answer(referral!, 'head', { status: 'completed', version: 2 });
    expect(done.json()).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
    const backwards = await answer(referral!, 'desk', { status: 'rejected', version: 3 });
    expect(backwards.json().code).toBe('case.referral_refused');

    const after = await ticketOf(row.id);
    expect(after.referrals[0]).toMatchObject({ status: 'completed' });
    expect(
      after.timeline.filter(
        (e: { kind: string; public: boolean }) => e.kind === 'referral_updated' && !e.public,
      ),
    ).toHaveLength(2);
    const trail = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, referral!.id), eq(auditLog.entity, 'case_referral')))
      .orderBy(auditLog.seq);
    expect(trail.map((a) => a.action)).toEqual(['create', 'read', 'update', 'update']);

    const tracked = await track(row.code);
    expect(tracked.json().status).toBe('forwarded');
    expect(tracked.json().answers.map((a: { text: string }) => a.text)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Program Keluarga Harapan (PKH)'),
        'Laporan Anda kami teruskan, mohon menunggu kabar berikutnya.',
      ]),
    );
    for (const secret of [reason, 'Pendamping PKH memverifikasi', description, 'Yohana', 'S-17/SERASI']) {
      expect(tracked.body).not.toContain(secret);
    }
  });

  it('lets the LKS it was sent to see and answer it while open, and never names the LKS to the reporter', async () => {
    const row = await file();
    const res = await forward(row.id, {
      target: 'partner',
      partnerId: lks,
      reason: 'Lansia perlu pendampingan harian oleh LKS',
    });
    expect(res.statusCode, res.body).toBe(200);
    const referral = res.json().referrals[0] as Referral;
    expect((await incoming('lksStaff')).map((r) => r.id)).toContain(referral.id);
    expect((await incoming('otherLksStaff')).map((r) => r.id)).not.toContain(referral.id);
    expect((await answer(referral, 'otherLksStaff', { status: 'accepted', version: 1 })).statusCode).toBe(
      404,
    );
    const cancel = await answer(referral, 'lksStaff', { status: 'cancelled', version: 1 });
    expect(cancel.json().code).toBe('case.referral_refused');
    expect(
      (await call('GET', `/api/serasi/referrals/${referral.id}/letter.pdf`, 'lksStaff')).statusCode,
    ).toBe(403);
    expect((await answer(referral, 'lksStaff', { status: 'accepted', version: 1 })).statusCode).toBe(200);
    expect((await answer(referral, 'lksStaff', { status: 'completed', version: 2 })).statusCode).toBe(200);
    // Closed: gone from their list, and they can no longer touch it.
    expect((await incoming('lksStaff')).map((r) => r.id)).not.toContain(referral.id);
    expect((await answer(referral, 'lksStaff', { status: 'completed', version: 3 })).statusCode).toBe(404);
    const tracked = await track(row.code);
    expect(tracked.body).toContain('instansi yang berwenang');
    expect(tracked.body).not.toContain('Griya Asih');
  });
});

describe('forwarding a ticket with a case', () => {
  it('refers the case, so its worker follows the referral on the case and in the referrals hub', async () => {
    const c = await existingCase('Oma Maria Tefa');
    const row = await file();
    const linked = await call('POST', `/api/serasi/tickets/${row.id}/link-case`, 'desk', {
      caseNumber: c.number,
      version: 1,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    const res = await forward(row.id, { target: 'bpjs_pbi', reason: 'Belum memiliki jaminan kesehatan PBI' });
    expect(res.statusCode, res.body).toBe(200);
    const referral = res.json().referrals[0] as Referral;
    expect(referral).toMatchObject({
      caseId: c.id,
      caseNumber: c.number,
      ticketCode: row.code,
      status: 'sent',
    });
    const [stored] = await t.database.db
      .select()
      .from(caseReferrals)
      .where(eq(caseReferrals.id, referral.id));
    expect(stored).toMatchObject({ caseId: c.id, ticketId: row.id, centerId: null });
    expect((await outgoing('worker')).map((r) => r.id)).toContain(referral.id);
    const onCase = (await call('GET', `/api/cases/${c.id}`, 'worker')).json();
    expect(onCase.referrals.map((r: { id: string }) => r.id)).toContain(referral.id);
    expect(onCase.timeline.at(-1)).toMatchObject({ kind: 'referral_sent' });
    // The case's status flow, not the ticket route, answers it.
    expect((await answer(referral, 'desk', { status: 'accepted', version: 1 })).statusCode).toBe(404);
    const accepted = await call('POST', `/api/cases/${c.id}/referrals/${referral.id}/status`, 'worker', {
      status: 'accepted',
      version: 1,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await ticketOf(row.id)).referrals[0]).toMatchObject({ status: 'accepted' });
  });
});
