import { z } from 'zod';
import { cluster, clusters } from '../clusters.ts';
import { limits } from '../limits.ts';
import { pageOf, pageQuery, queryFlag } from '../paging.ts';
import { levelOfCode, regionCode } from '../regions/region.ts';
import { requiredText, text } from '../text.ts';

export const centerTypes = ['balai', 'balai_besar', 'loka', 'sentra'] as const;
export const centerType = z.enum(centerTypes);
export type CenterType = z.infer<typeof centerType>;

export const facilities = ['warehouse', 'workshop', 'shop'] as const;
export const facility = z.enum(facilities);
export type Facility = z.infer<typeof facility>;

const optionalText = (max: number) =>
  text()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

/** Coverage is provinces and/or regencies, never smaller units. */
export const coverageCode = regionCode.refine(
  (c) => {
    const l = levelOfCode(c);
    return l === 'province' || l === 'regency';
  },
  { message: 'validation.coverage_level' },
);

const centerFields = {
  code: text()
    .trim()
    .min(2)
    .max(limits.codeMax)
    .regex(/^[A-Z0-9-]+$/, 'validation.center_code'),
  name: requiredText(3, limits.nameMax),
  type: centerType,
  street: optionalText(limits.addressMax),
  regionCode,
  latitude: z.number().min(-11.5).max(6.5).nullable().default(null),
  longitude: z.number().min(94).max(141.5).nullable().default(null),
  phone: text()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, 'validation.phone')
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null))
    .transform((v) => v ?? null),
  email: z
    .email()
    .max(limits.emailMax)
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null))
    .transform((v) => v ?? null),
  headName: optionalText(limits.nameMax),
  bedCapacity: z.number().int().min(0).max(limits.bedsMax),
  occupiedBeds: z.number().int().min(0).max(limits.bedsMax).default(0),
  facilities: z.array(facility).max(facilities.length).default([]),
  specialtyClusters: z.array(cluster).max(clusters.length).default([]),
  serviceClusters: z
    .array(cluster)
    .min(1)
    .max(clusters.length)
    .default([...clusters]),
  coverage: z.array(coverageCode).min(1).max(600),
};

const occupancyWithinCapacity = (c: { occupiedBeds: number; bedCapacity: number }) =>
  c.occupiedBeds <= c.bedCapacity;
const occupancyIssue = { message: 'validation.occupancy', path: ['occupiedBeds'] };

export const createCenterInput = z.object(centerFields).refine(occupancyWithinCapacity, occupancyIssue);
export type CreateCenterInput = z.infer<typeof createCenterInput>;

export const updateCenterInput = z
  .object({ ...centerFields, version: z.number().int().min(1) })
  .refine(occupancyWithinCapacity, occupancyIssue);
export type UpdateCenterInput = z.infer<typeof updateCenterInput>;

export const centerSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: centerType,
  street: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  provinceCode: z.string(),
  provinceName: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  headName: z.string().nullable(),
  bedCapacity: z.number().int(),
  occupiedBeds: z.number().int(),
  facilities: z.array(facility),
  specialtyClusters: z.array(cluster),
  serviceClusters: z.array(cluster),
  coverage: z.array(z.object({ code: z.string(), name: z.string() })),
  timeZone: z.enum(['WIB', 'WITA', 'WIT']),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Center = z.infer<typeof centerSchema>;

/** The detail answer also says what the caller may do with this centre. */
export const centerDetailSchema = centerSchema.extend({
  access: z.object({ update: z.boolean(), archive: z.boolean() }),
});
export type CenterDetail = z.infer<typeof centerDetailSchema>;

export const centerSorts = ['name', 'code', 'province', 'bedCapacity', 'updatedAt'] as const;
export const centerListQuery = pageQuery.extend({
  q: text().trim().max(limits.searchMax).optional(),
  province: text()
    .regex(/^\d{2}$/)
    .optional(),
  type: centerType.optional(),
  facility: facility.optional(),
  sort: z.enum(centerSorts).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  includeArchived: queryFlag.default(false),
});
export type CenterListQuery = z.infer<typeof centerListQuery>;

export const centerSummarySchema = centerSchema.pick({
  id: true,
  code: true,
  name: true,
  type: true,
  regionCode: true,
  provinceCode: true,
  provinceName: true,
  bedCapacity: true,
  occupiedBeds: true,
  facilities: true,
  timeZone: true,
  archivedAt: true,
  version: true,
});
export type CenterSummary = z.infer<typeof centerSummarySchema>;
export const centerPage = pageOf(centerSummarySchema);
