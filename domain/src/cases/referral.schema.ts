import { z } from 'zod';
import { limits } from '../limits.ts';
import { pageOf, pageQuery } from '../paging.ts';
import { optionalText, requiredText, text } from '../text.ts';

/**
 * Rujukan: a case referred out to another programme (PKH, BPNT, KUBE, Prokus, BPJS PBI),
 * a hospital or mental hospital (RSJ), another balai, an LKS partner or another agency.
 */
export const referralTargets = [
  'pkh',
  'bpnt',
  'kube',
  'prokus',
  'bpjs_pbi',
  'hospital',
  'mental_hospital',
  'other_center',
  'partner',
  'other_agency',
] as const;
export const referralTarget = z.enum(referralTargets);
export type ReferralTarget = z.infer<typeof referralTarget>;

export const referralStatuses = ['sent', 'accepted', 'rejected', 'completed', 'cancelled'] as const;
export const referralStatus = z.enum(referralStatuses);
export type ReferralStatus = z.infer<typeof referralStatus>;

/** Open referrals: the receiving side is still deciding or serving. */
export const openReferralStatuses = ['sent', 'accepted'] as const satisfies readonly ReferralStatus[];

const moves: Record<ReferralStatus, readonly ReferralStatus[]> = {
  sent: ['accepted', 'rejected', 'cancelled'],
  accepted: ['completed', 'cancelled'],
  rejected: [],
  completed: [],
  cancelled: [],
};

/** Who answers: the receiving partner decides for itself; the case side records answers of programmes without users, and may cancel. */
export const canMoveReferral = (
  from: ReferralStatus,
  to: ReferralStatus,
  side: 'case' | 'partner',
): boolean => moves[from].includes(to) && (side === 'case' || to !== 'cancelled');

/** Where a referral goes: the programme, hospital, balai, LKS or agency (shared by cases and SERASI forwarding). */
export const referralTargetFields = {
  target: referralTarget,
  partnerId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  targetCenterId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  /** Name of the hospital, agency or office (filled from the partner or centre when those are chosen). */
  targetName: optionalText(200),
  reason: requiredText(10, 2000),
  letterNumber: optionalText(100),
};

/** The partner, centre or name the chosen target needs, each reported on its own field. */
export const checkReferralTarget = (
  r: {
    target: ReferralTarget;
    partnerId: string | null;
    targetCenterId: string | null;
    targetName: string | null;
  },
  ctx: z.RefinementCtx,
) => {
  if (r.target === 'partner' && !r.partnerId) {
    ctx.addIssue({ code: 'custom', path: ['partnerId'], message: 'validation.referral_partner' });
  }
  if (r.target === 'other_center' && !r.targetCenterId) {
    ctx.addIssue({ code: 'custom', path: ['targetCenterId'], message: 'validation.referral_center' });
  }
  if (['hospital', 'mental_hospital', 'other_agency'].includes(r.target) && !r.targetName) {
    ctx.addIssue({ code: 'custom', path: ['targetName'], message: 'validation.referral_name' });
  }
};

export const createReferralInput = z.object(referralTargetFields).superRefine(checkReferralTarget);
export type CreateReferralInput = z.infer<typeof createReferralInput>;

export const referralStatusInput = z.object({
  status: z.enum(['accepted', 'rejected', 'completed', 'cancelled']),
  note: optionalText(2000),
  version: z.number().int().min(1),
});
export type ReferralStatusInput = z.infer<typeof referralStatusInput>;

export const referralSchema = z.object({
  id: z.uuid(),
  /** Null for a SERASI ticket forwarded before any case was opened. */
  caseId: z.uuid().nullable(),
  caseNumber: z.string().nullable(),
  /** The SERASI ticket the referral was forwarded from, if any. */
  ticketId: z.uuid().nullable(),
  ticketCode: z.string().nullable(),
  /** The sending centre: the case's, or the desk's that forwarded the ticket. */
  centerId: z.uuid(),
  target: referralTarget,
  partnerId: z.uuid().nullable(),
  targetCenterId: z.uuid().nullable(),
  targetName: z.string(),
  reason: z.string(),
  letterNumber: z.string().nullable(),
  status: referralStatus,
  sentAt: z.string(),
  sentByName: z.string().nullable(),
  answeredAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  responseNote: z.string().nullable(),
  version: z.number().int(),
});
export type Referral = z.infer<typeof referralSchema>;

export const referralListInput = pageQuery.extend({
  /** `incoming`: to the partner institutions of the user; `outgoing`: from cases the user sees. */
  direction: z.enum(['incoming', 'outgoing']),
  status: referralStatus.optional(),
  target: referralTarget.optional(),
  /** Part of the case number, the receiving institution's name or the letter number (in the POST body, never a URL). */
  q: text().trim().max(limits.searchMax).optional(),
});
export type ReferralListInput = z.infer<typeof referralListInput>;
export const referralPage = pageOf(referralSchema.extend({ personName: z.string(), caseOpen: z.boolean() }));
