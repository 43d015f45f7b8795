import { and, count, eq, max } from 'drizzle-orm';
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
import { identityProofLimit } from './identity-proof.ts';

/**
 * Point 2 of issue 10 (decision 0017): "any balai takes any case", but opening a case for a
 * person the opening centre does not see (registered and served elsewhere) needs proof that
 * the person is there — their NIK or KK number — is audited as `identity_proof`, and shows
 * on the person's page at the registering centre.
 */
let t: TestContext;
let centerA: string;
let centerB: string;
let workerA: TestUser;
const cookies: Record<string, string> = {};
let seq = 5000;
const next = () => {
  seq += 1;
  return seq;
};

/** A valid NIK of Bekasi Timur (32.75.01) for a man born 15 January 1980, with a sequence of its own. */
const freshNik = () => `3275011501800${String(next() % 1000).padStart(3, '0')}`;

const personAt = (centerId: string, overrides: Record<string, unknown> = {}) => ({
  centerId,
  nik: freshNik(),
  nikUnknownReason: null,
  nikWarningsConfirmed: false,
  kkNumber: `3275010101${String(next() % 1_000_000).padStart(6, '0')}`,
  fullName: 'Bambang Sutejo',
  aliases: [],
  sex: 'male' as const,
  birthDate: '1980-01-15',
  birthYearEstimate: null,
  birthPlace: 'Bekasi',
  regionCode: '32.75.01.1001',
  rt: '001',
  rw: '002',
  street: 'Jl. Rahasia No. 9',
  phone: '081299887766',
  disabilityTypes: [],
  dtksStatus: 'unknown' as const,
  dtksDecile: null,
  legalBasis: 'consent' as const,
  consentBy: 'self' as const,
  consentGuardianName: null,
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp();
  centerA = (await buildCenter(t.database, { name: 'Balai Uji Penerima' })).id;
  centerB = (await buildCenter(t.database, { name: 'Balai Uji Pendaftar' })).id;
  workerA = await buildUser(t.database, [{ role: 'social_worker', centerId: centerA }]);
  const users = {
    workerA,
    headA: await buildUser(t.database, [{ role: 'center_head', centerId: centerA }]),
    headB: await buildUser(t.database, [{ role: 'center_head', centerId: centerB }]),
    guesser: await buildUser(t.database, [{ role: 'social_worker', centerId: centerA }]),
  };
  for (const [k, u] of Object.entries(users)) cookies[k] = await signIn(t.app, u);
}, 90_000);
afterAll(() => t?.close());

