import { describe, expect, it } from 'vitest';
import { defaultMetricsPeriod, deskMetricsQuery, metricsPeriodBounds } from './metrics-period.ts';

describe('desk metrics period', () => {
  // 23:30 UTC on 9 March is already 10 March in WIB.
  const now = new Date('2026-03-09T23:30:00Z');

  it('defaults to the last 30 WIB days, today included', () => {
    expect(defaultMetricsPeriod(now)).toEqual({ from: '2026-02-09', to: '2026-03-10' });
    expect(metricsPeriodBounds({}, now)).toEqual({
      from: new Date('2026-02-08T17:00:00Z'),
      to: new Date('2026-03-10T17:00:00Z'),
    });
  });

  it('includes both chosen days, from WIB midnight to the next', () => {
    expect(metricsPeriodBounds({ from: '2026-01-01', to: '2026-01-01' })).toEqual({
      from: new Date('2025-12-31T17:00:00Z'),
      to: new Date('2026-01-01T17:00:00Z'),
    });
    expect(metricsPeriodBounds({ to: '2026-01-30' }).from).toEqual(new Date('2025-12-31T17:00:00Z'));
  });

  it('refuses an end before the start, naming the end', () => {
    const bad = deskMetricsQuery.safeParse({ from: '2026-02-02', to: '2026-02-01' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues).toEqual([
      expect.objectContaining({ path: ['to'], message: 'validation.date_range' }),
    ]);
    expect(deskMetricsQuery.safeParse({ from: '2026-02-01', to: '2026-02-01' }).success).toBe(true);
    expect(deskMetricsQuery.safeParse({ from: '2026-02-30' }).success).toBe(false);
  });
});
