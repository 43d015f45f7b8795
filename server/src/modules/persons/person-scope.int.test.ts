import { count, desc, eq, max } from 'drizzle-orm';
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
import { createCase } from '../cases/cases.service.ts';
import { cases } from '../cases/cases.tables.ts';
import { systemContext } from '../users/first-admin.ts';
import { createPerson } from './persons.service.ts';
import { personRelations, persons } from './persons.tables.ts';

/**
 * Points 1 and 4 of issue 10 (decision 0017): a merge needs both records in the merger's
 * scope — a centre head merges records registered at their centres, central staff merge
 * across centres — and a family link names only a person the linker may see.
 */
let t: TestContext;
let centerA: string;
let centerB: string;
let workerB: TestUser;
let workerA: TestUser;
const cookies: Record<string, string> = {};
let n = 0;

const personAt = (centerId: string, fullName: string, extra: Record<string, unknown> = {}) => ({
  centerId,
  nik: null,
  nikUnknownReason: 'lost_documents' as const,
  nikWarningsConfirmed: false,
  kkNumber: null,
  fullName: `${fullName} ${++n}`,
  aliases: [],
  sex: 'female' as const,
  birthDate: null,
  birthYearEstimate: 1972,
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
  ...extra,
});
/** Each person's KK number, the proof a case at another centre is opened with. */
const kkOf = new Map<string, string>();
const register = async (centerId: string, fullName: string, extra: Record<string, unknown> = {}) => {
  const kkNumber = `32750101029${String(n).padStart(5, '0')}`;
  const input = { ...personAt(centerId, fullName, { kkNumber }), ...extra };
  const id = await createPerson({ db: t.database.db, context: systemContext, input });
  kkOf.set(id, kkNumber);
  return id;
};

/** A case of `personId` at `centerId`, with the KK number shown where the centre does not see the person yet. */
const caseAt = (personId: string, centerId: string, worker: TestUser, sensitive = false) =>
  createCase({
    db: t.database.db,
    context: systemContext,
    input: {
      personId,
      centerId,
      clusters: sensitive ? ['napza'] : ['elderly'],
      childSpecialProtection: false,
      intakeChannel: 'walk_in',
      intakeReference: null,
      problem: 'Rehabilitasi',
      urgency: 'medium',
      modality: 'residential',
      assignedWorkerId: worker.id,
      recommendedCenterId: null,
      overrideReason: null,
      identityProof: { kkNumber: kkOf.get(personId)! },
    },
  });

