import { z } from 'zod';
import { urgency } from '../cases/components.ts';
import { cluster } from '../clusters.ts';
import { birthYearField, dateField } from '../date-fields.ts';
import { limits } from '../limits.ts';
import { pageOf, pageQuery } from '../paging.ts';
import { regionCode } from '../regions/region.ts';
import { optionalText, requiredText, text } from '../text.ts';

/**
 * Penjangkauan (outreach) → shelter → balai or community, the PWTC pattern of seed 004: a
 * team finds people on the street, registers them quickly (no NIK needed), houses them in a
 * temporary shelter (TPS, often a sports hall/GOR), then moves them on to a balai when they
 * need further service, or back to their family or community.
 */
export const shelterInput = z.object({
  name: requiredText(3, 200),
  centerId: z.uuid(),
  regionCode,
  address: optionalText(limits.addressMax),
  capacity: z.number().int().min(1).max(100_000),
  openedOn: dateField('event'),
});
export type ShelterInput = z.infer<typeof shelterInput>;

export const shelterSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  centerId: z.uuid(),
  centerName: z.string(),
  regionCode: z.string(),
  address: z.string().nullable(),
  capacity: z.number().int(),
  occupied: z.number().int(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  version: z.number().int(),
});
export type Shelter = z.infer<typeof shelterSchema>;

/** One person found: minimal fields; a name may be a description ("laki-laki ±40 th, kaos merah"). */
export const foundPersonInput = z.object({
  fullName: requiredText(2, 200),
  sex: z.enum(['male', 'female']),
  birthYearEstimate: birthYearField(),
  clusters: z.array(cluster).min(1).max(8),
  urgency,
  problem: requiredText(5, 2000),
});
export type FoundPersonInput = z.infer<typeof foundPersonInput>;

export const outreachInput = z.object({
  centerId: z.uuid(),
  /** Names of the team members. */
  team: requiredText(3, 500),
  date: dateField('event'),
  place: requiredText(3, 300),
  regionCode,
  notes: optionalText(2000),
  /** Who takes the cases opened for the people found. */
  assignedWorkerId: text().min(1).max(64),
  people: z.array(foundPersonInput).min(1).max(100),
});
export type OutreachInput = z.infer<typeof outreachInput>;

export const stayKinds = ['shelter', 'partner', 'center', 'family', 'community'] as const;
export const stayKind = z.enum(stayKinds);
export type StayKind = z.infer<typeof stayKind>;

/** Where a person is moved: a shelter, an LKS, the case's balai (a bed), or home. */
export const moveInput = z
  .object({
    to: stayKind,
    shelterId: z
      .uuid()
      .nullish()
      .transform((v) => v ?? null),
    partnerId: z
      .uuid()
      .nullish()
      .transform((v) => v ?? null),
    date: dateField('event'),
    note: optionalText(1000),
  })
  .superRefine((m, ctx) => {
    if (m.to === 'shelter' && !m.shelterId) {
      ctx.addIssue({ code: 'custom', path: ['shelterId'], message: 'validation.stay_shelter' });
    }
    if (m.to === 'partner' && !m.partnerId) {
      ctx.addIssue({ code: 'custom', path: ['partnerId'], message: 'validation.referral_partner' });
    }
  });
export type MoveInput = z.infer<typeof moveInput>;

export const staySchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  kind: stayKind,
  placeId: z.uuid().nullable(),
  placeName: z.string(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  note: z.string().nullable(),
});
export type Stay = z.infer<typeof staySchema>;

export const outreachSchema = z.object({
  id: z.uuid(),
  centerId: z.uuid(),
  centerName: z.string(),
  team: z.string(),
  date: z.string(),
  place: z.string(),
  regionCode: z.string(),
  notes: z.string().nullable(),
  people: z.array(
    z.object({
      personId: z.uuid(),
      fullName: z.string(),
      caseId: z.uuid(),
      caseNumber: z.string(),
      /** Where the person is now, if placed. */
      current: staySchema.nullable(),
    }),
  ),
});
export type Outreach = z.infer<typeof outreachSchema>;

export const outreachListInput = pageQuery.extend({
  centerId: z.uuid().optional(),
  /** Words of the team or the place ("stasiun", "Satpol PP"); in the body, like every search. */
  q: text().trim().max(limits.searchMax).optional(),
  from: dateField('period').optional(),
  to: dateField('period').optional(),
});
export const outreachPage = pageOf(outreachSchema.omit({ people: true }).extend({ found: z.number().int() }));
export const shelterListInput = pageQuery.extend({
  centerId: z.uuid().optional(),
  includeClosed: z.boolean().optional(),
});
export const shelterPage = pageOf(shelterSchema);
