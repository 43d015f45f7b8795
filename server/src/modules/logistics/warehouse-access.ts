import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { type Actor, can } from '../../platform/policy/policy.ts';
import { logisticsError } from './logistics.errors.ts';
import { logisticsPolicy } from './logistics.policy.ts';
import { warehouses } from './logistics.tables.ts';
import type { WarehouseRow } from './stock-ledger.ts';

export type WarehouseAccess = { read: boolean; write: boolean; approve: boolean; manage: boolean };

/** What the actor may do in one warehouse: decided by the roles they hold at its centre. */
export const accessTo = (actor: Actor, w: Pick<WarehouseRow, 'centerId'>): WarehouseAccess => {
  const at = { centerId: w.centerId };
  return {
    read: can(actor, logisticsPolicy.stock_read, at).allowed,
    write: can(actor, logisticsPolicy.stock_write, at).allowed,
    approve: can(actor, logisticsPolicy.adjust_approve, at).allowed,
    manage: can(actor, logisticsPolicy.warehouses_manage).allowed,
  };
};

/**
 * Loads the warehouse the URL names and checks the actor may `need` there. One they may not
 * read is "not found" (its existence is not secret, its stock is); one they may read but not
 * change is "forbidden". `lock` takes a row lock (for version-checked edits).
 */
export const warehouseFor = async (
  db: Db,
  actor: Actor,
  id: string,
  need: keyof WarehouseAccess,
  lock = false,
): Promise<{ warehouse: WarehouseRow; access: WarehouseAccess }> => {
  const query = db.select().from(warehouses).where(eq(warehouses.id, id));
  const [warehouse] = lock ? await query.for('update') : await query;
  if (!warehouse) throw logisticsError('logistics.warehouse_not_found');
  const access = accessTo(actor, warehouse);
  if (!access.read && need !== 'manage') throw logisticsError('logistics.warehouse_not_found');
  if (!access[need]) throw logisticsError('logistics.forbidden');
  return { warehouse, access };
};
