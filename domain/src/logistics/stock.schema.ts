import { z } from 'zod';
import { dateField, optionalDateField } from '../date-fields.ts';
import { limits } from '../limits.ts';
import { pageOf, pageQuery } from '../paging.ts';
import { optionalText, text as plainText, requiredText } from '../text.ts';

/**
 * Logistik: balai warehouses hold disaster relief and programme goods (seeds 000, 002, 004).
 * Stock is kept by lot (with an expiry date for perishables); every change is a row in an
 * append-only ledger; quantities are whole units of the item's unit (a package, a sheet, a
 * box), never fractions.
 */
export const itemCategories = [
  'food',
  'hygiene_kit',
  'shelter',
  'clothing',
  'baby_needs',
  'medicine',
  'assistive_device',
  'other',
] as const;
export const itemCategory = z.enum(itemCategories);
export type ItemCategory = z.infer<typeof itemCategory>;

/** `center`: a balai's warehouse; `central`: the ministry's; `site`: a disaster post (posko). */
export const warehouseKinds = ['center', 'central', 'site'] as const;
export const warehouseKind = z.enum(warehouseKinds);
export type WarehouseKind = z.infer<typeof warehouseKind>;

export const movementKinds = [
  'receipt',
  'issue',
  'transfer_out',
  'transfer_in',
  'distribution',
  'adjustment',
  'write_off',
] as const;
export const movementKind = z.enum(movementKinds);
export type MovementKind = z.infer<typeof movementKind>;

export const receiptSources = ['procurement', 'donation', 'return'] as const;
export const receiptSource = z.enum(receiptSources);
export type ReceiptSource = z.infer<typeof receiptSource>;

export const logisticsLimits = {
  /** Far above any warehouse's holding of one item, well inside int4. */
  quantityMax: 10_000_000,
  linesMax: 50,
  /** Lots expiring within this many days are flagged on the warehouse page. */
  nearExpiryDays: 30,
} as const;

const text = requiredText;
export const stockQuantity = (min = 1) => z.number().int().min(min).max(logisticsLimits.quantityMax);
/** Made once per form by the client: a retried request with the same key is recorded once. */
export const idempotencyKey = z.uuid();

export const itemInput = z.object({
  code: plainText()
    .trim()
    .min(2)
    .max(limits.codeMax)
    .regex(/^[A-Za-z0-9._-]+$/)
    .transform((v) => v.toUpperCase()),
  name: text(2, limits.nameMax),
  category: itemCategory,
  unit: text(1, 30),
  perishable: z.boolean(),
});
export type ItemInput = z.infer<typeof itemInput>;
export const updateItemInput = itemInput.extend({
  active: z.boolean(),
  version: z.number().int().min(1),
});
export type UpdateItemInput = z.infer<typeof updateItemInput>;

