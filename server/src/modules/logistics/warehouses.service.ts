import {
  type ItemCategory,
  logisticsLimits,
  type MovementKind,
  type MovementListInput,
  type Page,
  type StockAdjustment,
  type StockLine,
  type StockLot,
  type StockMovement,
  type UpdateWarehouseInput,
  type Warehouse,
  type WarehouseInput,
  type WarehouseListInput,
  type WarehouseStock,
} from '@atensi/domain';
import { and, asc, count, desc, eq, gte, ilike, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { type AuditContext, withAudit } from '../../platform/audit/audit.ts';
import { diffRecords } from '../../platform/audit/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { type Actor, centerScope } from '../../platform/policy/policy.ts';
import { centerNames, liveCenterName } from '../centers/centers.service.ts';
import { regionExists, regionNames } from '../regions/regions.service.ts';
import { logisticsError, logisticsFieldError } from './logistics.errors.ts';
import { logisticsPolicy } from './logistics.policy.ts';
import {
  logisticsItems,
  stockAdjustments,
  stockBalances,
  stockLots,
  stockMovements,
  warehouses,
} from './logistics.tables.ts';
import { type WarehouseRow, warehouseToday } from './stock-ledger.ts';
import { warehouseFor } from './warehouse-access.ts';

const addDays = (isoDate: string, days: number) => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** Items below their minimum, and lots with stock that expired or expire within the warning window. */
const alertCounts = sql<number>`(select count(*)::int from ${stockBalances} b where b.warehouse_id = ${warehouses.id} and b.minimum_quantity > 0 and b.quantity < b.minimum_quantity)`;
const expiringCounts = sql<number>`(select count(*)::int from ${stockLots} l where l.warehouse_id = ${warehouses.id} and l.quantity > 0 and l.expires_on is not null and l.expires_on <= (current_date + ${logisticsLimits.nearExpiryDays}::int))`;

type ListedRow = WarehouseRow & { lowStockCount: number; expiringLotCount: number };

const toWarehouses = async (db: Db, rows: ListedRow[]): Promise<Warehouse[]> => {
  const [centers, regions] = await Promise.all([
    centerNames(
      db,
      rows.map((r) => r.centerId),
    ),
    regionNames(
      db,
      rows.map((r) => r.regionCode),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as Warehouse['kind'],
    centerId: r.centerId,
    centerName: centers.get(r.centerId) ?? null,
    disasterId: r.disasterId,
    name: r.name,
    regionCode: r.regionCode,
    regionName: regions.get(r.regionCode) ?? null,
    address: r.address,
    latitude: r.latitude,
    longitude: r.longitude,
    active: r.active,
    version: r.version,
    lowStockCount: Number(r.lowStockCount),
    expiringLotCount: Number(r.expiringLotCount),
  }));
};

const listedColumns = { lowStockCount: alertCounts, expiringLotCount: expiringCounts };

/**
 * Every warehouse: names and places are reference data (transfers pick a destination from it).
 * The ones of the reader's own centres come first: with a warehouse at every balai, an officer
 * would otherwise page through the country to find their own.
 */
export const listWarehouses = async (
  db: Db,
  actor: Actor,
  input: WarehouseListInput,
): Promise<Page<Warehouse>> => {
  const own = centerScope(actor, logisticsPolicy.stock_read);
  const where: SQL[] = [];
  if (input.kind) where.push(eq(warehouses.kind, input.kind));
  if (input.centerId) where.push(eq(warehouses.centerId, input.centerId));
  if (input.province) where.push(sql`left(${warehouses.regionCode}, 2) = ${input.province}`);
  if (input.q) where.push(ilike(warehouses.name, `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({ w: warehouses, ...listedColumns })
      .from(warehouses)
      .where(cond)
      .orderBy(
        desc(warehouses.active),
        ...(own === 'all' || own.length === 0 ? [] : [desc(inArray(warehouses.centerId, own))]),
        asc(warehouses.name),
        asc(warehouses.id),
      )
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(warehouses).where(cond),
  ]);
  return {
    items: await toWarehouses(
      db,
      rows.map((r) => ({ ...r.w, lowStockCount: r.lowStockCount, expiringLotCount: r.expiringLotCount })),
    ),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
};

export const warehouseById = async (db: Db, id: string): Promise<Warehouse> => {
  const [row] = await db
    .select({ w: warehouses, ...listedColumns })
    .from(warehouses)
    .where(eq(warehouses.id, id));
  if (!row) throw logisticsError('logistics.warehouse_not_found');
  const [out] = await toWarehouses(db, [
    { ...row.w, lowStockCount: row.lowStockCount, expiringLotCount: row.expiringLotCount },
  ]);
  return out!;
};

const checkPlace = async (db: Db, input: { regionCode: string }) => {
  if (!(await regionExists(db, input.regionCode))) {
    throw logisticsFieldError('logistics.region_unknown', 'regionCode');
  }
};

export const createWarehouse = async (opts: {
  db: Db;
  context: AuditContext;
  input: WarehouseInput;
}): Promise<Warehouse> => {
  const { db, context, input } = opts;
  const id = await withAudit(db, context, async (tx, audit) => {
    await checkPlace(tx, input);
    if ((await liveCenterName(tx, input.centerId)) === null) {
      throw logisticsFieldError('logistics.center_unknown', 'centerId');
    }
    if (input.kind === 'central') {
      const [central] = await tx
        .select({ id: warehouses.id })
        .from(warehouses)
        .where(eq(warehouses.kind, 'central'));
      if (central) throw logisticsFieldError('logistics.central_exists', 'kind');
    }
    const [row] = await tx
      .insert(warehouses)
      .values({ id: uuidv7(), ...input })
      .returning();
    audit({
      action: 'create',
      entity: 'warehouse',
      entityId: row!.id,
      changes: diffRecords(null, row!, { ignore: ['id'] }),
    });
    return row!.id;
  });
  return warehouseById(db, id);
};

export const updateWarehouse = async (opts: {
  db: Db;
  context: AuditContext;
  actor: Actor;
  id: string;
  input: UpdateWarehouseInput;
}): Promise<Warehouse> => {
  const { db, context, actor, id, input } = opts;
  await withAudit(db, context, async (tx, audit) => {
    const { warehouse: before } = await warehouseFor(tx, actor, id, 'manage', true);
    if (before.version !== input.version) throw logisticsError('logistics.version_conflict');
    await checkPlace(tx, input);
    const { version: _v, ...fields } = input;
    const [after] = await tx
      .update(warehouses)
      .set({ ...fields, version: before.version + 1, updatedAt: new Date() })
      .where(eq(warehouses.id, id))
      .returning();
    audit({ action: 'update', entity: 'warehouse', entityId: id, changes: diffRecords(before, after!) });
  });
  return warehouseById(db, id);
};

const expiryOf = (expiresOn: string | null, today: string): StockLot['expiry'] =>
  expiresOn === null
    ? 'ok'
    : expiresOn < today
      ? 'expired'
      : expiresOn <= addDays(today, logisticsLimits.nearExpiryDays)
        ? 'near_expiry'
        : 'ok';

export const pendingAdjustments = async (db: Db, warehouseId: string): Promise<StockAdjustment[]> => {
  const rows = await db
    .select({ a: stockAdjustments, itemName: logisticsItems.name, lotNumber: stockLots.lotNumber })
    .from(stockAdjustments)
    .innerJoin(stockLots, eq(stockLots.id, stockAdjustments.lotId))
    .innerJoin(logisticsItems, eq(logisticsItems.id, stockLots.itemId))
    .where(and(eq(stockAdjustments.warehouseId, warehouseId), eq(stockAdjustments.status, 'pending')))
    .orderBy(asc(stockAdjustments.createdAt));
  return rows.map(({ a, itemName, lotNumber }) => toAdjustment(a, itemName, lotNumber));
};

export const toAdjustment = (
  a: typeof stockAdjustments.$inferSelect,
  itemName: string,
  lotNumber: string | null,
): StockAdjustment => ({
  id: a.id,
  lotId: a.lotId,
  itemName,
  lotNumber,
  recordedQuantity: a.recordedQuantity,
  countedQuantity: a.countedQuantity,
  reason: a.reason,
  countedOn: a.countedOn,
  status: a.status as StockAdjustment['status'],
  requestedBy: a.requestedByName,
  decidedBy: a.decidedByName,
  decisionNote: a.decisionNote,
  createdAt: a.createdAt.toISOString(),
});

/** The warehouse page: every item held (or with a minimum), its lots, alerts and pending counts. */
export const warehouseStock = async (db: Db, actor: Actor, id: string): Promise<WarehouseStock> => {
  const { warehouse, access } = await warehouseFor(db, actor, id, 'read');
  const today = warehouseToday(warehouse);
  const [balances, lots, adjustments] = await Promise.all([
    db
      .select({ b: stockBalances, item: logisticsItems })
      .from(stockBalances)
      .innerJoin(logisticsItems, eq(logisticsItems.id, stockBalances.itemId))
      .where(
        and(
          eq(stockBalances.warehouseId, id),
          sql`(${stockBalances.quantity} > 0 or ${stockBalances.minimumQuantity} > 0)`,
        ),
      )
      .orderBy(asc(logisticsItems.name)),
    db
      .select()
      .from(stockLots)
      .where(and(eq(stockLots.warehouseId, id), sql`${stockLots.quantity} > 0`))
      .orderBy(asc(stockLots.expiresOn), asc(stockLots.receivedAt)),
    pendingAdjustments(db, id),
  ]);
  const lines: StockLine[] = balances.map(({ b, item }) => {
    const own = lots
      .filter((l) => l.itemId === item.id)
      .map((l) => ({
        id: l.id,
        itemId: l.itemId,
        lotNumber: l.lotNumber,
        expiresOn: l.expiresOn,
        receivedAt: l.receivedAt.toISOString(),
        quantity: l.quantity,
        expiry: expiryOf(l.expiresOn, today),
      }));
    const available = own.filter((l) => l.expiry !== 'expired').reduce((s, l) => s + l.quantity, 0);
    return {
      itemId: item.id,
      itemCode: item.code,
      itemName: item.name,
      category: item.category as ItemCategory,
      unit: item.unit,
      perishable: item.perishable,
      quantity: b.quantity,
      available,
      minimumQuantity: b.minimumQuantity,
      low: b.minimumQuantity > 0 && b.quantity < b.minimumQuantity,
      lots: own,
    };
  });
  return {
    warehouse: await warehouseById(db, id),
    lines,
    pendingAdjustments: adjustments,
    can: { write: access.write, approve: access.approve, manage: access.manage },
  };
};

/** The ledger of one warehouse, newest first. */
export const listMovements = async (
  db: Db,
  actor: Actor,
  id: string,
  input: MovementListInput,
): Promise<Page<StockMovement>> => {
  await warehouseFor(db, actor, id, 'read');
  const where: SQL[] = [eq(stockMovements.warehouseId, id)];
  if (input.itemId) where.push(eq(stockMovements.itemId, input.itemId));
  if (input.kind) where.push(eq(stockMovements.kind, input.kind));
  if (input.from) where.push(gte(stockMovements.occurredOn, input.from));
  if (input.to) where.push(lte(stockMovements.occurredOn, input.to));
  const cond = and(...where);
  const [rows, [total]] = await Promise.all([
    db
      .select({ m: stockMovements, itemName: logisticsItems.name, lotNumber: stockLots.lotNumber })
      .from(stockMovements)
      .innerJoin(logisticsItems, eq(logisticsItems.id, stockMovements.itemId))
      .innerJoin(stockLots, eq(stockLots.id, stockMovements.lotId))
      .where(cond)
      .orderBy(desc(stockMovements.createdAt), desc(stockMovements.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(stockMovements).where(cond),
  ]);
  return {
    items: rows.map(({ m, itemName, lotNumber }) => ({
      id: m.id,
      kind: m.kind as MovementKind,
      itemId: m.itemId,
      itemName,
      lotId: m.lotId,
      lotNumber,
      quantity: m.quantity,
      occurredOn: m.occurredOn,
      reference: m.documentNumber,
      note: m.note ?? m.sourceName,
      by: m.byName,
      at: m.createdAt.toISOString(),
    })),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
};
