import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addYears, birthYearField, dateBounds, dateField, latestTodayInIndonesia } from './date-fields.ts';
import { localisedFieldErrors } from './validation.ts';

const today = latestTodayInIndonesia();
const check = (meaning: Parameters<typeof dateField>[0], value: string) =>
  localisedFieldErrors(z.object({ d: dateField(meaning) }), { d: value }, 'id');

describe('date fields', () => {
  it('refuses dates PostgreSQL cannot store or that do not exist', () => {
    for (const meaning of ['birth', 'event', 'planned', 'expiry', 'period'] as const) {
      for (const bad of ['0000-01-01', '2026-02-30', '2025-02-29', '20260101', '2026-1-01']) {
        expect(check(meaning, bad)?.[0]?.path, `${meaning} ${bad}`).toBe('d');
      }
    }
  });

  it('bounds each meaning, and the message names the bound in the reader’s language', () => {
    expect(check('birth', '1899-12-31')).toEqual([
      { path: 'd', message: 'Tanggal tidak boleh sebelum 1 Januari 1900.' },
    ]);
    expect(check('event', '9999-12-31')?.[0]?.message).toMatch(
      /^Tanggal tidak boleh setelah \d+ \w+ \d{4}\.$/,
    );
    expect(check('event', '1999-12-31')?.[0]?.message).toBe('Tanggal tidak boleh sebelum 1 Januari 2000.');
    expect(
      localisedFieldErrors(z.object({ d: dateField('period') }), { d: '2101-01-01' }, 'en')?.[0]?.message,
    ).toBe('The date cannot be after 31 December 2100.');
    expect(check('planned', addYears(today, 11))?.[0]?.message).toMatch(/setelah/);
    expect(check('planned', addYears(today, -6))?.[0]?.message).toMatch(/sebelum/);
  });

  it('takes the dates a worker writes: today, a birth in 1940, a target next year, an expiry in 2040', () => {
    expect(check('event', today)).toBeNull();
    expect(check('birth', '1940-08-17')).toBeNull();
    expect(check('birth', today)).toBeNull();
    expect(check('planned', addYears(today, 1))).toBeNull();
    expect(check('planned', addYears(today, -1))).toBeNull();
    expect(check('expiry', '2040-01-31')).toBeNull();
    expect(check('period', '2026-01-01')).toBeNull();
    expect(check('event', '2024-02-29')).toBeNull();
  });

  it('takes today in Jayapura while Jakarta is still on yesterday', () => {
    const evening = new Date('2026-08-16T16:30:00Z'); // 23.30 WIB, 01.30 WIT on the 17th
    expect(latestTodayInIndonesia(evening)).toBe('2026-08-17');
    expect(dateBounds('event', latestTodayInIndonesia(evening)).max).toBe('2026-08-17');
  });

  it('moves by whole years, 29 February to 28 February in a common year', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2026-12-04', -5)).toBe('2021-12-04');
  });

  it('bounds an estimated birth year by this year', () => {
    const year = Number(today.slice(0, 4));
    expect(birthYearField().safeParse(year).success).toBe(true);
    expect(birthYearField().safeParse(1900).success).toBe(true);
    expect(birthYearField().safeParse(1899).success).toBe(false);
    const next = localisedFieldErrors(z.object({ y: birthYearField() }), { y: year + 1 }, 'id');
    expect(next).toEqual([{ path: 'y', message: `Tahun tidak boleh setelah ${year}.` }]);
  });
});
