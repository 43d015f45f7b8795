import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { centers } from '../centers/centers.tables.ts';
import { persons } from '../persons/persons.tables.ts';
import { regions } from '../regions/regions.tables.ts';

/** Goods the warehouses hold: reference data kept by central staff. */
export const logisticsItems = pgTable(
  'logistics_items',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    unit: text('unit').notNull(),
    perishable: boolean('perishable').notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('logistics_items_code_idx').on(t.code),
    index('logistics_items_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
  ],
);

/**
 * A place that holds stock: a balai's warehouse, the ministry's central warehouse (run by
 * the officers of the centre that hosts it), or a disaster post (`site`, run by the
 * responsible balai, tied to its disaster).
 */
export const warehouses = pgTable(
  'warehouses',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    disasterId: uuid('disaster_id'),
    name: text('name').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    address: text('address'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('warehouses_center_idx').on(t.centerId),
    index('warehouses_region_idx').on(t.regionCode),
    check('warehouses_kind', sql`${t.kind} in ('center', 'central', 'site')`),
  ],
);

/** Units of one item received together, with their expiry; what a lot holds never goes below 0. */
export const stockLots = pgTable(
  'stock_lots',
  {
    id: uuid('id').primaryKey(),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => logisticsItems.id),
    lotNumber: text('lot_number'),
    expiresOn: date('expires_on'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    index('stock_lots_warehouse_item_idx').on(t.warehouseId, t.itemId, t.expiresOn),
    check('stock_lots_not_negative', sql`${t.quantity} >= 0`),
  ],
);

/**
 * What a warehouse holds of an item, kept in the same transaction as every ledger row and
 * checked against the ledger by `npm run stock:verify`. The row is the lock that serialises
 * every change to one item in one warehouse.
 */
export const stockBalances = pgTable(
  'stock_balances',
  {
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => logisticsItems.id),
    quantity: integer('quantity').notNull().default(0),
    minimumQuantity: integer('minimum_quantity').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.warehouseId, t.itemId] }),
    check('stock_balances_not_negative', sql`${t.quantity} >= 0 AND ${t.minimumQuantity} >= 0`),
  ],
);

/**
 * The stock ledger: every change of every lot, signed (+ in, − out). Append-only: the
 * database refuses UPDATE, DELETE and TRUNCATE (migration 0014).
 */
export const stockMovements = pgTable(
  'stock_movements',
  {
    id: uuid('id').primaryKey(),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => logisticsItems.id),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => stockLots.id),
    kind: text('kind').notNull(),
    quantity: integer('quantity').notNull(),
    occurredOn: date('occurred_on').notNull(),
    /** Receipt: procurement/donation/return; who sent it and the document. */
    source: text('source'),
    sourceName: text('source_name'),
    documentNumber: text('document_number'),
    note: text('note'),
    dispatchId: uuid('dispatch_id'),
    distributionId: uuid('distribution_id'),
    adjustmentId: uuid('adjustment_id'),
    byId: text('by_id'),
    byName: text('by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('stock_movements_warehouse_idx').on(t.warehouseId, t.createdAt),
    index('stock_movements_lot_idx').on(t.lotId),
    index('stock_movements_dispatch_idx').on(t.dispatchId),
    check('stock_movements_nonzero', sql`${t.quantity} <> 0`),
  ],
);

