import { describe, expect, it } from 'vitest';
import { zoneOfRegion } from '../regions/timezone.ts';
import { formatDate, formatDateTime } from './dates.ts';

describe('Indonesian dates', () => {
  const instant = '2026-11-22T16:30:00Z';

  it('formats in Bahasa Indonesia with the zone written out', () => {
    expect(formatDate(instant, 'WIB')).toBe('22 November 2026');
    expect(formatDateTime(instant, 'WIB')).toBe('22 November 2026 23.30 WIB');
  });

  it('moves the clock and the calendar day by zone', () => {
    expect(formatDateTime(instant, 'WITA')).toBe('23 November 2026 00.30 WITA');
    expect(formatDateTime(instant, 'WIT')).toBe('23 November 2026 01.30 WIT');
    expect(formatDate(instant, 'WIT')).toBe('23 November 2026');
  });

  it('has English as a second language', () => {
    expect(formatDateTime('2026-08-17T03:00:00Z', 'WIB', 'en')).toBe('17 August 2026 10:00 WIB');
    expect(formatDate('2026-08-17T03:00:00Z', 'WIB', 'id')).toBe('17 Agustus 2026');
  });

  it('knows the zone of a region from its province', () => {
    expect(zoneOfRegion('32.75.01.1001')).toBe('WIB'); // Kota Bekasi
    expect(zoneOfRegion('53.71')).toBe('WITA'); // Kota Kupang
    expect(zoneOfRegion('73')).toBe('WITA'); // Sulawesi Selatan
    expect(zoneOfRegion('91.71')).toBe('WIT'); // Kota Jayapura
    expect(zoneOfRegion('81')).toBe('WIT'); // Maluku
    expect(zoneOfRegion(null)).toBe('WIB');
  });
});
