import { type MovementKind, pickFefo, todayInZone, zoneOfRegion } from '@atensi/domain';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../../platform/db/client.ts';
import { logisticsFieldError } from './logistics.errors.ts';
import {
  type logisticsItems,
  stockBalances,
  stockLots,
  stockMovements,
  warehouses,
} from './logistics.tables.ts';

/**
 * The one way stock changes. Every function here runs inside the caller's transaction and
 * first locks the balance row of (warehouse, item): that lock serialises every change to
 * one item in one warehouse, so what a function reads under it is what it changes. Callers
 * that touch several items lock them in a fixed order (`lockBalances`) so two requests never
 * wait on each other. The lot, the balance and the ledger row change together; the tables'
 * checks refuse a negative quantity even if a caller forgot the lock.
 */

export type WarehouseRow = typeof warehouses.$inferSelect;
export type ItemRow = typeof logisticsItems.$inferSelect;

/** What every ledger row carries besides the lot and the quantity. */
export type MovementMeta = {
  kind: MovementKind;
  occurredOn: string;
  byId: string | null;
  byName: string | null;
  source?: string | null;
  sourceName?: string | null;
  documentNumber?: string | null;
  note?: string | null;
  dispatchId?: string | null;
  distributionId?: string | null;
  adjustmentId?: string | null;
};

/** Today in the warehouse's own time zone: a lot expiring today may still go out today. */
export const warehouseToday = (w: Pick<WarehouseRow, 'regionCode'>, now = new Date()): string =>
  todayInZone(zoneOfRegion(w.regionCode), now);

/** Creates missing balance rows, then locks them in (warehouse, item) order. */
export const lockBalances = async (tx: Db, pairs: { warehouseId: string; itemId: string }[]) => {
  const unique = [...new Map(pairs.map((p) => [`${p.warehouseId}/${p.itemId}`, p])).values()].sort((a, b) =>
    a.warehouseId + a.itemId < b.warehouseId + b.itemId ? -1 : 1,
  );
  if (unique.length === 0) return;
  await tx.insert(stockBalances).values(unique).onConflictDoNothing();
  for (const p of unique) {
    await tx
      .select({ q: stockBalances.quantity })
      .from(stockBalances)
      .where(and(eq(stockBalances.warehouseId, p.warehouseId), eq(stockBalances.itemId, p.itemId)))
      .for('update');
  }
};

const writeMovement = async (
  tx: Db,
  lot: { id: string; warehouseId: string; itemId: string },
  quantity: number,
  meta: MovementMeta,
): Promise<string> => {
  const id = uuidv7();
  await tx.insert(stockMovements).values({
    id,
    warehouseId: lot.warehouseId,
    itemId: lot.itemId,
    lotId: lot.id,
    quantity,
    ...meta,
  });
  await tx
    .update(stockBalances)
    .set({ quantity: sql`${stockBalances.quantity} + ${quantity}`, updatedAt: new Date() })
    .where(and(eq(stockBalances.warehouseId, lot.warehouseId), eq(stockBalances.itemId, lot.itemId)));
  return id;
};

/** A new lot coming in (receipt, or a transfer's arrival). The balance must be locked. */
export const addLot = async (
  tx: Db,
  lot: {
    warehouseId: string;
    itemId: string;
    quantity: number;
    lotNumber: string | null;
    expiresOn: string | null;
    receivedAt?: Date;
  },
  meta: MovementMeta,
): Promise<{ lotId: string; movementId: string }> => {
  const lotId = uuidv7();
  await tx.insert(stockLots).values({
    id: lotId,
    warehouseId: lot.warehouseId,
    itemId: lot.itemId,
    lotNumber: lot.lotNumber,
    expiresOn: lot.expiresOn,
    receivedAt: lot.receivedAt ?? new Date(),
    quantity: lot.quantity,
  });
  const movementId = await writeMovement(
    tx,
    { id: lotId, warehouseId: lot.warehouseId, itemId: lot.itemId },
    lot.quantity,
    meta,
  );
  return { lotId, movementId };
};

/** Changes one lot by `delta` (an adjustment or a write-off). The balance must be locked. */
export const changeLot = async (
  tx: Db,
  lot: { id: string; warehouseId: string; itemId: string },
  delta: number,
  meta: MovementMeta,
): Promise<string> => {
  await tx
    .update(stockLots)
    .set({ quantity: sql`${stockLots.quantity} + ${delta}` })
    .where(eq(stockLots.id, lot.id));
  return writeMovement(tx, lot, delta, meta);
};

export type Taken = {
  lotId: string;
  quantity: number;
  movementId: string;
  lotNumber: string | null;
  expiresOn: string | null;
};

/**
 * Takes `quantity` out of a warehouse first-expiring first (FEFO), never from an expired
 * lot. Refuses the whole request (409) when the unexpired stock is short: nothing is taken.
 * The balance must be locked (`lockBalances`).
 */
export const takeFefo = async (
  tx: Db,
  w: WarehouseRow,
  item: ItemRow,
  quantity: number,
  meta: MovementMeta,
): Promise<Taken[]> => {
  const lots = await tx
    .select()
    .from(stockLots)
    .where(
      and(eq(stockLots.warehouseId, w.id), eq(stockLots.itemId, item.id), sql`${stockLots.quantity} > 0`),
    )
    .orderBy(asc(stockLots.expiresOn), asc(stockLots.receivedAt));
  const today = warehouseToday(w);
  const { picks, short } = pickFefo(
    lots.map((l) => ({
      lotId: l.id,
      quantity: l.quantity,
      expiresOn: l.expiresOn,
      receivedAt: l.receivedAt.toISOString(),
    })),
    quantity,
    today,
  );
  if (short > 0) {
    throw logisticsFieldError('logistics.insufficient_stock', 'quantity', {
      item: item.name,
      warehouse: w.name,
      available: quantity - short,
      unit: item.unit,
      requested: quantity,
    });
  }
  const byId = new Map(lots.map((l) => [l.id, l]));
  const taken: Taken[] = [];
  for (const pick of picks) {
    const lot = byId.get(pick.lotId)!;
    const movementId = await changeLot(tx, lot, -pick.quantity, meta);
    taken.push({
      lotId: lot.id,
      quantity: pick.quantity,
      movementId,
      lotNumber: lot.lotNumber,
      expiresOn: lot.expiresOn,
    });
  }
  return taken;
};

/** Unexpired quantity per (warehouse, item), for proposals and the stock page. */
export const availableByWarehouse = async (
  db: Db,
  itemId: string,
  warehouseIds?: string[],
): Promise<Map<string, number>> => {
  const rows = await db
    .select({
      warehouseId: stockLots.warehouseId,
      regionCode: warehouses.regionCode,
      expiresOn: stockLots.expiresOn,
      quantity: stockLots.quantity,
    })
    .from(stockLots)
    .innerJoin(warehouses, eq(warehouses.id, stockLots.warehouseId))
    .where(
      and(
        eq(stockLots.itemId, itemId),
        sql`${stockLots.quantity} > 0`,
        warehouseIds ? inArray(stockLots.warehouseId, warehouseIds) : undefined,
      ),
    );
  const out = new Map<string, number>();
  for (const r of rows) {
    if (r.expiresOn !== null && r.expiresOn < warehouseToday(r)) continue;
    out.set(r.warehouseId, (out.get(r.warehouseId) ?? 0) + r.quantity);
  }
  return out;
};
