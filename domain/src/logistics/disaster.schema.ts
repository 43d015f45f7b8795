import { z } from 'zod';
import { dateField } from '../date-fields.ts';
import { limits } from '../limits.ts';
import { pageOf, pageQuery } from '../paging.ts';
import { optionalText, requiredText, text } from '../text.ts';
import { idempotencyKey, logisticsLimits, stockQuantity } from './stock.schema.ts';

export const disasterTypes = [
  'flood',
  'earthquake',
  'tsunami',
  'landslide',
  'volcanic_eruption',
  'fire',
  'drought',
  'other',
] as const;
export const disasterType = z.enum(disasterTypes);
export type DisasterType = z.infer<typeof disasterType>;

export const disasterStatuses = ['emergency', 'recovery', 'closed'] as const;
export const disasterStatus = z.enum(disasterStatuses);
export type DisasterStatus = z.infer<typeof disasterStatus>;

const regionCode = text()
  .trim()
  .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/);

/**
 * A disaster event. Its post (posko) is where relief is received and handed out: a site
 * warehouse run by the responsible balai, at `siteRegionCode` (and coordinates when known).
 */
export const disasterInput = z.object({
  name: requiredText(3, limits.nameMax),
  type: disasterType,
  /** Provinces, regencies, districts or villages affected (at least one). */
  regionCodes: z.array(regionCode).min(1).max(200),
  startedOn: dateField('event'),
  estimatedAffected: z.number().int().min(0).max(100_000_000),
  description: optionalText(2000),
  /** The balai that runs the post and confirms what arrives. */
  responsibleCenterId: z.uuid(),
  siteName: requiredText(3, limits.nameMax),
  siteRegionCode: regionCode,
  siteLatitude: z.number().min(-90).max(90).nullable(),
  siteLongitude: z.number().min(-180).max(180).nullable(),
});
export type DisasterInput = z.infer<typeof disasterInput>;

export const updateDisasterInput = z.object({
  status: disasterStatus,
  estimatedAffected: z.number().int().min(0).max(100_000_000),
  description: optionalText(2000),
  version: z.number().int().min(1),
});
export type UpdateDisasterInput = z.infer<typeof updateDisasterInput>;

export const needInput = z.object({
  itemId: z.uuid(),
  quantity: stockQuantity(),
  note: optionalText(500),
});
export type NeedInput = z.infer<typeof needInput>;

export const needSchema = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  itemName: z.string(),
  unit: z.string(),
  quantity: z.number().int(),
  /** Sent on dispatches (in transit or received). */
  dispatched: z.number().int(),
  received: z.number().int(),
  note: z.string().nullable(),
});
export type DisasterNeed = z.infer<typeof needSchema>;

export const disasterSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  type: disasterType,
  status: disasterStatus,
  startedOn: z.string(),
  estimatedAffected: z.number().int(),
  provinceCodes: z.array(z.string()),
  regionNames: z.array(z.string()),
  responsibleCenterId: z.uuid(),
  responsibleCenterName: z.string().nullable(),
  siteWarehouseId: z.uuid(),
  version: z.number().int(),
});
export type DisasterSummary = z.infer<typeof disasterSummarySchema>;
export const disasterPage = pageOf(disasterSummarySchema);

export const disasterListInput = pageQuery.extend({
  q: text().trim().max(limits.searchMax).optional(),
  status: disasterStatus.optional(),
  type: disasterType.optional(),
  province: text()
    .regex(/^\d{2}$/)
    .optional(),
});
export type DisasterListInput = z.infer<typeof disasterListInput>;

export const dispatchStatuses = ['in_transit', 'received'] as const;
export const dispatchStatus = z.enum(dispatchStatuses);
export type DispatchStatus = z.infer<typeof dispatchStatus>;

export const dispatchLineSchema = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  itemName: z.string(),
  unit: z.string(),
  lotNumber: z.string().nullable(),
  expiresOn: z.string().nullable(),
  quantitySent: z.number().int(),
  quantityReceived: z.number().int().nullable(),
  discrepancyNote: z.string().nullable(),
});
export type DispatchLine = z.infer<typeof dispatchLineSchema>;

