import { duplicateQuery } from '@atensi/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asUser,
  buildCenter,
  buildUser,
  createTestApp,
  signIn,
  type TestContext,
} from '../../../test/app.ts';
import { systemContext } from '../users/first-admin.ts';
import { createPerson } from './persons.service.ts';

/**
 * The duplicate finder asks while the worker types (issue 10 point 10, issue 11 point 2): every
 * partial combination of the form's fields must get an answer — a list, or a 400 naming the
 * field — never a database error. Runs the real query on PGlite and PostgreSQL.
 */
let t: TestContext;
let worker: string;

const kupang = { province: '53', regency: '53.01', district: '53.01.05', village: '53.01.05.1001' };
const bekasi = { province: '32', regency: '32.75', district: '32.75.01', village: '32.75.01.1001' };

beforeAll(async () => {
  t = await createTestApp();
  const center = await buildCenter(t.database, { regionCode: '53.01.05.1001', coverage: ['53'] });
  worker = await signIn(t.app, await buildUser(t.database, [{ role: 'social_worker', centerId: center.id }]));
  const people = [
    { fullName: 'Yakobus Tefa', sex: 'male', birthDate: '1988-03-05', regionCode: kupang.village },
    { fullName: 'Yakobus Tefa', sex: 'male', birthDate: null, regionCode: '53.01.06.1003' },
    { fullName: 'Maria Tefa', sex: 'female', birthDate: '1990-05-03', regionCode: kupang.village },
    { fullName: 'Siti Aminah', sex: 'female', birthDate: '1975-01-20', regionCode: bekasi.village },
  ] as const;
  for (const [i, p] of people.entries()) {
    await createPerson({
      db: t.database.db,
      context: systemContext,
      input: {
        centerId: center.id,
        nik: null,
        nikUnknownReason: 'not_registered',
        nikWarningsConfirmed: false,
        kkNumber: null,
        fullName: p.fullName,
        aliases: i === 1 ? ['Kobus'] : [],
        sex: p.sex,
        birthDate: p.birthDate,
        birthYearEstimate: p.birthDate ? null : 1988,
        birthPlace: null,
        regionCode: p.regionCode,
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
  }
}, 120_000);
afterAll(() => t?.close());

const ask = (payload: unknown) =>
  t.app.inject({
    method: 'POST',
    url: '/api/persons/duplicates',
    headers: asUser(worker),
    payload: payload as object,
  });

describe('duplicate finder on partial input', () => {
  it('answers the form as typed in Kupang before a district is chosen (issue 11 point 2)', async () => {
    for (const regionCode of [kupang.province, kupang.regency, kupang.district, kupang.village]) {
      const res = await ask({ fullName: 'Yakobus Tefa', sex: 'male', regionCode });
      expect(res.statusCode, `${regionCode}: ${res.body}`).toBe(200);
    }
    const res = await ask({
      fullName: 'Yakobus Tefa',
      sex: 'male',
      regionCode: kupang.regency,
      birthYearEstimate: 1988,
    });
    expect(res.json().items.map((c: { person: { fullName: string } }) => c.person.fullName)).toContain(
      'Yakobus Tefa',
    );
  });

  it('refuses a name or a broken code as the region, naming the field', async () => {
    for (const regionCode of ['Kupang', '53.0', '53.01.05.10011', '32.75 ']) {
      const res = await ask({ fullName: 'Yakobus Tefa', regionCode });
      if (regionCode === '32.75 ') {
        expect(res.statusCode, res.body).toBe(200);
        continue;
      }
      expect(res.statusCode, `${regionCode}: ${res.body}`).toBe(400);
      expect(res.json().fields.map((f: { path: string }) => f.path)).toEqual(['regionCode']);
    }
  });

  it('gives every partial combination of the fields an answer, never a server error', async () => {
    const region = fc.constantFrom(
      null,
      undefined,
      ...Object.values(kupang),
      ...Object.values(bekasi),
      'Kupang',
      '53.01.99',
    );
    const name = fc.oneof(
      fc.constantFrom('Yakobus Tefa', 'yakobus', 'Tefa', 'Siti Aminah', 'Maria', 'Kobus', "O'Neil-Tefa"),
      fc.string({ minLength: 0, maxLength: 30, unit: 'grapheme' }),
    );
    const query = fc.record(
      {
        fullName: name,
        nik: fc.constantFrom(null, '', '5301', '5301054503880001', '3275015501750002'),
        sex: fc.constantFrom(null, 'male', 'female'),
        birthDate: fc.constantFrom(null, '1988-03-05', '1988-05-03', '1990-05-03', '2000-02-29'),
        birthYearEstimate: fc.constantFrom(null, 1900, 1975, 1988, 1990),
        regionCode: region,
        excludeId: fc.constantFrom(null, '01900000-0000-7000-8000-000000000000'),
        limit: fc.constantFrom(undefined, 1, 10, 50),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const res = await ask(q);
        const valid = duplicateQuery.safeParse(q).success;
        expect(res.statusCode, `${JSON.stringify(q)} → ${res.body}`).toBe(valid ? 200 : 400);
        if (!valid) expect(res.json().fields.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
