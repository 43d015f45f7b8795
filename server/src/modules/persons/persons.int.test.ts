import { type DuplicateQuery, duplicateThreshold, scoreDuplicate } from '@atensi/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asUser,
  buildCenter,
  buildUser,
  createTestApp,
  signIn,
  type TestContext,
} from '../../../test/app.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { findDuplicates } from './find-duplicates.ts';
import { persons } from './persons.tables.ts';

let t: TestContext;
let centerA: string;
let centerB: string;
let workerA: string;
let headA: string;
let workerB: string;
let central: string;
let finance: string;

beforeAll(async () => {
  t = await createTestApp();
  centerA = (await buildCenter(t.database)).id;
  centerB = (await buildCenter(t.database, { regionCode: '53.71.01.1001', coverage: ['53'] })).id;
  workerA = await signIn(t.app, await buildUser(t.database, [{ role: 'social_worker', centerId: centerA }]));
  headA = await signIn(t.app, await buildUser(t.database, [{ role: 'center_head', centerId: centerA }]));
  workerB = await signIn(t.app, await buildUser(t.database, [{ role: 'social_worker', centerId: centerB }]));
  central = await signIn(t.app, await buildUser(t.database, [{ role: 'central', centerId: null }]));
  finance = await signIn(t.app, await buildUser(t.database, [{ role: 'finance', centerId: centerA }]));
}, 60_000);
afterAll(() => t?.close());

let nikSeq = 100;
/** A valid NIK of Bekasi Timur (32.75.01) for the given birth date and sex. */
const nik = (birthDate = '1990-01-15', sex: 'male' | 'female' = 'male') => {
  const [y, m, d] = birthDate.split('-');
  const day = Number(d) + (sex === 'female' ? 40 : 0);
  nikSeq += 1;
  return `327501${String(day).padStart(2, '0')}${m}${y!.slice(2)}${String(nikSeq).padStart(4, '0')}`;
};

const person = (overrides: Record<string, unknown> = {}) => ({
  centerId: centerA,
  nik: nik(),
  fullName: 'Muhammad Yusuf',
  sex: 'male',
  birthDate: '1990-01-15',
  birthPlace: 'Bekasi',
  regionCode: '32.75.01.1001',
  rt: '003',
  rw: '07',
  street: 'Jl. Cut Mutia No. 5',
  phone: '081234567890',
  kkNumber: '3275010101900001',
  legalBasis: 'consent',
  consentBy: 'self',
  ...overrides,
});

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: asUser(cookie),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

