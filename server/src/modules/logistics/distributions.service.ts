import {
  type Distribution,
  type DistributionInput,
  type DistributionListInput,
  type DistributionProgram,
  type Page,
  realisationPercent,
  type TargetInput,
  type TargetReport,
  type TargetReportInput,
  type TargetRow,
} from '@atensi/domain';
import { and, asc, count, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { type AuditContext, withAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { onceForKey } from '../../platform/idempotency/idempotency.ts';
import { type Actor, can, centerScope } from '../../platform/policy/policy.ts';
import { centerNames } from '../centers/centers.service.ts';
import { personSummariesByIds } from '../persons/persons.service.ts';
import { activeItems } from './items.service.ts';
import { logisticsError, logisticsFieldError } from './logistics.errors.ts';
import { logisticsPolicy } from './logistics.policy.ts';
import {
  distributionRecipients,
  distributions,
  distributionTargets,
  logisticsItems,
  warehouses,
} from './logistics.tables.ts';
import { lockBalances, takeFefo } from './stock-ledger.ts';
import { notInFuture } from './stock-writes.ts';
import { accessTo, warehouseFor } from './warehouse-access.ts';

/**
 * Hands goods to people at a warehouse (a balai or a disaster post): lots go out
 * first-expiring first as one `distribution` ledger row per lot. A retry with the same key
 * records nothing more and answers the first distribution.
 */
export const recordDistribution = async (opts: {
  db: Db;
  context: AuditContext;
  actor: Actor;
  warehouseId: string;
  input: DistributionInput;
}): Promise<Distribution> => {
  const { db, context, actor, warehouseId, input } = opts;
  const { idempotencyKey, ...request } = input;
  const { result } = await withAudit(db, context, (tx, audit) =>
    onceForKey(
      tx,
      {
        scope: 'logistics.distribution',
        actorId: context.actorId ?? 'anonymous',
        key: idempotencyKey,
        request: { warehouseId, ...request },
      },
      async () => {
        const { warehouse } = await warehouseFor(tx, actor, warehouseId, 'write');
        notInFuture('distributedOn', input.distributedOn);
        const item = (await activeItems(tx, [input.itemId], 'itemId')).get(input.itemId)!;
        input.recipients.forEach((r, i) => {
          if (r.kind === 'household' && r.householdSize === null) {
            throw logisticsFieldError('logistics.household_size', `recipients.${i}.householdSize`);
          }
        });
        const personIds = input.recipients.flatMap((r) => (r.personId ? [r.personId] : []));
        if (personIds.length) {
          const known = await personSummariesByIds(tx, personIds);
          const missing = input.recipients.findIndex((r) => r.personId && !known.has(r.personId));
          if (missing >= 0)
            throw logisticsFieldError('logistics.person_unknown', `recipients.${missing}.personId`);
        }
        const quantity = input.recipients.reduce((s, r) => s + r.quantity, 0);
        const id = uuidv7();
        await tx.insert(distributions).values({
          id,
          warehouseId: warehouse.id,
          itemId: item.id,
          program: input.program,
          distributedOn: input.distributedOn,
          place: input.place,
          quantity,
          recipientCount: input.recipients.length,
          note: input.note,
          byId: context.actorId,
          byName: context.actorName,
        });
        await tx
          .insert(distributionRecipients)
          .values(input.recipients.map((r) => ({ id: uuidv7(), distributionId: id, ...r })));
        await lockBalances(tx, [{ warehouseId: warehouse.id, itemId: item.id }]);
        const taken = await takeFefo(tx, warehouse, item, quantity, {
          kind: 'distribution',
          occurredOn: input.distributedOn,
          distributionId: id,
          note: input.place,
          byId: context.actorId,
          byName: context.actorName,
        });
        audit({
          action: 'create',
          entity: 'distribution',
          entityId: id,
          changes: [
            { field: 'warehouseId', before: null, after: warehouse.id },
            { field: 'itemId', before: null, after: item.id },
            { field: 'program', before: null, after: input.program },
            { field: 'quantity', before: null, after: quantity },
            { field: 'recipientCount', before: null, after: input.recipients.length },
            // Recipients' names are personal: the audit keeps that there were some, not who.
            { field: 'recipients', before: null, after: '***' },
            { field: 'lots', before: null, after: taken.map((t) => `${t.lotId}:${t.quantity}`).join(',') },
          ],
        });
        return { id };
      },
    ),
  );
  return readDistribution(db, actor, result.id);
};

const heads = (db: Db) =>
  db
    .select({
      d: distributions,
      warehouseName: warehouses.name,
      centerId: warehouses.centerId,
      itemName: logisticsItems.name,
      unit: logisticsItems.unit,
    })
    .from(distributions)
    .innerJoin(warehouses, eq(warehouses.id, distributions.warehouseId))
    .innerJoin(logisticsItems, eq(logisticsItems.id, distributions.itemId));

type Head = Awaited<ReturnType<ReturnType<typeof heads>['where']>>[number];

const toHead = (h: Head): Omit<Distribution, 'recipients'> => ({
  id: h.d.id,
  warehouseId: h.d.warehouseId,
  warehouseName: h.warehouseName,
  itemId: h.d.itemId,
  itemName: h.itemName,
  unit: h.unit,
  program: h.d.program as DistributionProgram,
  distributedOn: h.d.distributedOn,
  place: h.d.place,
  quantity: h.d.quantity,
  recipientCount: h.d.recipientCount,
  note: h.d.note,
  by: h.d.byName,
  at: h.d.createdAt.toISOString(),
});

export const readDistribution = async (db: Db, actor: Actor, id: string): Promise<Distribution> => {
  const [h] = await heads(db).where(eq(distributions.id, id));
  if (!h || !accessTo(actor, { centerId: h.centerId }).read) throw logisticsError('logistics.not_found');
  const recipients = await db
    .select()
    .from(distributionRecipients)
    .where(eq(distributionRecipients.distributionId, id))
    .orderBy(asc(distributionRecipients.id));
  return {
    ...toHead(h),
    recipients: recipients.map((r) => ({
      kind: r.kind as Distribution['recipients'][number]['kind'],
      personId: r.personId,
      name: r.name,
      householdSize: r.householdSize,
      quantity: r.quantity,
    })),
  };
};

/** The warehouses whose stock the actor reads: `all`, or those of their centres. */
const readableWarehouseCondition = (actor: Actor): SQL | undefined | 'none' => {
  const scope = centerScope(actor, logisticsPolicy.stock_read);
  if (scope === 'all') return undefined;
  if (scope.length === 0) return 'none';
  return inArray(warehouses.centerId, scope);
};

export const listDistributions = async (
  db: Db,
  actor: Actor,
  input: DistributionListInput,
): Promise<Page<Omit<Distribution, 'recipients'>>> => {
  const scope = readableWarehouseCondition(actor);
  if (scope === 'none') return { items: [], total: 0, page: input.page, pageSize: input.pageSize };
  const where: SQL[] = scope ? [scope] : [];
  if (input.warehouseId) where.push(eq(distributions.warehouseId, input.warehouseId));
  if (input.program) where.push(eq(distributions.program, input.program));
  if (input.from) where.push(gte(distributions.distributedOn, input.from));
  if (input.to) where.push(lte(distributions.distributedOn, input.to));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    heads(db)
      .where(cond)
      .orderBy(desc(distributions.distributedOn), desc(distributions.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db
      .select({ n: count() })
      .from(distributions)
      .innerJoin(warehouses, eq(warehouses.id, distributions.warehouseId))
      .where(cond),
  ]);
  return { items: rows.map(toHead), total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
};

/** A programme's target for one warehouse and item over a period. */
export const createTarget = async (opts: {
  db: Db;
  context: AuditContext;
  actor: Actor;
  input: TargetInput;
}): Promise<TargetRow> => {
  const { db, context, actor, input } = opts;
  const id = await withAudit(db, context, async (tx, audit) => {
    if (input.periodEnd < input.periodStart)
      throw logisticsFieldError('logistics.period_invalid', 'periodEnd');
    const [w] = await tx
      .select({ id: warehouses.id })
      .from(warehouses)
      .where(eq(warehouses.id, input.warehouseId));
    if (!w) throw logisticsFieldError('logistics.warehouse_not_found', 'warehouseId');
    await activeItems(tx, [input.itemId], 'itemId');
    const [row] = await tx
      .insert(distributionTargets)
      .values({ id: uuidv7(), ...input })
      .onConflictDoNothing()
      .returning();
    if (!row) throw logisticsFieldError('logistics.target_exists', 'warehouseId');
    audit({
      action: 'create',
      entity: 'distribution_target',
      entityId: row.id,
      changes: Object.entries(input).map(([field, after]) => ({ field, before: null, after })),
    });
    return row.id;
  });
  const report = await targetReport(db, actor, { program: input.program, period: input.period });
  return report.rows.find((r) => r.id === id)!;
};

/**
 * Target against realised per warehouse: realised is the sum of the programme's
 * distributions of the target's item at that warehouse within the period — computed from
 * the work, never typed in. Officers and heads see their centres' warehouses; central all.
 */
export const targetReport = async (db: Db, actor: Actor, input: TargetReportInput): Promise<TargetReport> => {
  const scope = centerScope(actor, logisticsPolicy.targets_read);
  const realised = sql<number>`coalesce((select sum(d.quantity) from ${distributions} d where d.warehouse_id = ${distributionTargets.warehouseId} and d.item_id = ${distributionTargets.itemId} and d.program = ${distributionTargets.program} and d.distributed_on between ${distributionTargets.periodStart} and ${distributionTargets.periodEnd}), 0)::int`;
  const where: SQL[] = [
    eq(distributionTargets.program, input.program),
    eq(distributionTargets.period, input.period),
  ];
  if (scope !== 'all') where.push(scope.length ? inArray(warehouses.centerId, scope) : sql`false`);
  const [rows, periods] = await Promise.all([
    db
      .select({
        t: distributionTargets,
        warehouseName: warehouses.name,
        centerId: warehouses.centerId,
        itemName: logisticsItems.name,
        unit: logisticsItems.unit,
        realised,
      })
      .from(distributionTargets)
      .innerJoin(warehouses, eq(warehouses.id, distributionTargets.warehouseId))
      .innerJoin(logisticsItems, eq(logisticsItems.id, distributionTargets.itemId))
      .where(and(...where))
      .orderBy(asc(warehouses.name), asc(logisticsItems.name)),
    db
      .selectDistinct({ program: distributionTargets.program, period: distributionTargets.period })
      .from(distributionTargets)
      .orderBy(desc(distributionTargets.period), asc(distributionTargets.program)),
  ]);
  const centers = await centerNames(
    db,
    rows.map((r) => r.centerId),
  );
  const out: TargetRow[] = rows.map((r) => ({
    id: r.t.id,
    warehouseId: r.t.warehouseId,
    warehouseName: r.warehouseName,
    centerName: centers.get(r.centerId) ?? null,
    itemName: r.itemName,
    unit: r.unit,
    periodStart: r.t.periodStart,
    periodEnd: r.t.periodEnd,
    target: r.t.targetQuantity,
    realised: Number(r.realised),
    percent: realisationPercent(Number(r.realised), r.t.targetQuantity),
  }));
  const target = out.reduce((s, r) => s + r.target, 0);
  const done = out.reduce((s, r) => s + r.realised, 0);
  return {
    program: input.program,
    period: input.period,
    rows: out,
    total: { target, realised: done, percent: realisationPercent(done, target) },
    periods: periods.map((p) => ({ program: p.program as DistributionProgram, period: p.period })),
    canManage: can(actor, logisticsPolicy.targets_manage).allowed,
  };
};
