import type { ResponseTime } from '@atensi/domain';
import { inArray, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform/db/client.ts';
import { centerNames } from '../centers/centers.service.ts';
import { cases } from './cases.tables.ts';

const hours = sql`extract(epoch from (${cases.firstServiceAt} - ${cases.openedAt})) / 3600.0`;

/**
 * Response time (intake → first service) per centre: median and 90th percentile in hours, and
 * how many open cases still wait. Counts every case of the centre, sensitive ones too: the
 * figures name nobody.
 */
export const responseTimes = async (db: Db, centerIds: 'all' | string[]): Promise<ResponseTime[]> => {
  if (centerIds !== 'all' && centerIds.length === 0) return [];
  const where = centerIds === 'all' ? sql`true` : inArray(cases.centerId, centerIds);
  const rows = rowsOf<{
    center_id: string;
    cases: number;
    served: number;
    waiting: number;
    median: number | null;
    p90: number | null;
  }>(
    await db.execute(sql`
      select ${cases.centerId} as center_id, count(*)::int as cases, count(${cases.firstServiceAt})::int as served,
        count(*) filter (where ${cases.firstServiceAt} is null and ${cases.closedAt} is null)::int as waiting,
        percentile_cont(0.5) within group (order by ${hours}) as median,
        percentile_cont(0.9) within group (order by ${hours}) as p90
      from ${cases} where ${where} group by ${cases.centerId}`),
  );
  const names = await centerNames(
    db,
    rows.map((r) => r.center_id),
  );
  const round = (v: number | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);
  return rows
    .map((r) => ({
      centerId: r.center_id,
      centerName: names.get(r.center_id) ?? '',
      cases: Number(r.cases),
      served: Number(r.served),
      waiting: Number(r.waiting),
      medianHours: round(r.median),
      p90Hours: round(r.p90),
    }))
    .sort((a, b) => a.centerName.localeCompare(b.centerName));
};
