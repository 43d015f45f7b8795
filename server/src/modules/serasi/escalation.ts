import {
  type DeskMetrics,
  escalationLevelAt,
  type TicketStatus,
  type TicketType,
  ticketEventText,
} from '@atensi/domain';
import { and, eq, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { withAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { rowsOf } from '../../platform/db/client.ts';
import { pruneRateLimits } from '../../platform/rate-limit/rate-limit.ts';
import { systemContext } from '../users/first-admin.ts';
import { serasiTickets } from './serasi.tables.ts';
import { addTicketEvent, type DeskScope, overdueCondition } from './tickets.service.ts';

const escalationText = {
  1: ticketEventText('escalated_head', {}),
  2: ticketEventText('escalated_central', {}),
} as const;

/**
 * Raises overdue tickets one level at a time: past a due time → the centre head; a day past
 * it → central staff. Run every few minutes by the server, and by tests with their own clock.
 * Returns how many tickets were raised.
 */
export const escalateOverdueTickets = async (db: Db, now = new Date()): Promise<number> => {
  const candidates = await db
    .select()
    .from(serasiTickets)
    .where(and(overdueCondition(now), lt(serasiTickets.escalationLevel, 2)));
  let raised = 0;
  for (const c of candidates) {
    const level = escalationLevelAt(c, now);
    if (level <= c.escalationLevel) continue;
    const done = await withAudit(db, systemContext, async (tx, audit) => {
      // Re-checked under the lock: a triage step may have answered it meanwhile.
      const [row] = await tx.select().from(serasiTickets).where(eq(serasiTickets.id, c.id)).for('update');
      if (!row || escalationLevelAt(row, now) <= row.escalationLevel) return false;
      const target = escalationLevelAt(row, now);
      await tx
        .update(serasiTickets)
        .set({ escalationLevel: target, escalatedAt: now, version: row.version + 1, updatedAt: now })
        .where(eq(serasiTickets.id, row.id));
      await addTicketEvent(tx, {
        ticketId: row.id,
        kind: 'escalated',
        public: false,
        text: escalationText[target as 1 | 2],
        context: null,
        at: now,
      });
      audit({
        action: 'update',
        entity: 'serasi_ticket',
        entityId: row.id,
        changes: [{ field: 'escalationLevel', before: row.escalationLevel, after: target }],
      });
      return true;
    });
    if (done) raised += 1;
  }
  return raised;
};

/** Runs escalation (and rate-limit housekeeping) every `everyMs`; returns the stop function. */
export const startSerasiTimer = (db: Db, log: FastifyBaseLogger, everyMs = 5 * 60_000): (() => void) => {
  const tick = async () => {
    try {
      const raised = await escalateOverdueTickets(db);
      if (raised > 0) log.info({ raised }, 'serasi tickets escalated');
      await pruneRateLimits(db);
    } catch (err) {
      log.error({ err }, 'serasi escalation failed');
    }
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
};

const scopeSql = (scope: DeskScope): SQL => {
  if (scope === 'all') return sql`true`;
  if (scope.length === 0) return sql`false`;
  const ids = sql.join(
    scope.map((c) => sql`${c}::uuid`),
    sql`, `,
  );
  return or(
    sql`${serasiTickets.centerId} = any(array[${ids}])`,
    sql`${serasiTickets.coveringCenterIds} && array[${ids}]`,
  ) as SQL;
};

/** Desk metrics over the tickets filed in [from, to): counts, SLA compliance, median first response. */
export const deskMetrics = async (
  db: Db,
  scope: DeskScope,
  range: { from: Date; to: Date },
  now = new Date(),
): Promise<DeskMetrics> => {
  const where = and(
    scopeSql(scope),
    sql`${serasiTickets.filedAt} >= ${range.from.toISOString()}`,
    sql`${serasiTickets.filedAt} < ${range.to.toISOString()}`,
  );
  const byTypeAndStatus = await db
    .select({ type: serasiTickets.type, status: serasiTickets.status, count: sql<number>`count(*)::int` })
    .from(serasiTickets)
    .where(where)
    .groupBy(serasiTickets.type, serasiTickets.status)
    .orderBy(serasiTickets.type, serasiTickets.status);
  const nowIso = now.toISOString();
  const [agg] = rowsOf<{
    due: number;
    in_time: number;
    median_hours: number | null;
    open: number;
    overdue: number;
  }>(
    await db.execute(sql`
      select
        count(*) filter (where ${serasiTickets.firstRespondedAt} is not null or ${serasiTickets.firstResponseDueAt} < ${nowIso})::int as due,
        count(*) filter (where ${serasiTickets.firstRespondedAt} <= ${serasiTickets.firstResponseDueAt})::int as in_time,
        percentile_cont(0.5) within group (
          order by extract(epoch from (${serasiTickets.firstRespondedAt} - ${serasiTickets.filedAt})) / 3600
        ) filter (where ${serasiTickets.firstRespondedAt} is not null) as median_hours,
        count(*) filter (where ${isNull(serasiTickets.closedAt)})::int as open,
        count(*) filter (where ${overdueCondition(now)})::int as overdue
      from ${serasiTickets} where ${where}`),
  );
  const due = Number(agg?.due ?? 0);
  return {
    byTypeAndStatus: byTypeAndStatus.map((r) => ({
      type: r.type as TicketType,
      status: r.status as TicketStatus,
      count: Number(r.count),
    })),
    slaCompliancePercent: due > 0 ? Math.round((Number(agg!.in_time) / due) * 1000) / 10 : null,
    medianFirstResponseHours:
      agg?.median_hours === null || agg?.median_hours === undefined
        ? null
        : Math.round(Number(agg.median_hours) * 10) / 10,
    open: Number(agg?.open ?? 0),
    overdue: Number(agg?.overdue ?? 0),
  };
};
