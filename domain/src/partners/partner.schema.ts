import { z } from 'zod';
import { cluster } from '../clusters.ts';
import { optionalDateField } from '../date-fields.ts';
import { limits } from '../limits.ts';
import { pageOf, pageQuery } from '../paging.ts';
import { regionCode } from '../regions/region.ts';
import { optionalText, requiredText, text } from '../text.ts';

/** Lembaga Kesejahteraan Sosial and other community institutions Atensi refers people to. */
export const partnerKinds = ['child', 'elderly', 'disability', 'napza_ipwl', 'shelter', 'general'] as const;
export const partnerKind = z.enum(partnerKinds);

/** Accreditation of an LKS (A best; `none` when not accredited). */
export const accreditations = ['A', 'B', 'C', 'none'] as const;
export const accreditation = z.enum(accreditations);

export const partnerInput = z
  .object({
    name: requiredText(3, 200),
    kind: partnerKind,
    /** The balai the LKS works with: its head manages the record. */
    centerId: z.uuid(),
    regionCode,
    address: optionalText(limits.addressMax),
    accreditation,
    accreditedUntil: optionalDateField('expiry'),
    contactName: optionalText(200),
    phone: text()
      .trim()
      .regex(/^\+?[0-9 ()-]{6,20}$/, 'validation.phone')
      .nullish()
      .transform((v) => v ?? null),
    email: z
      .email()
      .max(limits.emailMax)
      .nullish()
      .transform((v) => v ?? null),
    /** Clusters it serves. */
    services: z.array(cluster).min(1).max(8),
    /** Residential places, when it houses people. */
    capacity: z
      .number()
      .int()
      .min(0)
      .max(100_000)
      .nullish()
      .transform((v) => v ?? null),
  })
  .superRefine((p, ctx) => {
    if (p.accreditation !== 'none' && !p.accreditedUntil) {
      ctx.addIssue({ code: 'custom', path: ['accreditedUntil'], message: 'validation.accredited_until' });
    }
  });
export type PartnerInput = z.infer<typeof partnerInput>;
export const updatePartnerInput = z.object({ partner: partnerInput, version: z.number().int().min(1) });

export const partnerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: partnerKind,
  centerId: z.uuid(),
  centerName: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  address: z.string().nullable(),
  accreditation,
  accreditedUntil: z.string().nullable(),
  contactName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  services: z.array(cluster),
  capacity: z.number().int().nullable(),
  active: z.boolean(),
  members: z.array(z.object({ userId: z.string(), name: z.string() })),
  version: z.number().int(),
});
export type Partner = z.infer<typeof partnerSchema>;

export const partnerListInput = pageQuery.extend({
  q: text().trim().max(limits.searchMax).optional(),
  kind: partnerKind.optional(),
  centerId: z.uuid().optional(),
  service: cluster.optional(),
  includeInactive: z.boolean().optional(),
});
export type PartnerListInput = z.infer<typeof partnerListInput>;
export const partnerPage = pageOf(partnerSchema.omit({ members: true }));

export const partnerMemberInput = z.object({ userId: text().min(1).max(64) });
