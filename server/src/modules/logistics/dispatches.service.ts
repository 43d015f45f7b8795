import type {
  Dispatch,
  DispatchListInput,
  DispatchStatus,
  Page,
  ReceiveDispatchInput,
  TransferInput,
} from '@atensi/domain';
import { and, asc, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { type AuditContext, type AuditRecord, withAudit } from '../../platform/audit/audit.ts';
import { type Db, rowsOf } from '../../platform/db/client.ts';
import { onceForKey } from '../../platform/idempotency/idempotency.ts';
import { type Actor, centerScope } from '../../platform/policy/policy.ts';
import { activeItems } from './items.service.ts';
import { logisticsError, logisticsFieldError } from './logistics.errors.ts';
import { logisticsPolicy } from './logistics.policy.ts';
import {
  disasters,
  dispatches,
  dispatchLines,
  logisticsItems,
  stockLots,
  warehouses,
} from './logistics.tables.ts';
import {
  addLot,
  type ItemRow,
  lockBalances,
  takeFefo,
  type WarehouseRow,
  warehouseToday,
} from './stock-ledger.ts';
import { notInFuture } from './stock-writes.ts';
import { accessTo, warehouseFor } from './warehouse-access.ts';

type Audit = (record: AuditRecord) => void;

/**
 * Sends goods from one warehouse to another: lots picked first-expiring first leave the
 * source (transfer_out) and are in transit on the waybill until the destination confirms.
 * Runs inside the caller's transaction; the caller has checked who may send from `from`.
 */
export const sendDispatch = async (
  tx: Db,
  audit: Audit,
  context: AuditContext,
  d: {
    from: WarehouseRow;
    to: WarehouseRow;
    lines: { item: ItemRow; quantity: number }[];
    disasterId: string | null;
    needId: string | null;
    vehicle: string | null;
    driverName: string | null;
    note: string | null;
  },
): Promise<string> => {
  if (d.from.id === d.to.id) throw logisticsFieldError('logistics.same_warehouse', 'toWarehouseId');
  if (!d.to.active)
    throw logisticsFieldError('logistics.warehouse_inactive', 'toWarehouseId', { name: d.to.name });
  if (!d.from.active) throw logisticsError('logistics.warehouse_inactive', { name: d.from.name });
  const id = uuidv7();
  const sentOn = warehouseToday(d.from);
  // A sequence, not a counter row: numbers may skip after a rollback, but senders never wait on each other.
  const [seq] = rowsOf<{ n: string }>(await tx.execute(sql`select nextval('dispatch_number_seq') as n`));
  const number = `SJ-${sentOn.slice(0, 4)}-${String(seq!.n).padStart(6, '0')}`;
  await tx.insert(dispatches).values({
    id,
    number,
    status: 'in_transit',
    disasterId: d.disasterId,
    needId: d.needId,
    fromWarehouseId: d.from.id,
    toWarehouseId: d.to.id,
    vehicle: d.vehicle,
    driverName: d.driverName,
    note: d.note,
    sentOn,
    sentById: context.actorId,
    sentByName: context.actorName,
  });
  await lockBalances(
    tx,
    d.lines.map((l) => ({ warehouseId: d.from.id, itemId: l.item.id })),
  );
  for (const line of [...d.lines].sort((a, b) => (a.item.id < b.item.id ? -1 : 1))) {
    const taken = await takeFefo(tx, d.from, line.item, line.quantity, {
      kind: 'transfer_out',
      occurredOn: sentOn,
      documentNumber: number,
      dispatchId: id,
      byId: context.actorId,
      byName: context.actorName,
    });
    if (taken.length) {
      await tx.insert(dispatchLines).values(
        taken.map((t) => ({
          id: uuidv7(),
          dispatchId: id,
          itemId: line.item.id,
          fromLotId: t.lotId,
          quantitySent: t.quantity,
        })),
      );
    }
  }
  audit({
    action: 'create',
    entity: 'dispatch',
    entityId: id,
    changes: [
      { field: 'number', before: null, after: number },
      { field: 'fromWarehouseId', before: null, after: d.from.id },
      { field: 'toWarehouseId', before: null, after: d.to.id },
      { field: 'disasterId', before: null, after: d.disasterId },
      {
        field: 'lines',
        before: null,
        after: d.lines.map((l) => `${l.item.code} × ${l.quantity}`).join(', '),
      },
    ],
  });
  return id;
};

const destination = async (tx: Db, id: string): Promise<WarehouseRow> => {
  const [to] = await tx.select().from(warehouses).where(eq(warehouses.id, id));
  if (!to) throw logisticsFieldError('logistics.warehouse_not_found', 'toWarehouseId');
  return to;
};

/** An officer's transfer to another warehouse (another balai, the central warehouse, a post). */
export const transferStock = async (opts: {
  db: Db;
  context: AuditContext;
  actor: Actor;
  warehouseId: string;
  input: TransferInput;
}): Promise<Dispatch> => {
  const { db, context, actor, warehouseId, input } = opts;
  const { idempotencyKey, ...request } = input;
  const { result } = await withAudit(db, context, (tx, audit) =>
    onceForKey(
      tx,
      {
        scope: 'logistics.transfer',
        actorId: context.actorId ?? 'anonymous',
        key: idempotencyKey,
        request: { warehouseId, ...request },
      },
      async () => {
        const { warehouse: from } = await warehouseFor(tx, actor, warehouseId, 'write');
        if (new Set(input.lines.map((l) => l.itemId)).size !== input.lines.length) {
          throw logisticsFieldError('logistics.duplicate_item', 'lines');
        }
        const items = await activeItems(
          tx,
          input.lines.map((l) => l.itemId),
          'lines',
        );
        const id = await sendDispatch(tx, audit, context, {
          from,
          to: await destination(tx, input.toWarehouseId),
          lines: input.lines.map((l) => ({ item: items.get(l.itemId)!, quantity: l.quantity })),
          disasterId: null,
          needId: null,
          vehicle: input.vehicle,
          driverName: input.driverName,
          note: input.note,
        });
        return { id };
      },
    ),
  );
  return readDispatch(db, actor, result.id);
};

const fromW = alias(warehouses, 'from_w');
const toW = alias(warehouses, 'to_w');

const dispatchHeads = (db: Db) =>
  db
    .select({
      d: dispatches,
      fromName: fromW.name,
      fromCenterId: fromW.centerId,
      toName: toW.name,
      toCenterId: toW.centerId,
      disasterName: disasters.name,
      discrepancies: sql<number>`(select count(*)::int from ${dispatchLines} dl where dl.dispatch_id = ${dispatches.id} and dl.quantity_received is not null and dl.quantity_received < dl.quantity_sent)`,
    })
    .from(dispatches)
    .innerJoin(fromW, eq(fromW.id, dispatches.fromWarehouseId))
    .innerJoin(toW, eq(toW.id, dispatches.toWarehouseId))
    .leftJoin(disasters, eq(disasters.id, dispatches.disasterId));

type HeadRow = Awaited<ReturnType<ReturnType<typeof dispatchHeads>['where']>>[number];

/** Who may see a dispatch: readers of either end, and central disaster staff. */
const mayRead = (actor: Actor, h: HeadRow) =>
  accessTo(actor, { centerId: h.fromCenterId }).read || accessTo(actor, { centerId: h.toCenterId }).read;

const toHead = (actor: Actor, h: HeadRow): Omit<Dispatch, 'lines'> => ({
  id: h.d.id,
  number: h.d.number,
  status: h.d.status as DispatchStatus,
  disasterId: h.d.disasterId,
  disasterName: h.disasterName,
  fromWarehouseId: h.d.fromWarehouseId,
  fromWarehouseName: h.fromName,
  toWarehouseId: h.d.toWarehouseId,
  toWarehouseName: h.toName,
  vehicle: h.d.vehicle,
  driverName: h.d.driverName,
  sentOn: h.d.sentOn,
  sentBy: h.d.sentByName,
  receivedOn: h.d.receivedOn,
  receivedBy: h.d.receivedByName,
  note: h.d.note,
  hasDiscrepancy: Number(h.discrepancies) > 0,
  version: h.d.version,
  canReceive: h.d.status === 'in_transit' && accessTo(actor, { centerId: h.toCenterId }).write,
});

export const readDispatch = async (db: Db, actor: Actor, id: string): Promise<Dispatch> => {
  const [head] = await dispatchHeads(db).where(eq(dispatches.id, id));
  if (!head || !mayRead(actor, head)) throw logisticsError('logistics.not_found');
  const lines = await db
    .select({ l: dispatchLines, itemName: logisticsItems.name, unit: logisticsItems.unit, lot: stockLots })
    .from(dispatchLines)
    .innerJoin(logisticsItems, eq(logisticsItems.id, dispatchLines.itemId))
    .innerJoin(stockLots, eq(stockLots.id, dispatchLines.fromLotId))
    .where(eq(dispatchLines.dispatchId, id))
    .orderBy(asc(logisticsItems.name), asc(stockLots.expiresOn), asc(dispatchLines.id));
  return {
    ...toHead(actor, head),
    lines: lines.map(({ l, itemName, unit, lot }) => ({
      id: l.id,
      itemId: l.itemId,
      itemName,
      unit,
      lotNumber: lot.lotNumber,
      expiresOn: lot.expiresOn,
      quantitySent: l.quantitySent,
      quantityReceived: l.quantityReceived,
      discrepancyNote: l.discrepancyNote,
    })),
  };
};

/** Dispatch heads for a disaster page (every end visible to disaster staff). */
export const dispatchesOfDisaster = async (db: Db, actor: Actor, disasterId: string) => {
  const heads = await dispatchHeads(db)
    .where(eq(dispatches.disasterId, disasterId))
    .orderBy(desc(dispatches.createdAt));
  return heads.map((h) => toHead(actor, h));
};

export const listDispatches = async (
  db: Db,
  actor: Actor,
  input: DispatchListInput,
): Promise<Page<Omit<Dispatch, 'lines'>>> => {
  const where: SQL[] = [];
  if (input.status) where.push(eq(dispatches.status, input.status));
  if (input.disasterId) where.push(eq(dispatches.disasterId, input.disasterId));
  if (input.warehouseId) {
    if (input.direction === 'incoming') where.push(eq(dispatches.toWarehouseId, input.warehouseId));
    else if (input.direction === 'outgoing') where.push(eq(dispatches.fromWarehouseId, input.warehouseId));
    else
      where.push(
        or(
          eq(dispatches.toWarehouseId, input.warehouseId),
          eq(dispatches.fromWarehouseId, input.warehouseId),
        )!,
      );
  }
  // Scope in SQL: dispatches touching a warehouse of the actor's centres, or all for central staff.
  const scope = centerScope(actor, logisticsPolicy.stock_read);
  if (scope !== 'all') {
    if (scope.length === 0) return { items: [], total: 0, page: input.page, pageSize: input.pageSize };
    where.push(or(inArray(fromW.centerId, scope), inArray(toW.centerId, scope))!);
  }
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    dispatchHeads(db)
      .where(cond)
      .orderBy(desc(dispatches.createdAt), desc(dispatches.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db
      .select({ n: count() })
      .from(dispatches)
      .innerJoin(fromW, eq(fromW.id, dispatches.fromWarehouseId))
      .innerJoin(toW, eq(toW.id, dispatches.toWarehouseId))
      .where(cond),
  ]);
  return {
    items: rows.map((h) => toHead(actor, h)),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
};

/**
 * The destination confirms what arrived: each line's received quantity becomes a new lot
 * there (same lot number and expiry); a shortfall needs a note and stays on the waybill as a
 * discrepancy. Confirming twice is refused; the version guards against two confirmations.
 */
export const receiveDispatch = async (opts: {
  db: Db;
  context: AuditContext;
  actor: Actor;
  id: string;
  input: ReceiveDispatchInput;
}): Promise<Dispatch> => {
  const { db, context, actor, id, input } = opts;
  await withAudit(db, context, async (tx, audit) => {
    const [d] = await tx.select().from(dispatches).where(eq(dispatches.id, id)).for('update');
    if (!d) throw logisticsError('logistics.not_found');
    const [from] = await tx.select().from(warehouses).where(eq(warehouses.id, d.fromWarehouseId));
    const to = await destination(tx, d.toWarehouseId);
    const access = accessTo(actor, to);
    if (!access.read && !accessTo(actor, from!).read) throw logisticsError('logistics.not_found');
    if (!access.write) throw logisticsError('logistics.forbidden');
    if (d.status !== 'in_transit') throw logisticsError('logistics.dispatch_received');
    if (d.version !== input.version) throw logisticsError('logistics.version_conflict');
    notInFuture('receivedOn', input.receivedOn);
    if (input.receivedOn < d.sentOn) {
      throw logisticsFieldError('logistics.received_before_sent', 'receivedOn', { sentOn: d.sentOn });
    }
    const lines = await tx
      .select({ l: dispatchLines, lot: stockLots })
      .from(dispatchLines)
      .innerJoin(stockLots, eq(stockLots.id, dispatchLines.fromLotId))
      .where(eq(dispatchLines.dispatchId, id));
    const given = new Map(input.lines.map((l) => [l.lineId, l]));
    if (
      given.size !== input.lines.length ||
      given.size !== lines.length ||
      lines.some(({ l }) => !given.has(l.id))
    ) {
      throw logisticsFieldError('logistics.receive_lines', 'lines');
    }
    await lockBalances(
      tx,
      lines.map(({ l }) => ({ warehouseId: to.id, itemId: l.itemId })),
    );
    for (const { l, lot } of lines) {
      const r = given.get(l.id)!;
      const path = `lines.${input.lines.findIndex((x) => x.lineId === l.id)}`;
      if (r.quantityReceived > l.quantitySent) {
        throw logisticsFieldError('logistics.received_too_much', `${path}.quantityReceived`, {
          sent: l.quantitySent,
        });
      }
      if (r.quantityReceived < l.quantitySent && !r.discrepancyNote) {
        throw logisticsFieldError('logistics.discrepancy_note', `${path}.discrepancyNote`, {
          sent: l.quantitySent,
          received: r.quantityReceived,
        });
      }
      let toLotId: string | null = null;
      if (r.quantityReceived > 0) {
        ({ lotId: toLotId } = await addLot(
          tx,
          {
            warehouseId: to.id,
            itemId: l.itemId,
            quantity: r.quantityReceived,
            lotNumber: lot.lotNumber,
            expiresOn: lot.expiresOn,
            receivedAt: lot.receivedAt,
          },
          {
            kind: 'transfer_in',
            occurredOn: input.receivedOn,
            documentNumber: d.number,
            dispatchId: d.id,
            note: r.discrepancyNote,
            byId: context.actorId,
            byName: context.actorName,
          },
        ));
      }
      await tx
        .update(dispatchLines)
        .set({ quantityReceived: r.quantityReceived, discrepancyNote: r.discrepancyNote, toLotId })
        .where(eq(dispatchLines.id, l.id));
      if (r.quantityReceived < l.quantitySent) {
        audit({
          action: 'update',
          entity: 'dispatch_line',
          entityId: l.id,
          changes: [
            { field: 'quantityReceived', before: null, after: r.quantityReceived },
            { field: 'quantitySent', before: l.quantitySent, after: l.quantitySent },
            { field: 'discrepancyNote', before: null, after: r.discrepancyNote },
          ],
        });
      }
    }
    await tx
      .update(dispatches)
      .set({
        status: 'received',
        receivedOn: input.receivedOn,
        receivedById: context.actorId,
        receivedByName: context.actorName,
        version: d.version + 1,
      })
      .where(eq(dispatches.id, id));
    audit({
      action: 'update',
      entity: 'dispatch',
      entityId: id,
      changes: [
        { field: 'status', before: 'in_transit', after: 'received' },
        { field: 'receivedOn', before: null, after: input.receivedOn },
      ],
    });
  });
  return readDispatch(db, actor, id);
};

/** Sent and received quantities per need, for the disaster page. */
export const dispatchedPerNeed = async (db: Db, disasterId: string) => {
  const rows = await db
    .select({
      needId: dispatches.needId,
      sent: sql<number>`coalesce(sum(${dispatchLines.quantitySent}), 0)::int`,
      received: sql<number>`coalesce(sum(${dispatchLines.quantityReceived}), 0)::int`,
    })
    .from(dispatchLines)
    .innerJoin(dispatches, eq(dispatches.id, dispatchLines.dispatchId))
    .where(eq(dispatches.disasterId, disasterId))
    .groupBy(dispatches.needId);
  return new Map(rows.map((r) => [r.needId, { sent: Number(r.sent), received: Number(r.received) }]));
};