describe('registering a person', () => {
  it('registers with a valid NIK, shows it in full on the person page only, and audits create and read', async () => {
    const body = person();
    const res = await call('POST', '/api/persons', workerA, body);
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      fullName: 'Muhammad Yusuf',
      nik: body.nik,
      nikMasked: `${body.nik.slice(0, 4)}********${body.nik.slice(-4)}`,
    });
    expect(p.regionLineage.map((r: { name: string }) => r.name)).toEqual([
      'Jawa Barat',
      'Kota Bekasi',
      'Bekasi Timur',
      'Bekasijaya',
    ]);
    const list = (await call('POST', '/api/persons/search', workerA, { q: body.nik })).json();
    expect(list.items).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(body.nik);
    expect(JSON.stringify(list)).not.toContain('081234567890');
    await call('GET', `/api/persons/${p.id}`, workerA);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'person'), eq(auditLog.entityId, p.id)));
    expect(audit.map((a) => a.action)).toEqual(['create', 'read', 'read']);
    // Personal fields never reach the audit log in clear.
    expect(JSON.stringify(audit)).not.toContain(body.nik);
    expect(JSON.stringify(audit)).not.toContain('081234567890');
  });

  it('refuses a NIK that is already registered, linking to the existing record', async () => {
    const body = person({
      fullName: 'Siti Aminah',
      sex: 'female',
      nik: nik('1985-03-02', 'female'),
      birthDate: '1985-03-02',
    });
    const first = (await call('POST', '/api/persons', workerA, body)).json();
    const again = await call('POST', '/api/persons', headA, body);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'person.nik_exists',
      details: { existingPersonId: first.id, visible: true },
      fields: [{ path: 'nik' }],
    });
    expect(again.json().message).toContain('Siti Aminah');
    // Another centre, which does not see the record, is not told whose NIK it is (decision 0017).
    const elsewhere = await call('POST', '/api/persons', workerB, { ...body, centerId: centerB });
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json()).toMatchObject({
      code: 'person.nik_exists_elsewhere',
      details: { existingPersonId: first.id, visible: false },
      fields: [{ path: 'nik' }],
    });
    expect(elsewhere.body).not.toContain('Siti Aminah');
  });

  it('refuses malformed NIKs and NIKs of districts that do not exist, on the nik field', async () => {
    const before = (await t.database.db.select().from(persons)).length;
    const short = await call('POST', '/api/persons', workerA, person({ nik: '3275' }));
    expect(short.statusCode).toBe(400);
    expect(short.json().fields[0].path).toBe('nik');
    const nowhere = await call('POST', '/api/persons', workerA, person({ nik: '9999010101900001' }));
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json()).toMatchObject({ code: 'person.nik_invalid', fields: [{ path: 'nik' }] });
    expect((await t.database.db.select().from(persons)).length).toBe(before);
  });

  it('warns when the NIK disagrees with sex or birth date, and accepts once the worker confirms', async () => {
    const body = person({
      fullName: 'Dewi Lestari',
      sex: 'female',
      nik: nik('1992-07-09', 'male'),
      birthDate: '1992-07-09',
    });
    const warned = await call('POST', '/api/persons', workerA, body);
    expect(warned.statusCode).toBe(422);
    expect(warned.json()).toMatchObject({ code: 'person.nik_warnings', fields: [{ path: 'sex' }] });
    const confirmed = await call('POST', '/api/persons', workerA, { ...body, nikWarningsConfirmed: true });
    expect(confirmed.statusCode).toBe(201);
  });

  it('allows no NIK only with a recorded reason, and an estimated birth year', async () => {
    const body = person({
      nik: null,
      kkNumber: null,
      fullName: 'Tidak Dikenal Terminal Bekasi',
      birthDate: null,
      birthYearEstimate: 1960,
    });
    const refused = await call('POST', '/api/persons', workerA, body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields.map((f: { path: string }) => f.path)).toEqual(['nikUnknownReason']);
    const ok = await call('POST', '/api/persons', workerA, { ...body, nikUnknownReason: 'homeless' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      nik: null,
      nikUnknownReason: 'homeless',
      birthYearEstimate: 1960,
      birthDate: null,
    });
  });

  it('asks for the guardian when a parent or guardian consents', async () => {
    const res = await call('POST', '/api/persons', workerA, person({ consentBy: 'guardian', nik: nik() }));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      { path: 'consentGuardianName', message: 'Isi nama orang tua/wali yang memberi persetujuan.' },
    ]);
  });
});

describe('finding people', () => {
  it('finds a person by any spelling of the name', async () => {
    await call(
      'POST',
      '/api/persons',
      workerA,
      person({ fullName: 'H. Mochammad Soeparno, S.Pd.', nik: nik() }),
    );
    const res = (await call('POST', '/api/persons/search', workerA, { q: 'Muhamad Suparno' })).json();
    expect(res.items.map((p: { fullName: string }) => p.fullName)).toContain('H. Mochammad Soeparno, S.Pd.');
  });

  it('shows likely duplicates with reasons, including swapped day and month', async () => {
    await call(
      'POST',
      '/api/persons',
      workerA,
      person({ fullName: 'Rahmat Hidayat', nik: nik('1978-04-11'), birthDate: '1978-04-11' }),
    );
    const dup = await call('POST', '/api/persons/duplicates', workerB, {
      fullName: 'Rachmat Hidayat',
      sex: 'male',
      birthDate: '1978-11-04',
      regionCode: '32.75.01.1001',
    });
    expect(dup.statusCode).toBe(200);
    const [top] = dup.json().items;
    expect(top.person.fullName).toBe('Rahmat Hidayat');
    expect(top.reasons).toEqual(
      expect.arrayContaining(['name_similar', 'birth_date_swapped', 'same_village']),
    );
    expect(JSON.stringify(dup.json())).not.toMatch(/"nik":/);
    const stranger = (
      await call('POST', '/api/persons/duplicates', workerB, {
        fullName: 'Rahmat Hidayat',
        sex: 'male',
        birthDate: '2001-02-20',
        regionCode: '91.71.01.1001',
      })
    ).json();
    expect(stranger.items.every((c: { score: number }) => c.score < (top.score as number))).toBe(true);
  });
});

