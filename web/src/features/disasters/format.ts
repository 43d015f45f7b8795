import { currentLanguage, type Language } from '../../i18n';

/** `YYYY-MM-DD` of today on this device's calendar. */
export const localToday = (now: Date = new Date()): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

const intlLocale = (locale: Language) => (locale === 'en' ? 'en-GB' : 'id-ID');

/** `12.500` (id) or `12,500` (en): whole units and people. */
export const formatCount = (n: number, locale: Language = currentLanguage()): string =>
  new Intl.NumberFormat(intlLocale(locale)).format(n);

/** `99,35%` (id) or `99.35%` (en): two decimals, as the ministry reports realisation. */
export const formatPercent = (percent: number, locale: Language = currentLanguage()): string =>
  `${new Intl.NumberFormat(intlLocale(locale), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(percent)}%`;

/** A NumberInput value as a number, or undefined when empty (the schema then says "required"). */
export const numberValue = (v: string | number): number | undefined => {
  if (v === '' || v === null || v === undefined) return undefined;
  const n = Number(v);
  return Number.isNaN(n) ? undefined : n;
};

/** "12,4 km" (id) or "12.4 km" (en): one decimal. */
export const formatKm = (km: number, locale: Language = currentLanguage()): string =>
  new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(km);
