import { z } from 'zod';
import { dateField } from '../date-fields.ts';
import { limits } from '../limits.ts';
import { pageOf, pageQuery } from '../paging.ts';
import { optionalText, requiredText, text } from '../text.ts';
import { idempotencyKey, stockQuantity } from './stock.schema.ts';

/**
 * Programmes that distributions count against (seed 004: sembako packages against targets
 * at the 41 UPT and at headquarters).
 */
export const distributionPrograms = ['sembako', 'disaster_relief', 'atensi', 'other'] as const;
export const distributionProgram = z.enum(distributionPrograms);
export type DistributionProgram = z.infer<typeof distributionProgram>;

export const recipientKinds = ['individual', 'household'] as const;
export const recipientKind = z.enum(recipientKinds);
export type RecipientKind = z.infer<typeof recipientKind>;

export const distributionRecipientInput = z.object({
  kind: recipientKind,
  /** A person in the registry, when known. */
  personId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  name: requiredText(2, limits.nameMax),
  /** Members of the household, for `household`. */
  householdSize: z
    .number()
    .int()
    .min(1)
    .max(50)
    .nullish()
    .transform((v) => v ?? null),
  quantity: stockQuantity(),
});
export type DistributionRecipientInput = z.infer<typeof distributionRecipientInput>;

/** Handing goods to people at a warehouse (a balai or a disaster post); the lots go FEFO. */
export const distributionInput = z.object({
  itemId: z.uuid(),
  program: distributionProgram,
  distributedOn: dateField('event'),
  /** Where it happened when not at the warehouse itself (village hall, evacuation tent…). */
  place: optionalText(limits.addressMax),
  recipients: z.array(distributionRecipientInput).min(1).max(500),
  note: optionalText(1000),
  idempotencyKey,
});
export type DistributionInput = z.infer<typeof distributionInput>;

export const distributionSchema = z.object({
  id: z.uuid(),
  warehouseId: z.uuid(),
  warehouseName: z.string(),
  itemId: z.uuid(),
  itemName: z.string(),
  unit: z.string(),
  program: distributionProgram,
  distributedOn: z.string(),
  place: z.string().nullable(),
  quantity: z.number().int(),
  recipientCount: z.number().int(),
  /** Names masked in lists except the first letters; full names on the distribution itself. */
  recipients: z.array(
    z.object({
      kind: recipientKind,
      personId: z.uuid().nullable(),
      name: z.string(),
      householdSize: z.number().int().nullable(),
      quantity: z.number().int(),
    }),
  ),
  note: z.string().nullable(),
  by: z.string().nullable(),
  at: z.string(),
});
export type Distribution = z.infer<typeof distributionSchema>;

export const distributionListInput = pageQuery.extend({
  warehouseId: z.uuid().optional(),
  program: distributionProgram.optional(),
  from: dateField('period').optional(),
  to: dateField('period').optional(),
});
export type DistributionListInput = z.infer<typeof distributionListInput>;
export const distributionPage = pageOf(distributionSchema.omit({ recipients: true }));

/** e.g. "2026" or "2026-S2": the label a target report groups by (a year, half, quarter or month). */
export const periodLabel = text()
  .trim()
  .regex(/^\d{4}(-(S[12]|Q[1-4]|(0[1-9]|1[0-2])))?$/);

/** A target: so many units of an item to hand out from one warehouse in a period. */
export const targetInput = z.object({
  program: distributionProgram,
  period: periodLabel,
  periodStart: dateField('period'),
  periodEnd: dateField('period'),
  warehouseId: z.uuid(),
  itemId: z.uuid(),
  targetQuantity: stockQuantity(),
});
export type TargetInput = z.infer<typeof targetInput>;

export const targetRowSchema = z.object({
  id: z.uuid(),
  warehouseId: z.uuid(),
  warehouseName: z.string(),
  centerName: z.string().nullable(),
  itemName: z.string(),
  unit: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  target: z.number().int(),
  realised: z.number().int(),
  /** Realised ÷ target × 100, two decimals (99.35 in seed 004). */
  percent: z.number(),
});
export type TargetRow = z.infer<typeof targetRowSchema>;

export const targetReportInput = z.object({
  program: distributionProgram,
  period: periodLabel,
});
export type TargetReportInput = z.infer<typeof targetReportInput>;

export const targetReportSchema = z.object({
  program: distributionProgram,
  period: z.string(),
  rows: z.array(targetRowSchema),
  total: z.object({ target: z.number().int(), realised: z.number().int(), percent: z.number() }),
  periods: z.array(z.object({ program: distributionProgram, period: z.string() })),
  canManage: z.boolean(),
});
export type TargetReport = z.infer<typeof targetReportSchema>;

/** Percentage with two decimals, as the ministry reports it; 0 when there is no target. */
export const realisationPercent = (realised: number, target: number): number =>
  target > 0 ? Math.round((realised / target) * 10_000) / 100 : 0;