/** A stock count that disagrees with the books: moves stock only once the head approves. */
export const stockAdjustments = pgTable(
  'stock_adjustments',
  {
    id: uuid('id').primaryKey(),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => stockLots.id),
    recordedQuantity: integer('recorded_quantity').notNull(),
    countedQuantity: integer('counted_quantity').notNull(),
    reason: text('reason').notNull(),
    countedOn: date('counted_on').notNull(),
    status: text('status').notNull(),
    requestedById: text('requested_by_id'),
    requestedByName: text('requested_by_name'),
    decidedById: text('decided_by_id'),
    decidedByName: text('decided_by_name'),
    decisionNote: text('decision_note'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stock_adjustments_warehouse_idx').on(t.warehouseId, t.status)],
);

export const disasters = pgTable(
  'disasters',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    status: text('status').notNull(),
    regionCodes: text('region_codes').array().notNull(),
    provinceCodes: text('province_codes').array().notNull(),
    startedOn: date('started_on').notNull(),
    estimatedAffected: integer('estimated_affected').notNull(),
    description: text('description'),
    responsibleCenterId: uuid('responsible_center_id')
      .notNull()
      .references(() => centers.id),
    siteWarehouseId: uuid('site_warehouse_id').notNull(),
    createdById: text('created_by_id'),
    createdByName: text('created_by_name'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('disasters_status_idx').on(t.status, t.startedOn),
    index('disasters_province_idx').using('gin', t.provinceCodes),
  ],
);

export const disasterNeeds = pgTable(
  'disaster_needs',
  {
    id: uuid('id').primaryKey(),
    disasterId: uuid('disaster_id')
      .notNull()
      .references(() => disasters.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => logisticsItems.id),
    quantity: integer('quantity').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('disaster_needs_item_idx').on(t.disasterId, t.itemId),
    check('disaster_needs_positive', sql`${t.quantity} > 0`),
  ],
);

/** Numbers waybills (surat jalan) nationally: SJ-<year>-<seq>. */
export const dispatchNumberSeq = pgSequence('dispatch_number_seq', { startWith: 1 });

/** Goods on the road from one warehouse to another (a balai, or a disaster post). */
export const dispatches = pgTable(
  'dispatches',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull(),
    status: text('status').notNull(),
    disasterId: uuid('disaster_id').references(() => disasters.id),
    needId: uuid('need_id').references(() => disasterNeeds.id),
    fromWarehouseId: uuid('from_warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    toWarehouseId: uuid('to_warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    vehicle: text('vehicle'),
    driverName: text('driver_name'),
    note: text('note'),
    sentOn: date('sent_on').notNull(),
    sentById: text('sent_by_id'),
    sentByName: text('sent_by_name'),
    receivedOn: date('received_on'),
    receivedById: text('received_by_id'),
    receivedByName: text('received_by_name'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dispatches_number_idx').on(t.number),
    index('dispatches_from_idx').on(t.fromWarehouseId, t.createdAt),
    index('dispatches_to_idx').on(t.toWarehouseId, t.createdAt),
    index('dispatches_disaster_idx').on(t.disasterId),
    check('dispatches_two_places', sql`${t.fromWarehouseId} <> ${t.toWarehouseId}`),
  ],
);

/** One lot on a dispatch; the received quantity is filled when the destination confirms. */
export const dispatchLines = pgTable(
  'dispatch_lines',
  {
    id: uuid('id').primaryKey(),
    dispatchId: uuid('dispatch_id')
      .notNull()
      .references(() => dispatches.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => logisticsItems.id),
    fromLotId: uuid('from_lot_id')
      .notNull()
      .references(() => stockLots.id),
    toLotId: uuid('to_lot_id').references(() => stockLots.id),
    quantitySent: integer('quantity_sent').notNull(),
    quantityReceived: integer('quantity_received'),
    discrepancyNote: text('discrepancy_note'),
  },
  (t) => [
    index('dispatch_lines_dispatch_idx').on(t.dispatchId),
    check(
      'dispatch_lines_quantities',
      sql`${t.quantitySent} > 0 AND (${t.quantityReceived} IS NULL OR (${t.quantityReceived} >= 0 AND ${t.quantityReceived} <= ${t.quantitySent}))`,
    ),
  ],
);

/** Goods handed to people at a warehouse (balai or disaster post), counted against a programme. */
export const distributions = pgTable(
  'distributions',
  {
    id: uuid('id').primaryKey(),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => logisticsItems.id),
    program: text('program').notNull(),
    distributedOn: date('distributed_on').notNull(),
    place: text('place'),
    quantity: integer('quantity').notNull(),
    recipientCount: integer('recipient_count').notNull(),
    note: text('note'),
    byId: text('by_id'),
    byName: text('by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('distributions_warehouse_idx').on(t.warehouseId, t.distributedOn),
    index('distributions_program_idx').on(t.program, t.itemId, t.distributedOn),
    check('distributions_positive', sql`${t.quantity} > 0 AND ${t.recipientCount} > 0`),
  ],
);

export const distributionRecipients = pgTable(
  'distribution_recipients',
  {
    id: uuid('id').primaryKey(),
    distributionId: uuid('distribution_id')
      .notNull()
      .references(() => distributions.id),
    kind: text('kind').notNull(),
    personId: uuid('person_id').references(() => persons.id),
    name: text('name').notNull(),
    householdSize: integer('household_size'),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    index('distribution_recipients_distribution_idx').on(t.distributionId),
    index('distribution_recipients_person_idx').on(t.personId),
  ],
);

/** So many units of an item to distribute from one warehouse in a programme's period. */
export const distributionTargets = pgTable(
  'distribution_targets',
  {
    id: uuid('id').primaryKey(),
    program: text('program').notNull(),
    period: text('period').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => logisticsItems.id),
    targetQuantity: integer('target_quantity').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('distribution_targets_key_idx').on(t.program, t.period, t.warehouseId, t.itemId),
    check('distribution_targets_valid', sql`${t.targetQuantity} > 0 AND ${t.periodEnd} >= ${t.periodStart}`),
  ],
);
