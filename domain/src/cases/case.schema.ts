import { z } from 'zod';
import { cluster } from '../clusters.ts';
import { dateField } from '../date-fields.ts';
import { limits } from '../limits.ts';
import { pageOf, pageQuery } from '../paging.ts';
import { requiredText, text } from '../text.ts';
import { caseEventMessage } from './case-events.ts';
import { intakeChannel, modality, serviceComponent, serviceComponents, urgency } from './components.ts';
import { followUpSchema } from './follow-up.schema.ts';
import { referralSchema } from './referral.schema.ts';
import { caseStage } from './stages.ts';
import { transferSchema } from './transfer.schema.ts';

export const riskLevels = ['low', 'medium', 'high'] as const;
export const riskLevel = z.enum(riskLevels);
export type RiskLevel = z.infer<typeof riskLevel>;

export const providerKinds = ['this_center', 'other_center', 'partner'] as const;
export const providerKind = z.enum(providerKinds);

const textOf = (max: number) => requiredText(1, max);
/** Optional text kept as typed (trimmed), null when absent. */
const optionalTrimmed = (max: number) =>
  text()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v ?? null);

const sixteenDigits = z
  .string()
  .trim()
  .regex(/^\d{16}$/, 'validation.sixteen_digits');

/**
 * Proof that the worker has the person in front of them: the NIK or the KK number from their
 * KTP or family card, matching the record exactly. Needed to open a case for a person the
 * opening centre does not see yet (registered and served elsewhere, decision 0017).
 */
export const identityProof = z
  .object({ nik: sixteenDigits.optional(), kkNumber: sixteenDigits.optional() })
  .superRefine((p, ctx) => {
    if (Boolean(p.nik) === Boolean(p.kkNumber)) {
      ctx.addIssue({ code: 'custom', path: ['nik'], message: 'validation.identity_proof_one' });
    }
  });
export type IdentityProof = z.infer<typeof identityProof>;

export const createCaseInput = z
  .object({
    personId: z.uuid(),
    /** Only for a person registered and served elsewhere; see `identityProof`. */
    identityProof: identityProof.nullish().transform((v) => v ?? null),
    centerId: z.uuid(),
    clusters: z.array(cluster).min(1).max(8),
    /** Children in special protection (AMPK): makes the case sensitive whatever the cluster. */
    childSpecialProtection: z.boolean().default(false),
    intakeChannel,
    /** SERASI ticket code, referral letter number, directive… */
    intakeReference: optionalTrimmed(100),
    problem: textOf(4000),
    urgency,
    modality,
    assignedWorkerId: text().min(1).max(64),
    /** The centre Atensi ranked first; choosing another one needs `overrideReason`. */
    recommendedCenterId: z
      .uuid()
      .nullish()
      .transform((v) => v ?? null),
    overrideReason: optionalTrimmed(1000),
  })
  .superRefine((c, ctx) => {
    if (c.recommendedCenterId && c.recommendedCenterId !== c.centerId && !c.overrideReason) {
      ctx.addIssue({ code: 'custom', path: ['overrideReason'], message: 'validation.override_reason' });
    }
  });
export type CreateCaseInput = z.infer<typeof createCaseInput>;

export const changeStageInput = z.object({
  to: caseStage,
  note: optionalTrimmed(2000),
  version: z.number().int().min(1),
});
export type ChangeStageInput = z.infer<typeof changeStageInput>;

/** The ministry's outcome measures, recorded when the head approves closure. */
export const terminationOutcomes = z.object({
  basicNeedsMet: z.boolean(),
  ownIncome: z.boolean(),
  mobilityImproved: z.boolean(),
  familyCanCare: z.boolean(),
  /** Services complete ("tuntas"). */
  servicesComplete: z.boolean(),
  summary: textOf(4000),
});
export type TerminationOutcomes = z.infer<typeof terminationOutcomes>;

export const approveClosureInput = z.object({
  version: z.number().int().min(1),
  outcomes: terminationOutcomes,
});

export const assessmentInput = z.object({
  /** Need per ATENSI component: 0 none … 3 severe. Every component is scored. */
  needs: z.object(
    Object.fromEntries(serviceComponents.map((c) => [c, z.number().int().min(0).max(3)])) as Record<
      (typeof serviceComponents)[number],
      z.ZodNumber
    >,
  ),
  riskLevel,
  narrative: textOf(8000),
  assessedOn: dateField('event'),
});
export type AssessmentInput = z.infer<typeof assessmentInput>;

export const planInput = z.object({
  goals: z
    .array(
      z.object({
        component: serviceComponent,
        goal: textOf(1000),
        plannedServices: textOf(2000),
        targetDate: dateField('planned'),
      }),
    )
    .min(1)
    .max(30),
});
export type PlanInput = z.infer<typeof planInput>;

export const referralLetterInput = z.object({
  /** Letter number as the centre's registry gives it. */
  letterNumber: requiredText(1, 100),
  recipient: requiredText(3, 300),
  purpose: requiredText(5, 2000),
});
export type ReferralLetterInput = z.infer<typeof referralLetterInput>;

/** The most rows one export may hold: narrow the filters beyond that. */
export const caseExportMax = 5000;

export const endPlacementInput = z.object({ reason: requiredText(3, 500) });

export const serviceRecordInput = z.object({
  component: serviceComponent,
  serviceType: textOf(200),
  deliveredOn: dateField('event'),
  description: textOf(4000),
  quantity: z.number().int().min(1).max(1_000_000).default(1),
  /** Integer rupiah; never a float. */
  valueRupiah: z.number().int().min(0).max(1_000_000_000_000),
  providerKind,
  providerName: optionalTrimmed(200),
});
export type ServiceRecordInput = z.infer<typeof serviceRecordInput>;

