import { type IndonesianZone, zoneIana } from '../regions/timezone.ts';

export type Locale = 'id' | 'en';

const intlLocale: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

/** `22 November 2026` in Indonesian (or English) for the given zone. */
export const formatDate = (
  value: Date | string,
  zone: IndonesianZone = 'WIB',
  locale: Locale = 'id',
): string =>
  new Intl.DateTimeFormat(intlLocale[locale], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: zoneIana[zone],
  }).format(new Date(value));

/** `22 November 2026 14.05 WITA`: the zone is always written, as officials expect. */
export const formatDateTime = (
  value: Date | string,
  zone: IndonesianZone = 'WIB',
  locale: Locale = 'id',
): string => {
  const parts = new Intl.DateTimeFormat(intlLocale[locale], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zoneIana[zone],
  }).formatToParts(new Date(value));
  const get = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? '';
  const sep = locale === 'id' ? '.' : ':';
  return `${get('day')} ${get('month')} ${get('year')} ${get('hour')}${sep}${get('minute')} ${zone}`;
};
