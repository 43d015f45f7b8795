import { z } from 'zod';
import { modality, urgency } from '../cases/components.ts';
import { checkReferralTarget, referralSchema, referralTargetFields } from '../cases/referral.schema.ts';
import { cluster } from '../clusters.ts';
import { birthYearField } from '../date-fields.ts';
import { limits } from '../limits.ts';
import { pageOf, pageQuery } from '../paging.ts';
import { regionCode } from '../regions/region.ts';
import { optionalText, requiredText, text } from '../text.ts';
import { ticketEventMessage } from './ticket-events.ts';

/**
 * SERASI (Sentra Layanan Sosial): the public desk. Anyone files a ticket without signing in
 * and follows it with a tracking code; desk officers of the centres covering the place
 * triage it within the SLA.
 */
export const ticketTypes = [
  'report_person',
  'help_request',
  'complaint_service',
  'complaint_aid',
  'question',
] as const;
export const ticketType = z.enum(ticketTypes);
export type TicketType = z.infer<typeof ticketType>;

/** For a report of a person in need: who was seen. */
export const reportedSubjects = [
  'odgj',
  'homeless',
  'abandoned_elder',
  'neglected_child',
  'disability',
  'trafficking_victim',
  'other',
] as const;
export const reportedSubject = z.enum(reportedSubjects);

/** For a complaint about aid: which programme. */
export const aidPrograms = ['pkh', 'bpnt', 'bpjs_pbi', 'atensi', 'other'] as const;
export const aidProgram = z.enum(aidPrograms);

export const ticketStatuses = ['new', 'in_progress', 'forwarded', 'closed'] as const;
export const ticketStatus = z.enum(ticketStatuses);
export type TicketStatus = z.infer<typeof ticketStatus>;

/** The photo travels base64-encoded in the JSON body; the server checks its real type by its bytes. */
export const photoMaxBytes = 3 * 1024 * 1024;
export const photoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** Version of the consent text the reporter accepted (the text itself is in the web's locale files). */
export const serasiConsentVersion = '2026-11';

export const fileTicketInput = z
  .object({
    type: ticketType,
    subject: reportedSubject.nullish().transform((v) => v ?? null),
    aidProgram: aidProgram.nullish().transform((v) => v ?? null),
    description: requiredText(20, 4000),
    /** Village where the person is or the matter happened. */
    regionCode,
    landmark: optionalText(300),
    anonymous: z.boolean(),
    reporterName: optionalText(200),
    /** Phone or e-mail, so the desk can call back. */
    reporterContact: optionalText(200),
    consentAccepted: z.literal(true, { message: 'validation.serasi_consent' }),
    consentVersion: text().max(20),
    photo: z
      .object({
        contentType: z.enum(photoTypes),
        dataBase64: text().max(Math.ceil((photoMaxBytes * 4) / 3) + 4),
      })
      .nullish()
      .transform((v) => v ?? null),
    /** From `GET /api/serasi/form`: proves a person loaded the form a few seconds earlier. */
    formToken: text().min(10).max(200),
    /** Left empty by people; filled by bots that fill every field. */
    website: text().max(200).optional(),
  })
  .superRefine((t, ctx) => {
    if (t.type === 'report_person' && !t.subject) {
      ctx.addIssue({ code: 'custom', path: ['subject'], message: 'validation.serasi_subject' });
    }
    if (t.type === 'complaint_aid' && !t.aidProgram) {
      ctx.addIssue({ code: 'custom', path: ['aidProgram'], message: 'validation.serasi_aid_program' });
    }
    if (!t.anonymous && !t.reporterName) {
      ctx.addIssue({ code: 'custom', path: ['reporterName'], message: 'validation.serasi_reporter' });
    }
    if (!t.anonymous && !t.reporterContact) {
      ctx.addIssue({ code: 'custom', path: ['reporterContact'], message: 'validation.serasi_reporter' });
    }
  });
export type FileTicketInput = z.infer<typeof fileTicketInput>;

/**
 * An incoming referral from another programme or agency (a PKH facilitator, a puskesmas, the
 * police, a village office) recorded by a desk officer: it becomes a ticket in the covering
 * desks' queue and is triaged into a case like any other.
 */
export const ticketSources = ['public', 'referral'] as const;
export const ticketSource = z.enum(ticketSources);

export const incomingReferralInput = z
  .object({
    fromAgency: requiredText(2, 200),
    letterNumber: optionalText(100),
    type: z.enum(['report_person', 'help_request']),
    subject: reportedSubject.nullish().transform((v) => v ?? null),
    description: requiredText(20, 4000),
    regionCode,
    landmark: optionalText(300),
    contactName: optionalText(200),
    contactPhone: optionalText(200),
  })
  .superRefine((t, ctx) => {
    if (t.type === 'report_person' && !t.subject) {
      ctx.addIssue({ code: 'custom', path: ['subject'], message: 'validation.serasi_subject' });
    }
  });
export type IncomingReferralInput = z.infer<typeof incomingReferralInput>;

export const serasiFormSchema = z.object({ formToken: z.string(), consentVersion: z.string() });

export const filedTicketSchema = z.object({ code: z.string(), firstResponseDueAt: z.string() });

export const ticketEventKinds = [
  'filed',
  'assigned',
  'public_answer',
  'internal_note',
  'case_opened',
  'case_linked',
  'forwarded',
  'referral_updated',
  'escalated',
  'closed',
] as const;
export const ticketEventKind = z.enum(ticketEventKinds);

/** What `/lacak/<code>` shows: status and public answers; never the description, the people or internal notes. */
export const trackedTicketSchema = z.object({
  code: z.string(),
  type: ticketType,
  status: ticketStatus,
  filedAt: z.string(),
  /** Regency/city name only. */
  area: z.string(),
  answers: z.array(
    z.object({
      at: z.string(),
      kind: ticketEventKind,
      /** As stored (Indonesian for the server's own texts; officers' answers as written). */
      text: z.string(),
      /** For the server's own texts: what to word in the reader's language; null for officers' words. */
      message: ticketEventMessage.nullable(),
    }),
  ),
  closedAt: z.string().nullable(),
});
export type TrackedTicket = z.infer<typeof trackedTicketSchema>;

export const ticketSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  type: ticketType,
  subject: reportedSubject.nullable(),
  status: ticketStatus,
  regionCode: z.string(),
  /** Village, district, regency. */
  place: z.string(),
  centerId: z.uuid().nullable(),
  centerName: z.string().nullable(),
  filedAt: z.string(),
  firstResponseDueAt: z.string(),
  resolutionDueAt: z.string(),
  firstRespondedAt: z.string().nullable(),
  /** Computed at read time against the clock. */
  overdue: z.boolean(),
  /** 0 none, 1 centre head, 2 central staff. */
  escalationLevel: z.number().int().min(0).max(2),
  caseId: z.uuid().nullable(),
  source: ticketSource,
  version: z.number().int(),
});
export type TicketSummary = z.infer<typeof ticketSummarySchema>;