export const caseSummarySchema = z.object({
  id: z.uuid(),
  number: z.string(),
  personId: z.uuid(),
  personName: z.string(),
  nikMasked: z.string().nullable(),
  centerId: z.uuid(),
  clusters: z.array(cluster),
  sensitive: z.boolean(),
  stage: caseStage,
  urgency,
  modality,
  assignedWorkerId: z.string(),
  assignedWorkerName: z.string().nullable(),
  openedAt: z.string(),
  firstServiceAt: z.string().nullable(),
  /** Hours from intake to the first service, when there was one. */
  responseHours: z.number().nullable(),
  version: z.number().int(),
  /** Centre a transfer is waiting at, if any. */
  transferToCenterId: z.uuid().nullable(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const timelineEntrySchema = z.object({
  at: z.string(),
  kind: z.enum([
    'opened',
    'stage',
    'assessment',
    'plan',
    'service',
    'placement',
    'placement_ended',
    'closure_requested',
    'closure_approved',
    'closure_rejected',
    'transfer_requested',
    'transfer_accepted',
    'transfer_rejected',
    'transfer_cancelled',
    'reassigned',
    'follow_up_visit',
    'referral_sent',
    'referral_updated',
  ]),
  by: z.string().nullable(),
  /** The stored Indonesian sentence. */
  summary: z.string(),
  /** The sentence as a template code and parameters, for the reader's language; null for free text. */
  message: caseEventMessage.nullable(),
});

export const caseSchema = caseSummarySchema.extend({
  childSpecialProtection: z.boolean(),
  intakeChannel,
  intakeReference: z.string().nullable(),
  problem: z.string(),
  previousStage: caseStage.nullable(),
  recommendedCenterId: z.uuid().nullable(),
  overrideReason: z.string().nullable(),
  // As stored: an answer is never refused because a date has since left a form's bounds.
  assessment: assessmentInput
    .extend({ narrative: z.string(), assessedOn: z.string(), assessorName: z.string().nullable() })
    .nullable(),
  plan: z
    .object({
      goals: z.array(
        z.object({
          component: serviceComponent,
          goal: z.string(),
          plannedServices: z.string(),
          targetDate: z.string(),
        }),
      ),
    })
    .nullable(),
  services: z.array(
    z.object({
      id: z.uuid(),
      component: serviceComponent,
      serviceType: z.string(),
      deliveredOn: z.string(),
      description: z.string(),
      quantity: z.number().int(),
      valueRupiah: z.number().int(),
      providerKind,
      providerName: z.string().nullable(),
      recordedBy: z.string().nullable(),
    }),
  ),
  outcomes: terminationOutcomes.nullable(),
  /** The open residential placement (a bed at a balai), if any. */
  placement: z.object({ centerId: z.uuid(), startedAt: z.string() }).nullable(),
  closedAt: z.string().nullable(),
  timeline: z.array(timelineEntrySchema),
  allowedNextStages: z.array(caseStage),
  /** The transfer waiting for the receiving head, if any. */
  pendingTransfer: transferSchema.nullable(),
  transfers: z.array(transferSchema),
  followUps: z.array(followUpSchema),
  referrals: z.array(referralSchema),
  /** What the signed-in user may do with this case now (the server checks again). */
  can: z.object({
    work: z.boolean(),
    requestTransfer: z.boolean(),
    decideTransfer: z.boolean(),
    reassign: z.boolean(),
    recordFollowUp: z.boolean(),
    refer: z.boolean(),
    /** The signed-in partner may answer these referrals (to their institution). */
    answerReferralIds: z.array(z.uuid()),
  }),
});
export type Case = z.infer<typeof caseSchema>;

/** Search travels in the body (names, NIKs, case numbers stay out of URLs). */
export const caseListInput = pageQuery.extend({
  view: z.enum(['mine', 'center']).default('mine'),
  centerId: z.uuid().optional(),
  q: text().trim().max(limits.searchMax).optional(),
  stage: caseStage.optional(),
  cluster: cluster.optional(),
  urgency: urgency.optional(),
  assignedWorkerId: text().max(64).optional(),
  /** Open cases with no service within this many days of intake. */
  overdue: z.boolean().optional(),
  /** Transfers waiting: into the viewer's centres (`incoming`) or out of them (`outgoing`). */
  transfer: z.enum(['incoming', 'outgoing']).optional(),
});
export type CaseListInput = z.infer<typeof caseListInput>;
export const casePage = pageOf(caseSummarySchema);

export const routingQuery = z.object({
  regionCode: requiredText(2, 20),
  modality,
  /** Where the person was found (outreach GPS), when known: ranks by distance too. */
  latitude: z.number().min(-11.5).max(6.5).nullish(),
  longitude: z.number().min(94).max(141.5).nullish(),
});
export const recommendationSchema = z.object({
  centerId: z.uuid(),
  centerName: z.string(),
  score: z.number(),
  distanceKm: z.number().nullable(),
  reasons: z.array(z.object({ code: z.string(), value: z.number().optional() })),
  specialtyClusters: z.array(cluster),
});

/** Intake → first service, per centre (aggregates only: no person is named). */
export const responseTimeSchema = z.object({
  centerId: z.uuid(),
  centerName: z.string(),
  cases: z.number().int(),
  served: z.number().int(),
  /** Open cases still waiting for a first service. */
  waiting: z.number().int(),
  medianHours: z.number().nullable(),
  p90Hours: z.number().nullable(),
});
export type ResponseTime = z.infer<typeof responseTimeSchema>;