describe('duplicate finder', () => {
  it('returns exactly what scoring every registered person would show', async () => {
    // Variants and namesakes across regencies and years: the finder's keyed ways must find
    // every person `scoreDuplicate` puts over the threshold, as a scan of all of them does.
    const people: Record<string, unknown>[] = [
      { fullName: 'Nurhayati', sex: 'female', birthDate: '1985-06-10' },
      { fullName: 'Nurhayaty', sex: 'female', birthDate: '1985-10-06', regionCode: '32.75.02.1001' },
      { fullName: 'Nur Hayati', sex: 'female', birthDate: null, birthYearEstimate: 1986 },
      { fullName: 'Nurhayati', sex: 'female', birthDate: '1985-02-01', regionCode: '53.71.01.1001' },
      { fullName: 'Nurhayati', sex: 'female', birthDate: '1999-06-10', regionCode: '53.71.01.1001' },
      { fullName: 'Aminah Nurhayati', sex: 'female', birthDate: '1985-06-10', regionCode: '53.71.01.1001' },
      { fullName: 'Wartini', sex: 'female', birthDate: '1985-03-03', aliases: ['Nurhayati'] },
      { fullName: 'Nurhayati', sex: 'male', birthDate: '1985-06-10' },
      { fullName: 'Budi Santoso', sex: 'male', birthDate: '1985-06-10' },
    ];
    for (const p of people) {
      const sex = p.sex as 'male' | 'female';
      const born = (p.birthDate as string | null) ?? null;
      const res = await call(
        'POST',
        '/api/persons',
        workerA,
        person({
          nik: null,
          nikUnknownReason: 'lost_documents',
          birthYearEstimate: null,
          aliases: [],
          ...p,
          ...(born ? { birthDate: born } : {}),
          sex,
        }),
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    const queries: DuplicateQuery[] = [
      {
        fullName: 'Nurhayati',
        sex: 'female',
        birthDate: '1985-06-10',
        regionCode: '32.75.01.1001',
        limit: 50,
      },
      {
        fullName: 'Noerhajati',
        sex: 'female',
        birthYearEstimate: 1984,
        regionCode: '32.75.03.1001',
        limit: 50,
      },
      { fullName: 'Nurhayati', sex: null, birthDate: '1985-06-10', regionCode: null, limit: 50 },
      { fullName: 'Nurhayati', sex: 'female', regionCode: '53.71.01.1001', limit: 50 },
      {
        fullName: 'Hayati Nur',
        sex: 'female',
        birthDate: '1986-01-01',
        regionCode: '32.75.01.1002',
        limit: 50,
      },
    ];
    const all = await t.database.db.select().from(persons);
    for (const q of queries) {
      const found = (await findDuplicates(t.database.db, q)).map((c) => c.person.id).sort();
      const expected = all
        .filter((row) => row.mergedIntoId === null)
        .filter(
          (row) =>
            scoreDuplicate(
              {
                nik: null,
                fullName: q.fullName,
                aliases: [],
                sex: q.sex ?? null,
                birthDate: q.birthDate ?? null,
                birthYearEstimate: q.birthYearEstimate ?? null,
                regionCode: q.regionCode ?? null,
              },
              {
                nik: row.nik,
                fullName: row.fullName,
                aliases: row.aliases,
                sex: row.sex as 'male' | 'female',
                birthDate: row.birthDate,
                birthYearEstimate: row.birthYearEstimate,
                regionCode: row.regionCode,
              },
            ).score >= duplicateThreshold,
        )
        .map((row) => row.id)
        .sort();
      expect(found, JSON.stringify(q)).toEqual(expected);
      expect(expected.length, JSON.stringify(q)).toBeGreaterThan(0);
    }
  });
});

describe('scope', () => {
  it('shows a person only to their centre, central staff read-only, others not at all', async () => {
    const p = (
      await call(
        'POST',
        '/api/persons',
        workerA,
        person({
          fullName: 'Yohana Bria',
          sex: 'female',
          nik: nik('1999-12-01', 'female'),
          birthDate: '1999-12-01',
        }),
      )
    ).json();
    expect((await call('GET', `/api/persons/${p.id}`, workerA)).statusCode).toBe(200);
    expect((await call('GET', `/api/persons/${p.id}`, central)).statusCode).toBe(200);
    expect((await call('GET', `/api/persons/${p.id}`, workerB)).statusCode).toBe(404);
    expect((await call('GET', `/api/persons/${p.id}`, finance)).statusCode).toBe(403);
    const searchB = (await call('POST', '/api/persons/search', workerB, { q: 'Yohana Bria' })).json();
    expect(searchB.total).toBe(0);
    const update = await call('PUT', `/api/persons/${p.id}`, central, {
      ...person({ nik: p.nik }),
      version: p.version,
    });
    expect(update.statusCode).toBe(403);
    // A worker cannot register a person into another centre.
    expect(
      (await call('POST', '/api/persons', workerB, person({ centerId: centerA, nik: nik() }))).statusCode,
    ).toBe(403);
  });
});

describe('updating and merging', () => {
  it('gives the stale second writer 409', async () => {
    const body = person({ fullName: 'Agus Salim', nik: nik() });
    const p = (await call('POST', '/api/persons', workerA, body)).json();
    const { centerId: _c, ...rest } = body;
    const first = await call('PUT', `/api/persons/${p.id}`, workerA, {
      ...rest,
      street: 'Jl. Baru 1',
      version: 1,
    });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await call('PUT', `/api/persons/${p.id}`, headA, {
      ...rest,
      street: 'Jl. Lain 2',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('person.version_conflict');
  });

  it('merges two records of one person, keeping both histories and family links', async () => {
    const survivor = (
      await call(
        'POST',
        '/api/persons',
        workerA,
        person({
          nik: null,
          nikUnknownReason: 'lost_documents',
          fullName: 'Siti Rahayu',
          sex: 'female',
          birthDate: '1970-05-05',
        }),
      )
    ).json();
    const mergedNik = nik('1970-05-05', 'female');
    const merged = (
      await call(
        'POST',
        '/api/persons',
        workerA,
        person({ nik: mergedNik, fullName: 'Sitti Rahaju', sex: 'female', birthDate: '1970-05-05' }),
      )
    ).json();
    const child = (
      await call(
        'POST',
        '/api/persons',
        workerA,
        person({ nik: nik('2005-01-01'), fullName: 'Bayu Rahayu', birthDate: '2005-01-01' }),
      )
    ).json();
    expect(
      (
        await call('POST', `/api/persons/${merged.id}/family`, workerA, {
          relatedPersonId: child.id,
          relationship: 'child',
        })
      ).statusCode,
    ).toBe(200);

    const byWorker = await call('POST', '/api/persons/merge', workerA, {
      survivorId: survivor.id,
      mergedId: merged.id,
      survivorVersion: 1,
      mergedVersion: 1,
      reason: 'Orang yang sama',
    });
    expect(byWorker.statusCode).toBe(403);
    const res = await call('POST', '/api/persons/merge', headA, {
      survivorId: survivor.id,
      mergedId: merged.id,
      survivorVersion: survivor.version,
      mergedVersion: merged.version,
      reason: 'Orang yang sama, ejaan berbeda',
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after.nik).toBe(mergedNik);
    expect(after.aliases).toContain('Sitti Rahaju');
    expect(after.family).toEqual([
      { relatedPersonId: child.id, fullName: 'Bayu Rahayu', relationship: 'child' },
    ]);
    expect(after.mergedFrom.map((m: { id: string }) => m.id)).toEqual([merged.id]);
    const search = (await call('POST', '/api/persons/search', workerA, { q: 'Rahayu' })).json();
    expect(search.items.map((p: { id: string }) => p.id)).not.toContain(merged.id);
    const again = await call('POST', '/api/persons/merge', headA, {
      survivorId: survivor.id,
      mergedId: merged.id,
      survivorVersion: 2,
      mergedVersion: 2,
      reason: 'lagi lagi',
    });
    expect(again.statusCode).toBe(409);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entity, 'person_merge'));
    expect(audit).toHaveLength(1);
  });
});

describe('bad input', () => {
  it('answers 400 naming each field and writes nothing', async () => {
    const before = (await t.database.db.select().from(persons)).length;
    const res = await call('POST', '/api/persons', workerA, {
      ...person(),
      fullName: '',
      sex: 'x',
      regionCode: '32',
      rt: 'abcd',
      dtksDecile: 11,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['fullName', 'sex', 'rt', 'dtksDecile']),
    );
    expect((await t.database.db.select().from(persons)).length).toBe(before);
  });
});

describe('concurrency', () => {
  it('registers a NIK once when several workers submit it at the same moment', async () => {
    const body = person({ fullName: 'Markus Lende', nik: nik('1988-08-08'), birthDate: '1988-08-08' });
    const results = await Promise.all(
      Array.from({ length: 8 }, () => call('POST', '/api/persons', workerA, body)),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409))
      expect(r.json().code).toBe('person.nik_exists');
    const rows = await t.database.db
      .select()
      .from(persons)
      .where(eq(persons.nik, body.nik as string));
    expect(rows).toHaveLength(1);
  });
});