export const ticketSchema = ticketSummarySchema.extend({
  aidProgram: aidProgram.nullable(),
  description: z.string(),
  landmark: z.string().nullable(),
  anonymous: z.boolean(),
  reporterName: z.string().nullable(),
  reporterContact: z.string().nullable(),
  hasPhoto: z.boolean(),
  /** For an incoming referral: who referred, and their letter. */
  referredBy: z.string().nullable(),
  referralLetter: z.string().nullable(),
  closedAt: z.string().nullable(),
  personId: z.uuid().nullable(),
  caseNumber: z.string().nullable(),
  timeline: z.array(
    z.object({
      at: z.string(),
      kind: ticketEventKind,
      public: z.boolean(),
      by: z.string().nullable(),
      text: z.string(),
      message: ticketEventMessage.nullable(),
    }),
  ),
  /** Referrals made by forwarding this ticket (to a programme, agency, LKS…), with their status. */
  referrals: z.array(referralSchema),
  /** Covering centres ranked by the routing rule, for assignment. */
  suggestedCenters: z.array(z.object({ centerId: z.uuid(), centerName: z.string() })),
  can: z.object({ triage: z.boolean() }),
});
export type Ticket = z.infer<typeof ticketSchema>;

export const ticketListInput = pageQuery.extend({
  /**
   * Tracking code (`SRS-…`, exact), or words of the description, the landmark or the place
   * (village, district or regency name). Travels in the POST body: it may hold personal words.
   */
  q: text().trim().max(limits.searchMax).optional(),
  type: ticketType.optional(),
  status: ticketStatus.optional(),
  overdue: z.boolean().optional(),
  escalated: z.boolean().optional(),
  /** One centre's queue: tickets assigned to it, and unassigned ones in its coverage. */
  centerId: z.uuid().optional(),
});
export type TicketListInput = z.infer<typeof ticketListInput>;
export const ticketPage = pageOf(ticketSummarySchema);

