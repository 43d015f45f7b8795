import { formatDate, type Locale, type PersonSummary } from '@atensi/domain';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** `17 Agustus 1990`, or `± 1990` when only an estimated year is known, or `—`. */
export const birthLabel = (
  p: Pick<PersonSummary, 'birthDate' | 'birthYearEstimate'>,
  t: Translate,
  lang: Locale,
): string => {
  if (p.birthDate) return formatDate(p.birthDate, 'WIB', lang);
  if (p.birthYearEstimate !== null) return t('persons.birthEstimate', { year: p.birthYearEstimate });
  return t('common.none');
};

/** Whole years between a `YYYY-MM-DD` birth date and `today` (also `YYYY-MM-DD`). */
export const ageOn = (birthDate: string, today: string): number | null => {
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  const n = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!b || !n) return null;
  let age = Number(n[1]) - Number(b[1]);
  if (Number(n[2]) * 100 + Number(n[3]) < Number(b[2]) * 100 + Number(b[3])) age -= 1;
  return age < 0 ? null : age;
};

/** Today's date in Jakarta (WIB) as `YYYY-MM-DD`. */
export const todayInWib = (now: Date = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(now);

/** `34 tahun`, `± 34 tahun` from an estimated year, or `—`. */
export const ageLabel = (
  p: Pick<PersonSummary, 'birthDate' | 'birthYearEstimate'>,
  t: Translate,
  today: string = todayInWib(),
): string => {
  if (p.birthDate) {
    const age = ageOn(p.birthDate, today);
    return age === null ? t('common.none') : t('persons.ageValue', { age });
  }
  if (p.birthYearEstimate !== null) {
    const age = Number(today.slice(0, 4)) - p.birthYearEstimate;
    return age < 0 ? t('common.none') : t('persons.ageEstimate', { age });
  }
  return t('common.none');
};

/** A 0..1 score as a whole percentage. */
export const percent = (score: number): number => Math.round(Math.min(1, Math.max(0, score)) * 100);

/** `Sukamaju, Kec. Cibitung, …`: the region lineage, village first, as people say an address. */
export const lineageLabel = (lineage: readonly { name: string }[], fallback: string): string =>
  lineage.length
    ? [...lineage]
        .reverse()
        .map((r) => r.name)
        .join(', ')
    : fallback;
