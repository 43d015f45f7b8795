/**
 * NIK (Nomor Induk Kependudukan): `PPKKCC DDMMYY SSSS`. The first six digits are the
 * Kemendagri district code, women have 40 added to the day of birth, and the last four
 * digits are a sequence. Only the shape is checked here: whether the district exists is
 * the server's job (regions table), and a NIK that disagrees with the person's birth date
 * or sex is a warning the worker confirms, because records in the field are often wrong
 * on either side.
 */

export type NikProblem = 'length' | 'digits' | 'region_format' | 'birth_date' | 'sequence';

export type ParsedNik = {
  ok: true;
  /** `PP.KK.CC`, the form the regions table uses. */
  districtCode: string;
  birth: { day: number; month: number; yy: number };
  sex: 'male' | 'female';
  sequence: number;
};

export type NikParseResult = ParsedNik | { ok: false; problem: NikProblem };

/** Women's day of birth is stored with this added. */
export const nikFemaleDayOffset = 40;

const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * The NIK carries only two digits of the year, so 29 February is accepted whenever some
 * century makes it real: yy divisible by 4 is a leap year in 19yy or 20yy (00 → 2000).
 */
const isPossibleDate = (day: number, month: number, yy: number): boolean => {
  if (month < 1 || month > 12) return false;
  if (day < 1 || day > daysInMonth[month - 1]!) return false;
  if (month === 2 && day === 29) return yy % 4 === 0;
  return true;
};

export const parseNik = (nik: string): NikParseResult => {
  if (nik.length !== 16) return { ok: false, problem: 'length' };
  if (!/^\d{16}$/.test(nik)) return { ok: false, problem: 'digits' };

  const province = Number(nik.slice(0, 2));
  const regency = nik.slice(2, 4);
  const district = nik.slice(4, 6);
  if (province < 11 || regency === '00' || district === '00') return { ok: false, problem: 'region_format' };

  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const female = rawDay > nikFemaleDayOffset;
  const day = female ? rawDay - nikFemaleDayOffset : rawDay;
  if (!isPossibleDate(day, month, yy)) return { ok: false, problem: 'birth_date' };

  const sequence = Number(nik.slice(12, 16));
  if (sequence === 0) return { ok: false, problem: 'sequence' };

  return {
    ok: true,
    districtCode: `${nik.slice(0, 2)}.${regency}.${district}`,
    birth: { day, month, yy },
    sex: female ? 'female' : 'male',
    sequence,
  };
};

export type NikWarning = 'birth_date_mismatch' | 'sex_mismatch' | 'birth_year_mismatch';

/** Estimated ages are rough; a NIK year this close to the estimate is not worth a warning. */
export const birthYearEstimateTolerance = 2;

/** Distance between two-digit years on the century circle, so 99 and 01 are 2 apart. */
const yyDistance = (a: number, b: number): number => {
  const d = Math.abs(a - b) % 100;
  return Math.min(d, 100 - d);
};

/**
 * What a NIK says that the person record contradicts. A NIK that does not parse gives no
 * warnings: its shape is a validation error reported elsewhere.
 */
export const nikWarnings = (
  nik: string,
  person: { birthDate: string | null; birthYearEstimate: number | null; sex: 'male' | 'female' },
): NikWarning[] => {
  const parsed = parseNik(nik);
  if (!parsed.ok) return [];
  const warnings: NikWarning[] = [];

  const date = person.birthDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(person.birthDate) : null;
  if (date) {
    const [, year, month, day] = date;
    if (
      Number(day) !== parsed.birth.day ||
      Number(month) !== parsed.birth.month ||
      Number(year) % 100 !== parsed.birth.yy
    ) {
      warnings.push('birth_date_mismatch');
    }
  } else if (person.birthYearEstimate !== null) {
    if (yyDistance(person.birthYearEstimate % 100, parsed.birth.yy) > birthYearEstimateTolerance) {
      warnings.push('birth_year_mismatch');
    }
  }

  if (person.sex !== parsed.sex) warnings.push('sex_mismatch');
  return warnings;
};

/**
 * Keeps `head` leading and `tail` trailing characters and stars the rest, so a list can
 * show enough to tell records apart without exposing the number. Values too short to
 * keep anything hidden are starred entirely.
 */
const maskMiddle = (value: string, head: number, tail: number): string => {
  if (value.length <= head + tail) return '*'.repeat(value.length);
  return value.slice(0, head) + '*'.repeat(value.length - head - tail) + value.slice(value.length - tail);
};

/** `3201********0003`. Also for the KK number, which has the same 16-digit shape. */
export const maskNik = (value: string | null): string | null =>
  value === null ? null : maskMiddle(value, 4, 4);

/** `0812*****678`: the operator prefix and the last three digits, spaces and dashes dropped. */
export const maskPhone = (value: string | null): string | null =>
  value === null ? null : maskMiddle(value.replace(/[\s()-]/g, ''), 4, 3);
