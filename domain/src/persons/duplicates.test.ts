import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DupPerson, duplicateThreshold, duplicateWeights, scoreDuplicate } from './duplicates.ts';
import { duplicateCandidateSchema } from './person.schema.ts';

const person = (p: Partial<DupPerson>): DupPerson => ({
  nik: null,
  fullName: 'Siti Aminah',
  aliases: [],
  sex: 'female',
  birthDate: null,
  birthYearEstimate: null,
  regionCode: null,
  ...p,
});

const shown = (q: DupPerson, c: DupPerson) => scoreDuplicate(q, c).score >= duplicateThreshold;

describe('scoreDuplicate', () => {
  it('has weights summing to one', () => {
    const sum = Object.values(duplicateWeights).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 10);
  });

  it('scores the same NIK as certain', () => {
    const q = person({ nik: '3201014508900003', fullName: 'Aminah', birthDate: '1990-08-05' });
    const c = person({ nik: '3201014508900003', fullName: 'Siti Aminah Binti Rasyid', birthDate: null });
    expect(scoreDuplicate(q, c)).toEqual({ score: 1, reasons: ['nik_exact', 'sex'] });
  });

  it('finds a typo in the name with the same birth date and village', () => {
    const q = person({
      fullName: 'Siti Nurhaliza',
      birthDate: '1985-03-12',
      regionCode: '32.01.01.2001',
    });
    const c = person({ fullName: 'Sitti Nurhalizah', birthDate: '1985-03-12', regionCode: '32.01.01.2001' });
    const r = scoreDuplicate(q, c);
    expect(r.reasons).toEqual(['name_similar', 'birth_date_exact', 'sex', 'same_village']);
    expect(r.score).toBeGreaterThan(0.85);
  });

  it('finds a title-and-spelling variant with day and month swapped', () => {
    const q = person({
      fullName: 'H. Muhammad Yusuf, S.Pd.',
      sex: 'male',
      birthDate: '1970-05-03',
      regionCode: '35.78.01.1001',
    });
    const c = person({
      fullName: 'Mohamad Yusup',
      sex: 'male',
      birthDate: '1970-03-05',
      regionCode: '35.78.01.1003',
    });
    const r = scoreDuplicate(q, c);
    expect(r.reasons).toEqual(['name_exact', 'birth_date_swapped', 'sex', 'same_district']);
    expect(shown(q, c)).toBe(true);
  });

  it('matches through an alias', () => {
    const q = person({ fullName: 'Wati', sex: 'female', birthYearEstimate: 1960, regionCode: '53.71.01' });
    const c = person({
      fullName: 'Ni Made Suwati',
      aliases: ['Wati'],
      birthYearEstimate: 1962,
      regionCode: '53.71.01.1005',
    });
    const r = scoreDuplicate(q, c);
    expect(r.reasons).toEqual(['alias', 'birth_year', 'sex', 'same_district']);
    expect(shown(q, c)).toBe(true);
  });

  it('scores the same name born twenty years apart in another province low', () => {
    const q = person({
      fullName: 'Budi Santoso',
      sex: 'male',
      birthDate: '1995-07-01',
      regionCode: '33.74.01.1001',
    });
    const c = person({
      fullName: 'Budi Santoso',
      sex: 'male',
      birthDate: '1975-02-11',
      regionCode: '64.72.02.1004',
    });
    const r = scoreDuplicate(q, c);
    expect(r.reasons).toEqual(['name_exact', 'sex']);
    expect(r.score).toBeLessThan(0.4);
    expect(shown(q, c)).toBe(false);
  });

  it('does not show a common name on the name and sex alone', () => {
    const q = person({ regionCode: '11.71.01.1001' });
    const c = person({ regionCode: '94.71.01.1001' });
    expect(scoreDuplicate(q, c).score).toBeCloseTo(0.55, 5);
    expect(shown(q, c)).toBe(false);
  });

  it('treats a sex disagreement as strong evidence against', () => {
    const base = { fullName: 'Rudi Hartono', birthDate: '1980-01-20', regionCode: '31.71.01.1001' };
    const same = scoreDuplicate(person({ ...base, sex: 'male' }), person({ ...base, sex: 'male' }));
    const other = scoreDuplicate(person({ ...base, sex: 'male' }), person({ ...base, sex: 'female' }));
    expect(same.score).toBe(1);
    expect(other.reasons).not.toContain('sex');
    expect(other.score).toBeLessThan(same.score - 0.3);
  });

  it('lowers the score for two clearly different NIKs but not for a typo', () => {
    const base = { fullName: 'Dewi Lestari', birthDate: '1992-11-02', regionCode: '73.71.01.1001' };
    const a = person({ ...base, nik: '7371014211920001' });
    const typo = person({ ...base, nik: '7371014211920007' });
    const other = person({ ...base, nik: '7371014211920458' });
    expect(scoreDuplicate(a, typo).score).toBe(1);
    expect(scoreDuplicate(a, other).score).toBeCloseTo(0.7, 5);
  });

  it('scores within [0, 1] with reasons the schema accepts, symmetric in the two people', () => {
    const names = fc.constantFrom('Siti Aminah', 'St. Aminah', 'Budi Santoso', 'Muh. Yusuf', 'Yusuf', 'Wati');
    const arbPerson: fc.Arbitrary<DupPerson> = fc.record({
      nik: fc.option(fc.constantFrom('3201014508900003', '3201014508900004', '3171021702850001'), {
        nil: null,
      }),
      fullName: names,
      aliases: fc.array(names, { maxLength: 2 }),
      sex: fc.constantFrom('male' as const, 'female' as const, null),
      birthDate: fc.option(fc.constantFrom('1990-08-05', '1990-05-08', '1990-01-01', '1960-08-05'), {
        nil: null,
      }),
      birthYearEstimate: fc.option(fc.integer({ min: 1950, max: 2000 }), { nil: null }),
      regionCode: fc.option(
        fc.constantFrom('32.01.01.2001', '32.01.01.2002', '32.01.02', '32.73', '53.71.01.1001'),
        {
          nil: null,
        },
      ),
    });
    fc.assert(
      fc.property(arbPerson, arbPerson, (q, c) => {
        const r = scoreDuplicate(q, c);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
        expect(duplicateCandidateSchema.shape.reasons.safeParse(r.reasons).success).toBe(true);
        expect(scoreDuplicate(c, q).score).toBe(r.score);
      }),
    );
  });
});