export const dispatchSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  status: dispatchStatus,
  disasterId: z.uuid().nullable(),
  disasterName: z.string().nullable(),
  fromWarehouseId: z.uuid(),
  fromWarehouseName: z.string(),
  toWarehouseId: z.uuid(),
  toWarehouseName: z.string(),
  vehicle: z.string().nullable(),
  driverName: z.string().nullable(),
  sentOn: z.string(),
  sentBy: z.string().nullable(),
  receivedOn: z.string().nullable(),
  receivedBy: z.string().nullable(),
  note: z.string().nullable(),
  lines: z.array(dispatchLineSchema),
  hasDiscrepancy: z.boolean(),
  version: z.number().int(),
  /** May the signed-in user confirm receipt (an officer of the receiving warehouse's balai)? */
  canReceive: z.boolean(),
});
export type Dispatch = z.infer<typeof dispatchSchema>;

export const dispatchListInput = pageQuery.extend({
  warehouseId: z.uuid().optional(),
  disasterId: z.uuid().optional(),
  status: dispatchStatus.optional(),
  /** `incoming` to the warehouse, `outgoing` from it; both when absent. */
  direction: z.enum(['incoming', 'outgoing']).optional(),
});
export type DispatchListInput = z.infer<typeof dispatchListInput>;
export const dispatchPage = pageOf(dispatchSchema.omit({ lines: true }));

export const disasterSchema = disasterSummarySchema.extend({
  regionCodes: z.array(z.string()),
  description: z.string().nullable(),
  siteName: z.string(),
  siteRegionCode: z.string(),
  siteLatitude: z.number().nullable(),
  siteLongitude: z.number().nullable(),
  needs: z.array(needSchema),
  dispatches: z.array(dispatchSchema.omit({ lines: true })),
  can: z.object({ manage: z.boolean() }),
});
export type Disaster = z.infer<typeof disasterSchema>;

export const proposalLineSchema = z.object({
  warehouseId: z.uuid(),
  warehouseName: z.string(),
  centerName: z.string().nullable(),
  regionName: z.string().nullable(),
  quantity: z.number().int(),
  available: z.number().int(),
  distanceKm: z.number().nullable(),
  sameProvince: z.boolean(),
  /** The warehouse's minimum level of the item (0 when none is set). */
  minimum: z.number().int(),
  /**
   * Units of `quantity` that take the warehouse below its minimum: proposed only when the
   * stock above every minimum is not enough. A line with `quantity` 0 is a nearer warehouse
   * held at its minimum.
   */
  belowMinimum: z.number().int(),
  /** May the signed-in user send from this warehouse (central staff: all; a head: their own centre's)? */
  canSend: z.boolean(),
});
export type ProposalLine = z.infer<typeof proposalLineSchema>;

/** Shown before anything moves: the person accepts it (or changes the quantities). */
export const dispatchProposalSchema = z.object({
  needId: z.uuid(),
  itemId: z.uuid(),
  itemName: z.string(),
  unit: z.string(),
  /** What the need still lacks: asked minus what is already on its way or received. */
  outstanding: z.number().int(),
  lines: z.array(proposalLineSchema),
  shortfall: z.number().int(),
});
export type DispatchProposal = z.infer<typeof dispatchProposalSchema>;

/** Accepting a proposal: one dispatch per source warehouse, lots picked first-expiring first. */
export const acceptProposalInput = z.object({
  lines: z
    .array(z.object({ warehouseId: z.uuid(), quantity: stockQuantity() }))
    .min(1)
    .max(logisticsLimits.linesMax),
  vehicle: optionalText(100),
  driverName: optionalText(limits.nameMax),
  note: optionalText(1000),
  idempotencyKey,
});
export type AcceptProposalInput = z.infer<typeof acceptProposalInput>;

/** A transfer between warehouses chosen by an officer (not from a disaster's need). */
export const transferInput = z.object({
  toWarehouseId: z.uuid(),
  lines: z
    .array(z.object({ itemId: z.uuid(), quantity: stockQuantity() }))
    .min(1)
    .max(logisticsLimits.linesMax),
  vehicle: optionalText(100),
  driverName: optionalText(limits.nameMax),
  note: optionalText(1000),
  idempotencyKey,
});
export type TransferInput = z.infer<typeof transferInput>;

/** What arrived, line by line; anything short of what was sent needs a note. */
export const receiveDispatchInput = z.object({
  receivedOn: dateField('event'),
  lines: z
    .array(
      z.object({
        lineId: z.uuid(),
        quantityReceived: stockQuantity(0),
        discrepancyNote: optionalText(500),
      }),
    )
    .min(1)
    .max(logisticsLimits.linesMax * 10),
  version: z.number().int().min(1),
});
export type ReceiveDispatchInput = z.infer<typeof receiveDispatchInput>;
