import {
  type AdjustmentDecisionInput,
  type AdjustmentInput,
  type IssueInput,
  latestTodayInIndonesia,
  type MinimumInput,
  type ReceiptInput,
  type StockAdjustment,
  type StockWriteResult,
  type WriteOffInput,
} from '@atensi/domain';
import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { type AuditContext, withAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { onceForKey } from '../../platform/idempotency/idempotency.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { activeItems } from './items.service.ts';
import { logisticsError, logisticsFieldError } from './logistics.errors.ts';
import { logisticsItems, stockAdjustments, stockBalances, stockLots } from './logistics.tables.ts';
import {
  addLot,
  changeLot,
  lockBalances,
  type MovementMeta,
  takeFefo,
  warehouseToday,
} from './stock-ledger.ts';
import { warehouseFor } from './warehouse-access.ts';
import { toAdjustment } from './warehouses.service.ts';

type Opts<I> = { db: Db; context: AuditContext; actor: Actor; warehouseId: string; input: I };

export const notInFuture = (path: string, date: string) => {
  if (date > latestTodayInIndonesia()) throw logisticsFieldError('logistics.date_future', path);
};

const by = (context: AuditContext) => ({ byId: context.actorId, byName: context.actorName });

/**
 * Runs a retryable stock write: one transaction holding the key, the stock change and the
 * audit rows. A retry with the same key answers the first result without touching stock.
 */
const retryable = <I extends { idempotencyKey: string }>(
  scope: string,
  opts: Opts<I>,
  work: (tx: Db, audit: Parameters<Parameters<typeof withAudit>[2]>[1]) => Promise<string[]>,
): Promise<StockWriteResult> => {
  const { idempotencyKey, ...request } = opts.input;
  return withAudit(opts.db, opts.context, async (tx, audit) => {
    const { result, replayed } = await onceForKey(
      tx,
      {
        scope,
        actorId: opts.context.actorId ?? 'anonymous',
        key: idempotencyKey,
        request: { warehouseId: opts.warehouseId, ...request },
      },
      async () => ({ movementIds: await work(tx, audit) }),
    );
    return { movementIds: result.movementIds, replayed };
  });
};

/** Goods in: one lot per line, expiry required for perishable items and not already past. */
export const recordReceipt = (opts: Opts<ReceiptInput>): Promise<StockWriteResult> =>
  retryable('logistics.receipt', opts, async (tx, audit) => {
    const { warehouse } = await warehouseFor(tx, opts.actor, opts.warehouseId, 'write');
    const { input } = opts;
    notInFuture('receivedOn', input.receivedOn);
    const items = await activeItems(
      tx,
      input.lines.map((l) => l.itemId),
      'lines',
    );
    const today = warehouseToday(warehouse);
    input.lines.forEach((line, i) => {
      const item = items.get(line.itemId)!;
      if (item.perishable && !line.expiresOn) {
        throw logisticsFieldError('logistics.expiry_required', `lines.${i}.expiresOn`, { item: item.name });
      }
      if (line.expiresOn && line.expiresOn < today) {
        throw logisticsFieldError('logistics.already_expired', `lines.${i}.expiresOn`);
      }
    });
    await lockBalances(
      tx,
      input.lines.map((l) => ({ warehouseId: warehouse.id, itemId: l.itemId })),
    );
    const meta: MovementMeta = {
      kind: 'receipt',
      occurredOn: input.receivedOn,
      source: input.source,
      sourceName: input.sourceName,
      documentNumber: input.documentNumber,
      note: input.note,
      ...by(opts.context),
    };
    const ids: string[] = [];
    for (const line of input.lines) {
      const { movementId, lotId } = await addLot(
        tx,
        { warehouseId: warehouse.id, ...line, lotNumber: line.lotNumber, expiresOn: line.expiresOn },
        meta,
      );
      ids.push(movementId);
      audit({
        action: 'create',
        entity: 'stock_movement',
        entityId: movementId,
        changes: [
          { field: 'kind', before: null, after: 'receipt' },
          { field: 'warehouseId', before: null, after: warehouse.id },
          { field: 'itemId', before: null, after: line.itemId },
          { field: 'lotId', before: null, after: lotId },
          { field: 'quantity', before: null, after: line.quantity },
          { field: 'expiresOn', before: null, after: line.expiresOn },
          { field: 'source', before: null, after: `${input.source}: ${input.sourceName}` },
          { field: 'documentNumber', before: null, after: input.documentNumber },
        ],
      });
    }
    return ids;
  });

const auditOut = (
  audit: (r: {
    action: 'create';
    entity: string;
    entityId: string;
    changes: { field: string; before: unknown; after: unknown }[];
  }) => void,
  kind: string,
  warehouseId: string,
  itemId: string,
  taken: { movementId: string; lotId: string; quantity: number }[],
  extra: Record<string, unknown> = {},
) => {
  for (const t of taken) {
    audit({
      action: 'create',
      entity: 'stock_movement',
      entityId: t.movementId,
      changes: [
        { field: 'kind', before: null, after: kind },
        { field: 'warehouseId', before: null, after: warehouseId },
        { field: 'itemId', before: null, after: itemId },
        { field: 'lotId', before: null, after: t.lotId },
        { field: 'quantity', before: null, after: -t.quantity },
        ...Object.entries(extra).map(([field, after]) => ({ field, before: null, after })),
      ],
    });
  }
};

/** Goods out for a use that is neither a distribution to people nor a transfer. */
export const recordIssue = (opts: Opts<IssueInput>): Promise<StockWriteResult> =>
  retryable('logistics.issue', opts, async (tx, audit) => {
    const { warehouse } = await warehouseFor(tx, opts.actor, opts.warehouseId, 'write');
    const { input } = opts;
    notInFuture('issuedOn', input.issuedOn);
    const item = (await activeItems(tx, [input.itemId], 'itemId')).get(input.itemId)!;
    await lockBalances(tx, [{ warehouseId: warehouse.id, itemId: item.id }]);
    const taken = await takeFefo(tx, warehouse, item, input.quantity, {
      kind: 'issue',
      occurredOn: input.issuedOn,
      documentNumber: input.documentNumber,
      note: input.purpose,
      ...by(opts.context),
    });
    auditOut(audit, 'issue', warehouse.id, item.id, taken, { purpose: input.purpose });
    return taken.map((t) => t.movementId);
  });

const lotIn = async (tx: Db, warehouseId: string, lotId: string) => {
  const [lot] = await tx
    .select({ lot: stockLots, item: logisticsItems })
    .from(stockLots)
    .innerJoin(logisticsItems, eq(logisticsItems.id, stockLots.itemId))
    .where(and(eq(stockLots.id, lotId), eq(stockLots.warehouseId, warehouseId)));
  if (!lot) throw logisticsFieldError('logistics.lot_not_found', 'lotId');
  return lot;
};

/** Removes what is left of a lot (expired or damaged) from stock. */
export const recordWriteOff = (opts: Opts<WriteOffInput>): Promise<StockWriteResult> =>
  retryable('logistics.write_off', opts, async (tx, audit) => {
    const { warehouse } = await warehouseFor(tx, opts.actor, opts.warehouseId, 'write');
    const { lot } = await lotIn(tx, warehouse.id, opts.input.lotId);
    await lockBalances(tx, [{ warehouseId: warehouse.id, itemId: lot.itemId }]);
    // Read again under the lock: another write may have emptied it meanwhile.
    const { lot: current } = await lotIn(tx, warehouse.id, lot.id);
    if (current.quantity === 0) throw logisticsFieldError('logistics.lot_empty', 'lotId');
    const movementId = await changeLot(tx, current, -current.quantity, {
      kind: 'write_off',
      occurredOn: warehouseToday(warehouse),
      note: opts.input.reason,
      ...by(opts.context),
    });
    auditOut(
      audit,
      'write_off',
      warehouse.id,
      lot.itemId,
      [{ movementId, lotId: lot.id, quantity: current.quantity }],
      {
        reason: opts.input.reason,
      },
    );
    return [movementId];
  });

/** A count that differs from the books: waits for the head (or central, at the central warehouse). */
export const requestAdjustment = async (opts: Opts<AdjustmentInput>): Promise<StockAdjustment> => {
  const { db, context, actor, warehouseId, input } = opts;
  return withAudit(db, context, async (tx, audit) => {
    const { warehouse } = await warehouseFor(tx, actor, warehouseId, 'write');
    notInFuture('countedOn', input.countedOn);
    const { lot, item } = await lotIn(tx, warehouse.id, input.lotId);
    await lockBalances(tx, [{ warehouseId: warehouse.id, itemId: lot.itemId }]);
    const [pending] = await tx
      .select({ id: stockAdjustments.id })
      .from(stockAdjustments)
      .where(and(eq(stockAdjustments.lotId, lot.id), eq(stockAdjustments.status, 'pending')));
    if (pending) throw logisticsFieldError('logistics.adjustment_pending', 'lotId');
    const { lot: current } = await lotIn(tx, warehouse.id, lot.id);
    if (current.quantity === input.countedQuantity) {
      throw logisticsFieldError('logistics.count_unchanged', 'countedQuantity', {
        recorded: current.quantity,
      });
    }
    const [row] = await tx
      .insert(stockAdjustments)
      .values({
        id: uuidv7(),
        warehouseId: warehouse.id,
        lotId: lot.id,
        recordedQuantity: current.quantity,
        countedQuantity: input.countedQuantity,
        reason: input.reason,
        countedOn: input.countedOn,
        status: 'pending',
        requestedById: context.actorId,
        requestedByName: context.actorName,
      })
      .returning();
    audit({
      action: 'create',
      entity: 'stock_adjustment',
      entityId: row!.id,
      changes: [
        { field: 'lotId', before: null, after: lot.id },
        { field: 'recordedQuantity', before: null, after: current.quantity },
        { field: 'countedQuantity', before: null, after: input.countedQuantity },
        { field: 'reason', before: null, after: input.reason },
      ],
    });
    return toAdjustment(row!, item.name, lot.lotNumber);
  });
};

/**
 * The head's decision. Approval moves the lot to the counted quantity with one ledger row;
 * if the lot moved since the count (a distribution went out), the count is stale and refused.
 */
export const decideAdjustment = async (opts: {
  db: Db;
  context: AuditContext;
  actor: Actor;
  id: string;
  input: AdjustmentDecisionInput;
}): Promise<StockAdjustment> => {
  const { db, context, actor, id, input } = opts;
  return withAudit(db, context, async (tx, audit) => {
    const [found] = await tx.select().from(stockAdjustments).where(eq(stockAdjustments.id, id));
    if (!found) throw logisticsError('logistics.not_found');
    const { warehouse } = await warehouseFor(tx, actor, found.warehouseId, 'approve');
    const { lot, item } = await lotIn(tx, warehouse.id, found.lotId);
    await lockBalances(tx, [{ warehouseId: warehouse.id, itemId: lot.itemId }]);
    const [adj] = await tx.select().from(stockAdjustments).where(eq(stockAdjustments.id, id)).for('update');
    if (adj!.status !== 'pending') throw logisticsError('logistics.adjustment_decided');
    if (adj!.requestedById === context.actorId) throw logisticsError('logistics.own_adjustment');
    let movementId: string | null = null;
    if (input.approve) {
      const { lot: current } = await lotIn(tx, warehouse.id, lot.id);
      if (current.quantity !== adj!.recordedQuantity) {
        throw logisticsError('logistics.adjustment_stale', {
          recorded: adj!.recordedQuantity,
          now: current.quantity,
        });
      }
      movementId = await changeLot(tx, current, adj!.countedQuantity - current.quantity, {
        kind: 'adjustment',
        occurredOn: adj!.countedOn,
        note: adj!.reason,
        adjustmentId: adj!.id,
        ...by(context),
      });
    }
    const [after] = await tx
      .update(stockAdjustments)
      .set({
        status: input.approve ? 'approved' : 'rejected',
        decidedById: context.actorId,
        decidedByName: context.actorName,
        decisionNote: input.note,
        decidedAt: new Date(),
      })
      .where(eq(stockAdjustments.id, id))
      .returning();
    audit({
      action: 'update',
      entity: 'stock_adjustment',
      entityId: id,
      changes: [
        { field: 'status', before: 'pending', after: after!.status },
        { field: 'movementId', before: null, after: movementId },
        { field: 'decisionNote', before: null, after: input.note },
      ],
    });
    return toAdjustment(after!, item.name, lot.lotNumber);
  });
};

/** The level below which the warehouse page warns (0 turns the warning off). */
export const setMinimum = async (opts: Opts<MinimumInput>): Promise<void> => {
  const { db, context, actor, warehouseId, input } = opts;
  await withAudit(db, context, async (tx, audit) => {
    const { warehouse } = await warehouseFor(tx, actor, warehouseId, 'write');
    await activeItems(tx, [input.itemId], 'itemId');
    await lockBalances(tx, [{ warehouseId: warehouse.id, itemId: input.itemId }]);
    const where = and(eq(stockBalances.warehouseId, warehouse.id), eq(stockBalances.itemId, input.itemId));
    const [before] = await tx.select().from(stockBalances).where(where);
    await tx.update(stockBalances).set({ minimumQuantity: input.minimumQuantity }).where(where);
    audit({
      action: 'update',
      entity: 'stock_minimum',
      entityId: `${warehouse.id}/${input.itemId}`,
      changes: [{ field: 'minimumQuantity', before: before!.minimumQuantity, after: input.minimumQuantity }],
    });
  });
};