const call = (method: 'GET' | 'POST', url: string, who: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: asUser(cookies[who]!),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const opening = (personId: string, assignedWorkerId = workerA.id) => ({
  personId,
  centerId: centerA,
  clusters: ['poor_vulnerable'],
  intakeChannel: 'walk_in',
  problem: 'Datang sendiri ke balai, membutuhkan tempat tinggal.',
  urgency: 'medium',
  modality: 'family',
  assignedWorkerId,
});

/** What a refused request must leave as it was: the cases and the audit chain. */
const footprint = async () => {
  const [c] = await t.database.db.select({ n: count() }).from(cases);
  const [a] = await t.database.db.select({ seq: max(auditLog.seq) }).from(auditLog);
  return { cases: c!.n, auditSeq: a!.seq };
};

const registeredAtB = async (overrides: Record<string, unknown> = {}) => {
  const input = personAt(centerB, overrides);
  const id = await createPerson({ db: t.database.db, context: systemContext, input });
  return { id, ...input };
};

describe('opening a case for a person registered elsewhere', () => {
  it('refuses without proof or with a wrong one, naming the field and writing nothing', async () => {
    const p = await registeredAtB();
    const before = await footprint();

    const none = await call('POST', '/api/cases', 'workerA', opening(p.id));
    expect(none.statusCode).toBe(422);
    expect(none.json()).toMatchObject({
      code: 'case.identity_proof_required',
      fields: [{ path: 'identityProof' }],
    });

    const wrongNik = await call('POST', '/api/cases', 'workerA', {
      ...opening(p.id),
      identityProof: { nik: freshNik() },
    });
    expect(wrongNik.statusCode).toBe(422);
    expect(wrongNik.json()).toMatchObject({
      code: 'case.identity_proof_mismatch',
      fields: [{ path: 'identityProof.nik' }],
    });
    const wrongKk = await call('POST', '/api/cases', 'workerA', {
      ...opening(p.id),
      identityProof: { kkNumber: '3275010101999999' },
    });
    expect(wrongKk.json()).toMatchObject({ fields: [{ path: 'identityProof.kkNumber' }] });
    // One card at a time, 16 digits: a malformed proof is bad input.
    const both = await call('POST', '/api/cases', 'workerA', {
      ...opening(p.id),
      identityProof: { nik: p.nik, kkNumber: p.kkNumber },
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().fields[0].path).toBe('identityProof.nik');

    for (const res of [none, wrongNik, wrongKk, both]) {
      for (const secret of [p.nik, p.kkNumber, p.phone, p.fullName, p.street]) {
        expect(res.body).not.toContain(secret);
      }
    }
    expect(await footprint()).toEqual(before);
    expect((await call('GET', `/api/persons/${p.id}`, 'workerA')).statusCode).toBe(404);
  });

  it('opens with the NIK from the card, audits it as an identity proof, and the centre then reads the record', async () => {
    const p = await registeredAtB();
    const res = await call('POST', '/api/cases', 'workerA', {
      ...opening(p.id),
      identityProof: { nik: p.nik },
    });
    expect(res.statusCode, res.body).toBe(201);
    const caseId = res.json().id;

    const [proof] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'identity_proof'), eq(auditLog.entityId, p.id)));
    expect(proof).toMatchObject({ action: 'create', actorId: workerA.id, centerId: centerA });
    expect(Object.fromEntries(proof!.changes.map((c) => [c.field, c.after]))).toEqual({
      caseId,
      centerId: centerA,
      registeredAtCenterId: centerB,
      proof: 'nik',
    });
    // The audit keeps which card was shown, never its number.
    expect(JSON.stringify(proof)).not.toContain(p.nik);

    const read = await call('GET', `/api/persons/${p.id}`, 'workerA');
    expect(read.statusCode).toBe(200);
    expect(read.json().nik).toBe(p.nik);
    // Served at A now: a second case there needs no proof.
    const again = await call('POST', '/api/cases', 'workerA', opening(p.id));
    expect(again.statusCode, again.body).toBe(201);
  });

  it('accepts the KK number as proof too', async () => {
    const p = await registeredAtB();
    const res = await call('POST', '/api/cases', 'workerA', {
      ...opening(p.id),
      identityProof: { kkNumber: p.kkNumber },
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('shows the registering centre where else the person is served', async () => {
    const p = await registeredAtB();
    const opened = (
      await call('POST', '/api/cases', 'workerA', { ...opening(p.id), identityProof: { nik: p.nik } })
    ).json();
    const page = (await call('GET', `/api/persons/${p.id}`, 'headB')).json();
    expect(page.servedElsewhere).toEqual([
      {
        confidential: false,
        caseNumber: opened.number,
        centerId: centerA,
        centerName: 'Balai Uji Penerima',
        openedAt: opened.openedAt,
        closedAt: null,
      },
    ]);
  });

  it('tells where a sensitive case is only to who may see it; the registering centre reads that one exists', async () => {
    const p = await registeredAtB();
    const opened = await call('POST', '/api/cases', 'workerA', {
      ...opening(p.id),
      clusters: ['napza'],
      identityProof: { nik: p.nik },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const atB = (await call('GET', `/api/persons/${p.id}`, 'headB')).json();
    expect(atB.servedElsewhere).toEqual([
      {
        confidential: true,
        caseNumber: null,
        centerId: null,
        centerName: null,
        openedAt: opened.json().openedAt,
        closedAt: null,
      },
    ]);
    expect(JSON.stringify(atB)).not.toContain(opened.json().number);
    const atA = (await call('GET', `/api/persons/${p.id}`, 'headA')).json();
    expect(atA.servedElsewhere).toMatchObject([{ confidential: false, caseNumber: opened.json().number }]);
  });

  it('needs no proof for a person the centre registered', async () => {
    const input = personAt(centerA);
    const id = await createPerson({ db: t.database.db, context: systemContext, input });
    const res = await call('POST', '/api/cases', 'workerA', opening(id));
    expect(res.statusCode, res.body).toBe(201);
    const proofs = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'identity_proof'), eq(auditLog.entityId, id)));
    expect(proofs).toEqual([]);
  });

  it('slows down guessing: after the hourly number of proofs even the right one waits', async () => {
    const p = await registeredAtB();
    const statuses: number[] = [];
    for (let i = 0; i < identityProofLimit.limit; i++) {
      const res = await call('POST', '/api/cases', 'guesser', {
        ...opening(p.id, workerA.id),
        identityProof: { nik: freshNik() },
      });
      statuses.push(res.statusCode);
    }
    expect(new Set(statuses)).toEqual(new Set([422]));
    const right = await call('POST', '/api/cases', 'guesser', {
      ...opening(p.id, workerA.id),
      identityProof: { nik: p.nik },
    });
    expect(right.statusCode).toBe(429);
    expect(right.json().code).toBe('case.identity_proof_too_many');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('registering a NIK that another centre registered', () => {
  it('says it is registered elsewhere without the name, with the id to serve the person', async () => {
    const p = await registeredAtB();
    const { id, ...input } = p;
    const res = await call('POST', '/api/persons', 'workerA', { ...input, centerId: centerA });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'person.nik_exists_elsewhere',
      fields: [{ path: 'nik' }],
      details: { existingPersonId: id, visible: false },
    });
    expect(res.body).not.toContain(p.fullName);
  });
});
