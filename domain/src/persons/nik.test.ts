import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskNik, maskPhone, nikWarnings, parseNik } from './nik.ts';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const daysIn = (month: number, yy: number) =>
  month === 2 ? (yy % 4 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** A NIK built from its parts, with the parts kept for comparison. */
const validNik = fc
  .record({
    province: fc.integer({ min: 11, max: 99 }),
    regency: fc.integer({ min: 1, max: 99 }),
    district: fc.integer({ min: 1, max: 99 }),
    month: fc.integer({ min: 1, max: 12 }),
    yy: fc.integer({ min: 0, max: 99 }),
    dayFraction: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    sex: fc.constantFrom('male' as const, 'female' as const),
    sequence: fc.integer({ min: 1, max: 9999 }),
  })
  .map((p) => {
    const day = 1 + Math.floor(p.dayFraction * daysIn(p.month, p.yy));
    const districtCode = `${pad(p.province, 2)}.${pad(p.regency, 2)}.${pad(p.district, 2)}`;
    const nik =
      districtCode.replaceAll('.', '') +
      pad(p.sex === 'female' ? day + 40 : day, 2) +
      pad(p.month, 2) +
      pad(p.yy, 2) +
      pad(p.sequence, 4);
    return { nik, districtCode, day, month: p.month, yy: p.yy, sex: p.sex, sequence: p.sequence };
  });

describe('parseNik', () => {
  it('reads a real-looking NIK', () => {
    expect(parseNik('3201014508900003')).toEqual({
      ok: true,
      districtCode: '32.01.01',
      birth: { day: 5, month: 8, yy: 90 },
      sex: 'female',
      sequence: 3,
    });
    expect(parseNik('3171021702850001')).toMatchObject({
      ok: true,
      sex: 'male',
      birth: { day: 17, month: 2 },
    });
  });

  it('parses every generated valid NIK back to its parts', () => {
    fc.assert(
      fc.property(validNik, (g) => {
        expect(parseNik(g.nik)).toEqual({
          ok: true,
          districtCode: g.districtCode,
          birth: { day: g.day, month: g.month, yy: g.yy },
          sex: g.sex,
          sequence: g.sequence,
        });
      }),
    );
  });

  it('round-trips the women’s day (+40)', () => {
    fc.assert(
      fc.property(validNik, (g) => {
        const female = g.nik.slice(0, 6) + pad(g.day + 40, 2) + g.nik.slice(8);
        const male = g.nik.slice(0, 6) + pad(g.day, 2) + g.nik.slice(8);
        const f = parseNik(female);
        const m = parseNik(male);
        expect(f.ok && f.sex === 'female' && f.birth.day === g.day).toBe(true);
        expect(m.ok && m.sex === 'male' && m.birth.day === g.day).toBe(true);
      }),
    );
  });

  it('refuses any string that is not 16 digits', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }).filter((s) => !/^\d{16}$/.test(s)),
        (s) => {
          const r = parseNik(s);
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.problem).toBe(s.length === 16 ? 'digits' : 'length');
        },
      ),
    );
    expect(parseNik('320101450890000')).toEqual({ ok: false, problem: 'length' });
    expect(parseNik('32010145089000 3')).toEqual({ ok: false, problem: 'digits' });
    expect(parseNik('３２０１０１４５０８９００００３')).toEqual({ ok: false, problem: 'digits' });
  });

  it('names what is wrong', () => {
    expect(parseNik('0901014508900003')).toEqual({ ok: false, problem: 'region_format' });
    expect(parseNik('3200014508900003')).toEqual({ ok: false, problem: 'region_format' });
    expect(parseNik('3201004508900003')).toEqual({ ok: false, problem: 'region_format' });
    expect(parseNik('3201010013900003')).toEqual({ ok: false, problem: 'birth_date' }); // month 13
    expect(parseNik('3201010008900003')).toEqual({ ok: false, problem: 'birth_date' }); // day 0
    expect(parseNik('3201014008900003')).toEqual({ ok: false, problem: 'birth_date' }); // day 40
    expect(parseNik('3201017208900003')).toEqual({ ok: false, problem: 'birth_date' }); // day 32 (woman)
    expect(parseNik('3201013104900003')).toEqual({ ok: false, problem: 'birth_date' }); // 31 April
    expect(parseNik('3201014508900000')).toEqual({ ok: false, problem: 'sequence' });
  });

  it('accepts 29 February only in a year some century makes leap', () => {
    expect(parseNik('3201012902000001').ok).toBe(true); // 2000
    expect(parseNik('3201016902880001').ok).toBe(true); // 1988, woman
    expect(parseNik('3201012902010001')).toEqual({ ok: false, problem: 'birth_date' });
    expect(parseNik('3201013002880001')).toEqual({ ok: false, problem: 'birth_date' });
  });
});

