import { z } from 'zod';
import { type IndonesianZone, zoneIana } from './regions/timezone.ts';

/** Today's date at Indonesia's easternmost zone (WIT): the latest calendar day anywhere in the country. */
export const latestTodayInIndonesia = (now: Date = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jayapura' }).format(now);

/** Today's calendar date in one of Indonesia's zones, `YYYY-MM-DD`. */
export const todayInZone = (zone: IndonesianZone, now: Date = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zoneIana[zone] }).format(now);

/** `YYYY-MM-DD` moved by whole years; 29 February becomes 28 February in a common year. */
export const addYears = (day: string, years: number): string => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const dayOfMonth = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
};

/**
 * What a date field means decides the dates it may hold (docs/decisions/0019). `today` is the
 * latest calendar day anywhere in Indonesia, so a worker in Jayapura may write today's date
 * while it is still yesterday in Jakarta.
 *
 * - `birth`: a date of birth, 1 January 1900 up to today.
 * - `event`: something that has happened (a visit, a service, a receipt, a disaster's start),
 *   1 January 2000 up to today.
 * - `planned`: a target or a plan (a plan's goal, the next visit, a campaign's dates), from five
 *   years back (a plan revised late keeps its goals) to ten years ahead.
 * - `expiry`: how long something stays valid (a lot's expiry, an accreditation), 1 January 2000
 *   to thirty years ahead.
 * - `period`: a reporting period or a search filter, 1 January 2000 to 31 December 2100.
 */
export const dateMeanings = ['birth', 'event', 'planned', 'expiry', 'period'] as const;
export type DateMeaning = (typeof dateMeanings)[number];

export const dateBounds = (meaning: DateMeaning, today: string): { min: string; max: string } => {
  switch (meaning) {
    case 'birth':
      return { min: '1900-01-01', max: today };
    case 'event':
      return { min: '2000-01-01', max: today };
    case 'planned':
      return { min: addYears(today, -5), max: addYears(today, 10) };
    case 'expiry':
      return { min: '2000-01-01', max: addYears(today, 30) };
    case 'period':
      return { min: '2000-01-01', max: '2100-12-31' };
  }
};

/**
 * A calendar date (`YYYY-MM-DD`) of the given meaning: a real date (no 30 February, no year 0)
 * within the meaning's bounds, refused with a message naming the bound. The bounds are taken
 * when the value is checked, so a form open across midnight checks against the new day.
 */
export const dateField = (meaning: DateMeaning) =>
  z.iso.date().superRefine((value, ctx) => {
    const { min, max } = dateBounds(meaning, latestTodayInIndonesia());
    if (value < min) {
      ctx.addIssue({ code: 'custom', message: 'validation.date_min', params: { min }, input: value });
    } else if (value > max) {
      ctx.addIssue({ code: 'custom', message: 'validation.date_max', params: { max }, input: value });
    }
  });

/** The same meaning, optional: empty, null or absent become null. */
export const optionalDateField = (meaning: DateMeaning) =>
  z
    .union([dateField(meaning), z.literal('')])
    .nullish()
    .transform((v) => (v ? v : null));

/** An estimated year of birth, when nobody knows the date: 1900 up to this year. */
export const birthYearField = () =>
  z
    .number()
    .int()
    .min(1900)
    .superRefine((value, ctx) => {
      const max = Number(latestTodayInIndonesia().slice(0, 4));
      if (value > max) {
        ctx.addIssue({ code: 'custom', message: 'validation.year_max', params: { max }, input: value });
      }
    });