const version = z.number().int().min(1);
const message = requiredText(5, 4000);

export const assignTicketInput = z.object({ centerId: z.uuid(), version });
export const ticketMessageInput = z.object({ text: message, version });
/**
 * Forwarding makes a tracked referral: to a programme (PKH, BPNT…), hospital, balai, LKS or
 * agency, with the reason the recipient reads and the text the reporter reads.
 */
export const forwardTicketInput = z
  .object({
    ...referralTargetFields,
    /** What the reporter reads on the tracking page. */
    publicText: message,
    version,
  })
  .superRefine(checkReferralTarget);
export type ForwardTicketInput = z.infer<typeof forwardTicketInput>;
export const closeTicketInput = z.object({ publicText: message, version });
/** The case by its id (picked from a case search) or by its number (typed by a desk officer, who cannot list cases). */
export const linkTicketInput = z
  .object({
    caseId: z
      .uuid()
      .nullish()
      .transform((v) => v ?? null),
    caseNumber: text()
      .trim()
      .max(60)
      .nullish()
      .transform((v) => (v ? v.toUpperCase() : null)),
    version,
  })
  .superRefine((l, ctx) => {
    if (!l.caseId && !l.caseNumber) {
      ctx.addIssue({ code: 'custom', path: ['caseNumber'], message: 'validation.serasi_case' });
    }
  });
export type LinkTicketInput = z.infer<typeof linkTicketInput>;

/** Open a case from the ticket: an existing person, or a quick registration (no NIK needed). */
export const openCaseFromTicketInput = z.object({
  version,
  person: z.union([
    z.object({ personId: z.uuid() }),
    z.object({
      fullName: requiredText(2, 200),
      sex: z.enum(['male', 'female']),
      /** Guessed by the officer when nobody knows the date of birth. */
      birthYearEstimate: birthYearField(),
    }),
  ]),
  centerId: z.uuid(),
  assignedWorkerId: text().min(1).max(64),
  clusters: z.array(cluster).min(1).max(8),
  urgency,
  modality,
  problem: requiredText(1, 4000),
});
export type OpenCaseFromTicketInput = z.infer<typeof openCaseFromTicketInput>;

/** Service levels per ticket type, in hours (configurable by the administrator). */
export const slaSchema = z.object({
  type: ticketType,
  firstResponseHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
  resolutionHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 365),
});
export type Sla = z.infer<typeof slaSchema>;
export const defaultSla: Record<TicketType, { firstResponseHours: number; resolutionHours: number }> = {
  report_person: { firstResponseHours: 24, resolutionHours: 72 },
  help_request: { firstResponseHours: 24, resolutionHours: 168 },
  complaint_service: { firstResponseHours: 24, resolutionHours: 336 },
  complaint_aid: { firstResponseHours: 24, resolutionHours: 336 },
  question: { firstResponseHours: 24, resolutionHours: 72 },
};
export const updateSlaInput = z.object({ items: z.array(slaSchema).min(1).max(ticketTypes.length) });

/** Escalation: past a due time → the centre head; a further day past it → central staff. */
export const escalationGraceHours = 24;
export const escalationLevelAt = (
  t: {
    firstResponseDueAt: Date;
    resolutionDueAt: Date;
    firstRespondedAt: Date | null;
    closedAt: Date | null;
  },
  now: Date,
): 0 | 1 | 2 => {
  if (t.closedAt) return 0;
  const breaches = [t.resolutionDueAt, ...(t.firstRespondedAt ? [] : [t.firstResponseDueAt])];
  const breachedAt = breaches
    .filter((d) => d.getTime() < now.getTime())
    .sort((a, b) => a.getTime() - b.getTime())[0];
  if (!breachedAt) return 0;
  return now.getTime() - breachedAt.getTime() > escalationGraceHours * 3_600_000 ? 2 : 1;
};

export const deskMetricsSchema = z.object({
  byTypeAndStatus: z.array(z.object({ type: ticketType, status: ticketStatus, count: z.number().int() })),
  /** Tickets whose first response is due or given: share answered in time (null when none). */
  slaCompliancePercent: z.number().nullable(),
  medianFirstResponseHours: z.number().nullable(),
  open: z.number().int(),
  overdue: z.number().int(),
});
export type DeskMetrics = z.infer<typeof deskMetricsSchema>;
