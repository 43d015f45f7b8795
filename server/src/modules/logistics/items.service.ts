import type { Item, ItemInput, ItemListInput, Page, UpdateItemInput } from '@atensi/domain';
import { and, asc, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { type AuditContext, withAudit } from '../../platform/audit/audit.ts';
import { diffRecords } from '../../platform/audit/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { containsPattern } from '../../platform/db/like.ts';
import { logisticsError, logisticsFieldError } from './logistics.errors.ts';
import { logisticsItems } from './logistics.tables.ts';
import type { ItemRow } from './stock-ledger.ts';

const toItem = (r: ItemRow): Item => ({
  id: r.id,
  code: r.code,
  name: r.name,
  category: r.category as Item['category'],
  unit: r.unit,
  perishable: r.perishable,
  active: r.active,
  version: r.version,
});

export const listItems = async (db: Db, input: ItemListInput): Promise<Page<Item>> => {
  const where: SQL[] = [];
  if (!input.includeInactive) where.push(eq(logisticsItems.active, true));
  if (input.category) where.push(eq(logisticsItems.category, input.category));
  if (input.q) {
    const like = containsPattern(input.q);
    where.push(or(ilike(logisticsItems.name, like), ilike(logisticsItems.code, like))!);
  }
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(logisticsItems)
      .where(cond)
      .orderBy(asc(logisticsItems.name), asc(logisticsItems.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(logisticsItems).where(cond),
  ]);
  return { items: rows.map(toItem), total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
};

/** Active items by id, or 400 naming `path` when one is unknown or inactive. */
export const activeItems = async (db: Db, ids: string[], path: string): Promise<Map<string, ItemRow>> => {
  const unique = [...new Set(ids)];
  const rows = unique.length
    ? await db.select().from(logisticsItems).where(inArray(logisticsItems.id, unique))
    : [];
  const found = new Map(rows.filter((r) => r.active).map((r) => [r.id, r]));
  for (const id of unique) if (!found.has(id)) throw logisticsFieldError('logistics.item_unknown', path);
  return found;
};

const codeTaken = async (db: Db, code: string, except?: string) => {
  const [row] = await db
    .select({ id: logisticsItems.id })
    .from(logisticsItems)
    .where(eq(logisticsItems.code, code));
  return row !== undefined && row.id !== except;
};

export const createItem = async (opts: {
  db: Db;
  context: AuditContext;
  input: ItemInput;
}): Promise<Item> => {
  const { db, context, input } = opts;
  return withAudit(db, context, async (tx, audit) => {
    if (await codeTaken(tx, input.code)) {
      throw logisticsFieldError('logistics.code_taken', 'code', { code: input.code });
    }
    const [row] = await tx
      .insert(logisticsItems)
      .values({ id: uuidv7(), ...input })
      .returning();
    audit({
      action: 'create',
      entity: 'logistics_item',
      entityId: row!.id,
      changes: diffRecords(null, row!, { ignore: ['id', 'createdAt', 'updatedAt', 'version'] }),
    });
    return toItem(row!);
  });
};

export const updateItem = async (opts: {
  db: Db;
  context: AuditContext;
  id: string;
  input: UpdateItemInput;
}): Promise<Item> => {
  const { db, context, id, input } = opts;
  return withAudit(db, context, async (tx, audit) => {
    const [before] = await tx.select().from(logisticsItems).where(eq(logisticsItems.id, id)).for('update');
    if (!before) throw logisticsError('logistics.not_found');
    if (before.version !== input.version) throw logisticsError('logistics.version_conflict');
    if (await codeTaken(tx, input.code, id)) {
      throw logisticsFieldError('logistics.code_taken', 'code', { code: input.code });
    }
    const { version: _v, ...fields } = input;
    const [after] = await tx
      .update(logisticsItems)
      .set({ ...fields, version: before.version + 1, updatedAt: new Date() })
      .where(eq(logisticsItems.id, id))
      .returning();
    audit({
      action: 'update',
      entity: 'logistics_item',
      entityId: id,
      changes: diffRecords(before, after!, { ignore: ['createdAt', 'updatedAt', 'version'] }),
    });
    return toItem(after!);
  });
};