beforeAll(async () => {
  t = await createTestApp();
  centerA = (await buildCenter(t.database)).id;
  centerB = (await buildCenter(t.database)).id;
  workerB = await buildUser(t.database, [{ role: 'social_worker', centerId: centerB }]);
  workerA = await buildUser(t.database, [{ role: 'social_worker', centerId: centerA }]);
  const users = {
    headA: await buildUser(t.database, [{ role: 'center_head', centerId: centerA }]),
    workerA,
    headAB: await buildUser(t.database, [
      { role: 'center_head', centerId: centerA },
      { role: 'center_head', centerId: centerB },
    ]),
    central: await buildUser(t.database, [{ role: 'central', centerId: null }]),
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

const merge = (who: string, survivorId: string, mergedId: string) =>
  call('POST', '/api/persons/merge', who, {
    survivorId,
    mergedId,
    survivorVersion: 1,
    mergedVersion: 1,
    reason: 'Orang yang sama, dua kali terdaftar',
  });

/** Everything a refused merge or link must leave as it was. */
const footprint = async () => {
  const db = t.database.db;
  const [a] = await db.select({ seq: max(auditLog.seq) }).from(auditLog);
  const people = await db
    .select({ id: persons.id, version: persons.version, mergedIntoId: persons.mergedIntoId })
    .from(persons)
    .orderBy(persons.id);
  const caseRows = await db
    .select({ id: cases.id, personId: cases.personId, version: cases.version })
    .from(cases)
    .orderBy(cases.id);
  const [links] = await db.select({ n: count() }).from(personRelations);
  return { auditSeq: a!.seq, people, caseRows, links: links!.n };
};

describe('merging across centres', () => {
  it("refuses a head merging another centre's person, either way round, and changes nothing", async () => {
    const own = await register(centerA, 'Sri Lestari');
    const foreign = await register(centerB, 'Sri Lestary', {
      nik: '3275015505720001',
      nikUnknownReason: null,
      birthDate: '1972-05-15',
      phone: '081311112222',
    });
    await caseAt(foreign, centerB, workerB, true);
    const before = await footprint();
    for (const [survivor, merged] of [
      [own, foreign],
      [foreign, own],
    ] as const) {
      const res = await merge('headA', survivor, merged);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('person.not_found');
      for (const secret of ['3275015505720001', kkOf.get(foreign)!, '081311112222', 'Sri Lestary'])
        expect(res.body).not.toContain(secret);
    }
    expect(await footprint()).toEqual(before);
    // The foreign record stays out of the head's sight.
    expect((await call('GET', `/api/persons/${foreign}`, 'headA')).statusCode).toBe(404);
  });

  it('does not count a person the centre only serves: the merge would rewrite the registering centre’s record', async () => {
    const own = await register(centerA, 'Wartini');
    const served = await register(centerB, 'Wartiny');
    await caseAt(served, centerA, workerA);
    expect((await call('GET', `/api/persons/${served}`, 'headA')).statusCode).toBe(200);
    const before = await footprint();
    expect((await merge('headA', own, served)).statusCode).toBe(404);
    expect((await merge('headA', served, own)).statusCode).toBe(404);
    expect(await footprint()).toEqual(before);
  });

  it("merges two of the head's own records", async () => {
    const a = await register(centerA, 'Ngatini');
    const b = await register(centerA, 'Ngatiny');
    const res = await merge('headA', a, b);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().mergedFrom.map((m: { id: string }) => m.id)).toEqual([b]);
  });

  it('lets a head of both centres merge across them', async () => {
    const a = await register(centerA, 'Painem');
    const b = await register(centerB, 'Painen');
    expect((await merge('headAB', a, b)).statusCode).toBe(200);
  });

  it('lets central staff merge records of different centres; the cases follow the survivor', async () => {
    const a = await register(centerA, 'Tukiyem');
    const b = await register(centerB, 'Tukiyam', {
      nik: '3275015505720003',
      nikUnknownReason: null,
      birthDate: '1972-05-15',
    });
    const caseB = await caseAt(b, centerB, workerB, true);
    const res = await merge('central', a, b);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: a, nik: '3275015505720003' });
    const [moved] = await t.database.db.select().from(cases).where(eq(cases.id, caseB));
    expect(moved!.personId).toBe(a);
    const [row] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entity, 'person_merge'))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(row!.changes.find((c) => c.field === 'mergedId')?.after).toBe(b);
  });
});

describe('family links', () => {
  it("refuses linking another centre's person and writes nothing", async () => {
    const own = await register(centerA, 'Sumarni');
    const foreign = await register(centerB, 'Kakak Rahasia');
    const before = await footprint();
    const res = await call('POST', `/api/persons/${own}/family`, 'workerA', {
      relatedPersonId: foreign,
      relationship: 'sibling',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'person.not_found', fields: [{ path: 'relatedPersonId' }] });
    expect(res.body).not.toContain('Kakak Rahasia');
    expect(await footprint()).toEqual(before);
  });

  it('links a person the centre serves, though registered elsewhere', async () => {
    const own = await register(centerA, 'Sumini');
    const served = await register(centerB, 'Adik Dilayani');
    await caseAt(served, centerA, workerA);
    const res = await call('POST', `/api/persons/${own}/family`, 'workerA', {
      relatedPersonId: served,
      relationship: 'sibling',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().family.map((f: { relatedPersonId: string }) => f.relatedPersonId)).toEqual([served]);
  });
});