export const itemSchema = itemInput.extend({
  id: z.uuid(),
  code: z.string(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Item = z.infer<typeof itemSchema>;

export const itemListInput = pageQuery.extend({
  q: plainText().trim().max(limits.searchMax).optional(),
  category: itemCategory.optional(),
  includeInactive: z.boolean().optional(),
});
export type ItemListInput = z.infer<typeof itemListInput>;
export const itemPage = pageOf(itemSchema);

export const warehouseInput = z.object({
  /**
   * Every warehouse is run by a centre's officers; the ministry's central warehouse
   * (`central`) too, by the centre that hosts it (docs/decisions/0013).
   */
  centerId: z.uuid(),
  kind: z.enum(['center', 'central']).default('center'),
  name: text(3, limits.nameMax),
  regionCode: plainText()
    .trim()
    .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/),
  address: optionalText(limits.addressMax),
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
});
export type WarehouseInput = z.infer<typeof warehouseInput>;
export const updateWarehouseInput = warehouseInput.omit({ centerId: true, kind: true }).extend({
  active: z.boolean(),
  version: z.number().int().min(1),
});
export type UpdateWarehouseInput = z.infer<typeof updateWarehouseInput>;

export const warehouseSchema = z.object({
  id: z.uuid(),
  kind: warehouseKind,
  centerId: z.uuid(),
  centerName: z.string().nullable(),
  disasterId: z.uuid().nullable(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  /** Items below their minimum level, and lots expired or expiring soon (for the list's badges). */
  lowStockCount: z.number().int(),
  expiringLotCount: z.number().int(),
});
export type Warehouse = z.infer<typeof warehouseSchema>;

export const warehouseListInput = pageQuery.extend({
  q: plainText().trim().max(limits.searchMax).optional(),
  kind: warehouseKind.optional(),
  centerId: z.uuid().optional(),
  /** Two-digit province code. */
  province: plainText()
    .regex(/^\d{2}$/)
    .optional(),
});
export type WarehouseListInput = z.infer<typeof warehouseListInput>;
export const warehousePage = pageOf(warehouseSchema);

/** One lot coming in: expiry required for perishable items (checked by the server). */
export const receiptLineInput = z.object({
  itemId: z.uuid(),
  quantity: stockQuantity(),
  lotNumber: optionalText(60),
  expiresOn: optionalDateField('expiry'),
});
export type ReceiptLineInput = z.infer<typeof receiptLineInput>;

/** Goods received: bought (procurement) or given (donation), with who sent them and the document. */
export const receiptInput = z.object({
  source: receiptSource,
  /** Supplier, donor or returning unit. */
  sourceName: text(2, limits.nameMax),
  documentNumber: text(1, 100),
  receivedOn: dateField('event'),
  note: optionalText(1000),
  lines: z.array(receiptLineInput).min(1).max(logisticsLimits.linesMax),
  idempotencyKey,
});
export type ReceiptInput = z.infer<typeof receiptInput>;

/** Goods leaving for a use that is not a distribution to people or a transfer (e.g. a kitchen). */
export const issueInput = z.object({
  itemId: z.uuid(),
  quantity: stockQuantity(),
  issuedOn: dateField('event'),
  purpose: text(3, 500),
  documentNumber: optionalText(100),
  idempotencyKey,
});
export type IssueInput = z.infer<typeof issueInput>;

/** After a stock count: the counted quantity of one lot; the head approves before it moves stock. */
export const adjustmentInput = z.object({
  lotId: z.uuid(),
  countedQuantity: stockQuantity(0),
  reason: text(5, 1000),
  countedOn: dateField('event'),
});
export type AdjustmentInput = z.infer<typeof adjustmentInput>;
export const adjustmentDecisionInput = z.object({
  approve: z.boolean(),
  note: optionalText(1000),
});
export type AdjustmentDecisionInput = z.infer<typeof adjustmentDecisionInput>;

export const writeOffInput = z.object({
  lotId: z.uuid(),
  reason: text(5, 1000),
  idempotencyKey,
});
export type WriteOffInput = z.infer<typeof writeOffInput>;

export const minimumInput = z.object({
  itemId: z.uuid(),
  minimumQuantity: stockQuantity(0),
});
export type MinimumInput = z.infer<typeof minimumInput>;

export const lotSchema = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  lotNumber: z.string().nullable(),
  expiresOn: z.string().nullable(),
  receivedAt: z.string(),
  quantity: z.number().int(),
  /** `expired`, `near_expiry` (within logisticsLimits.nearExpiryDays) or `ok`. */
  expiry: z.enum(['expired', 'near_expiry', 'ok']),
});
export type StockLot = z.infer<typeof lotSchema>;

export const stockLineSchema = z.object({
  itemId: z.uuid(),
  itemCode: z.string(),
  itemName: z.string(),
  category: itemCategory,
  unit: z.string(),
  perishable: z.boolean(),
  quantity: z.number().int(),
  /** Quantity that may be issued today: not expired. */
  available: z.number().int(),
  minimumQuantity: z.number().int(),
  low: z.boolean(),
  lots: z.array(lotSchema),
});
export type StockLine = z.infer<typeof stockLineSchema>;

export const adjustmentSchema = z.object({
  id: z.uuid(),
  lotId: z.uuid(),
  itemName: z.string(),
  lotNumber: z.string().nullable(),
  recordedQuantity: z.number().int(),
  countedQuantity: z.number().int(),
  reason: z.string(),
  countedOn: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  requestedBy: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
});
export type StockAdjustment = z.infer<typeof adjustmentSchema>;

export const warehouseStockSchema = z.object({
  warehouse: warehouseSchema,
  lines: z.array(stockLineSchema),
  pendingAdjustments: z.array(adjustmentSchema),
  /** What the signed-in user may do here, for the page's buttons. */
  can: z.object({ write: z.boolean(), approve: z.boolean(), manage: z.boolean() }),
});
export type WarehouseStock = z.infer<typeof warehouseStockSchema>;

export const movementSchema = z.object({
  id: z.uuid(),
  kind: movementKind,
  itemId: z.uuid(),
  itemName: z.string(),
  lotId: z.uuid(),
  lotNumber: z.string().nullable(),
  quantity: z.number().int(),
  occurredOn: z.string(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  by: z.string().nullable(),
  at: z.string(),
});
export type StockMovement = z.infer<typeof movementSchema>;

export const movementListInput = pageQuery.extend({
  itemId: z.uuid().optional(),
  kind: movementKind.optional(),
  from: dateField('period').optional(),
  to: dateField('period').optional(),
});
export type MovementListInput = z.infer<typeof movementListInput>;
export const movementPage = pageOf(movementSchema);

/** What a retryable stock write answers: the ledger rows it wrote (the first answer on a retry). */
export const stockWriteResult = z.object({
  movementIds: z.array(z.uuid()),
  replayed: z.boolean(),
});
export type StockWriteResult = z.infer<typeof stockWriteResult>;
