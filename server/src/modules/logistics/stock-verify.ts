import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform/db/client.ts';

export type StockMismatch = {
  kind: 'balance' | 'lot' | 'in_transit';
  warehouseId: string | null;
  itemId: string | null;
  lotId: string | null;
  /** What the table holds. */
  recorded: number;
  /** What the ledger (or the waybills) add up to. */
  expected: number;
};

/**
 * Recomputes stock from the ledger and compares: every (warehouse, item) balance with the
 * sum of its ledger rows, every lot with the sum of its own, and every received dispatch line
 * with the transfer_in rows of its arrival. Read-only; one snapshot (REPEATABLE READ) so a
 * write landing mid-check does not show as a false mismatch.
 */
export const verifyStock = async (db: Db): Promise<{ checked: number; mismatches: StockMismatch[] }> =>
  db.transaction(
    async (tx) => {
      const balances = rowsOf<{ warehouse_id: string; item_id: string; recorded: number; expected: number }>(
        await tx.execute(sql`
          select coalesce(b.warehouse_id, m.warehouse_id) as warehouse_id,
                 coalesce(b.item_id, m.item_id) as item_id,
                 coalesce(b.quantity, 0)::int as recorded,
                 coalesce(m.total, 0)::int as expected
          from stock_balances b
          full join (select warehouse_id, item_id, sum(quantity) as total
                     from stock_movements group by warehouse_id, item_id) m
            on m.warehouse_id = b.warehouse_id and m.item_id = b.item_id`),
      );
      const lots = rowsOf<{
        id: string;
        warehouse_id: string;
        item_id: string;
        recorded: number;
        expected: number;
      }>(
        await tx.execute(sql`
          select l.id, l.warehouse_id, l.item_id, l.quantity::int as recorded,
                 coalesce((select sum(m.quantity) from stock_movements m where m.lot_id = l.id), 0)::int as expected
          from stock_lots l`),
      );
      const arrivals = rowsOf<{ id: string; recorded: number; expected: number }>(
        await tx.execute(sql`
          select dl.id, dl.quantity_received::int as recorded,
                 coalesce((select sum(m.quantity) from stock_movements m
                           where m.lot_id = dl.to_lot_id and m.kind = 'transfer_in'), 0)::int as expected
          from dispatch_lines dl where dl.quantity_received is not null`),
      );
      const mismatches: StockMismatch[] = [
        ...balances
          .filter((r) => Number(r.recorded) !== Number(r.expected) || Number(r.recorded) < 0)
          .map((r) => ({
            kind: 'balance' as const,
            warehouseId: r.warehouse_id,
            itemId: r.item_id,
            lotId: null,
            recorded: Number(r.recorded),
            expected: Number(r.expected),
          })),
        ...lots
          .filter((r) => Number(r.recorded) !== Number(r.expected) || Number(r.recorded) < 0)
          .map((r) => ({
            kind: 'lot' as const,
            warehouseId: r.warehouse_id,
            itemId: r.item_id,
            lotId: r.id,
            recorded: Number(r.recorded),
            expected: Number(r.expected),
          })),
        ...arrivals
          .filter((r) => Number(r.recorded) !== Number(r.expected))
          .map((r) => ({
            kind: 'in_transit' as const,
            warehouseId: null,
            itemId: null,
            lotId: r.id,
            recorded: Number(r.recorded),
            expected: Number(r.expected),
          })),
      ];
      return { checked: balances.length + lots.length + arrivals.length, mismatches };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