describe('nikWarnings', () => {
  it('is empty for the matching person and flags a flipped sex', () => {
    fc.assert(
      fc.property(validNik, fc.integer({ min: 19, max: 20 }), (g, century) => {
        const birthDate = `${century}${pad(g.yy, 2)}-${pad(g.month, 2)}-${pad(g.day, 2)}`;
        const person = { birthDate, birthYearEstimate: null, sex: g.sex };
        expect(nikWarnings(g.nik, person)).toEqual([]);
        const flipped = { ...person, sex: g.sex === 'male' ? ('female' as const) : ('male' as const) };
        expect(nikWarnings(g.nik, flipped)).toContain('sex_mismatch');
      }),
    );
  });

  it('flags a different birth date', () => {
    const nik = '3201014508900003'; // 5 Aug 1990, woman
    expect(nikWarnings(nik, { birthDate: '1990-08-06', birthYearEstimate: null, sex: 'female' })).toEqual([
      'birth_date_mismatch',
    ]);
    expect(nikWarnings(nik, { birthDate: '1991-08-05', birthYearEstimate: null, sex: 'male' })).toEqual([
      'birth_date_mismatch',
      'sex_mismatch',
    ]);
  });

  it('tolerates a rough estimate but not a far one', () => {
    const nik = '3201014508900003';
    const person = (birthYearEstimate: number) => ({
      birthDate: null,
      birthYearEstimate,
      sex: 'female' as const,
    });
    expect(nikWarnings(nik, person(1990))).toEqual([]);
    expect(nikWarnings(nik, person(1988))).toEqual([]);
    expect(nikWarnings(nik, person(1992))).toEqual([]);
    expect(nikWarnings(nik, person(1987))).toEqual(['birth_year_mismatch']);
    expect(nikWarnings(nik, person(1975))).toEqual(['birth_year_mismatch']);
    // Across the century boundary: NIK yy 99, estimate 2001 are two years apart.
    expect(
      nikWarnings('3201010101990001', { birthDate: null, birthYearEstimate: 2001, sex: 'male' }),
    ).toEqual([]);
  });

  it('gives no warnings for a NIK that does not parse', () => {
    expect(nikWarnings('123', { birthDate: '1990-01-01', birthYearEstimate: null, sex: 'male' })).toEqual([]);
  });
});

describe('masks', () => {
  it('shows the first and last four digits of a NIK or KK', () => {
    expect(maskNik('3201014508900003')).toBe('3201********0003');
    expect(maskNik(null)).toBeNull();
  });

  it('keeps the length and hides the middle of any value', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9,20}$/), (v) => {
        const masked = maskNik(v)!;
        expect(masked).toHaveLength(v.length);
        expect(masked.slice(0, 4)).toBe(v.slice(0, 4));
        expect(masked.slice(-4)).toBe(v.slice(-4));
        expect(masked.slice(4, -4)).toMatch(/^\*+$/);
      }),
    );
    expect(maskNik('1234')).toBe('****');
  });

  it('masks a phone number', () => {
    expect(maskPhone('0812-3456-7890')).toBe('0812*****890');
    expect(maskPhone('+62 812 3456 7890')).toBe('+628*******890');
    expect(maskPhone(null)).toBeNull();
  });
});
