import { z } from 'zod';
import { dateField } from '../date-fields.ts';

/** Days a desk's metrics cover when no period is chosen, today included. */
export const metricsDefaultDays = 30;

const dayMs = 86_400_000;
const wibOffsetMs = 7 * 3_600_000;

/** `YYYY-MM-DD` of an instant in WIB, the ministry's reference zone for reporting days. */
export const wibDay = (at: Date): string => new Date(at.getTime() + wibOffsetMs).toISOString().slice(0, 10);

const wibMidnight = (day: string): Date => new Date(`${day}T00:00:00+07:00`);
const addDays = (day: string, days: number): string =>
  wibDay(new Date(wibMidnight(day).getTime() + days * dayMs));

/**
 * The desk metrics' period in whole WIB days, both ends included (a ticket filed on the `to`
 * day counts). The end may not come before the start.
 */
export const deskMetricsQuery = z
  .object({ from: dateField('period').optional(), to: dateField('period').optional() })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from > q.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.date_range' });
    }
  });
export type DeskMetricsQuery = z.infer<typeof deskMetricsQuery>;

/** The default period: the last {@link metricsDefaultDays} days up to today (WIB). */
export const defaultMetricsPeriod = (now = new Date()): { from: string; to: string } => {
  const to = wibDay(now);
  return { from: addDays(to, 1 - metricsDefaultDays), to };
};

/** The instants `[from, to)` the period covers; a missing end is filled from the default. */
export const metricsPeriodBounds = (q: DeskMetricsQuery, now = new Date()): { from: Date; to: Date } => {
  const to = q.to ?? wibDay(now);
  const from = q.from ?? addDays(to, 1 - metricsDefaultDays);
  return { from: wibMidnight(from), to: new Date(wibMidnight(to).getTime() + dayMs) };
};
