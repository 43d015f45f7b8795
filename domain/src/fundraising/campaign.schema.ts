import { z } from 'zod';
import { dateField, optionalDateField } from '../date-fields.ts';
import { limits } from '../limits.ts';
import { pageOf, pageQuery } from '../paging.ts';
import { consentGiver } from '../persons/person.schema.ts';
import { optionalText, text as plainText, requiredText } from '../text.ts';

/**
 * Penggalangan dana: crowdfunding campaigns, with the ministry's partner platform
 * kitabisa.com or another one, for a beneficiary who needs what the programme cannot pay
 * for (treatment of a severe illness, an assistive device, a house…). Money is integer
 * rupiah throughout; the raised amount changes only through dated updates, and what is
 * paid out to the beneficiary can never pass what was raised.
 */
export const campaignPlatforms = ['kitabisa', 'other'] as const;
export const campaignPlatform = z.enum(campaignPlatforms);
export type CampaignPlatform = z.infer<typeof campaignPlatform>;

export const campaignPurposes = [
  'medical',
  'assistive_device',
  'housing',
  'education',
  'business_capital',
  'other',
] as const;
export const campaignPurpose = z.enum(campaignPurposes);
export type CampaignPurpose = z.infer<typeof campaignPurpose>;

export const campaignStatuses = ['draft', 'active', 'closed', 'cancelled'] as const;
export const campaignStatus = z.enum(campaignStatuses);
export type CampaignStatus = z.infer<typeof campaignStatus>;

export const disbursementMethods = ['beneficiary_transfer', 'provider_payment', 'cash'] as const;
export const disbursementMethod = z.enum(disbursementMethods);
export type DisbursementMethod = z.infer<typeof disbursementMethod>;

export const campaignLimits = {
  titleMin: 10,
  titleMax: 150,
  storyMin: 50,
  storyMax: 10_000,
  urlMax: 500,
  /** One trillion rupiah: far above any campaign, well inside JavaScript's safe integers. */
  rupiahMax: 1_000_000_000_000,
} as const;

const text = requiredText;
const optionalDate = optionalDateField('planned');

/** Integer rupiah; never a float. */
export const rupiah = (min = 0) => z.number().int().min(min).max(campaignLimits.rupiahMax);

/** The campaign page on the platform: https only. */
export const campaignUrl = plainText()
  .trim()
  .max(campaignLimits.urlMax)
  .pipe(z.url({ protocol: /^https$/, hostname: z.regexes.domain }));

/**
 * What a worker writes about a campaign. `platformName` is required for `other` and
 * `endsOn` may not be before `startsOn`: those rules are in `campaignInputProblems`, shared
 * with the web, and the title and story go through `findPublicTextProblems` on the server.
 */
export const campaignFields = z.object({
  platform: campaignPlatform,
  platformName: optionalText(100),
  /** May wait until the platform has published the page; required to activate. */
  campaignUrl: z
    .union([campaignUrl, z.literal('')])
    .nullish()
    .transform((v) => (v ? v : null)),
  purpose: campaignPurpose,
  title: text(campaignLimits.titleMin, campaignLimits.titleMax),
  story: text(campaignLimits.storyMin, campaignLimits.storyMax),
  targetRupiah: rupiah(1),
  startsOn: optionalDate,
  endsOn: optionalDate,
});
export type CampaignFields = z.infer<typeof campaignFields>;

export const createCampaignInput = campaignFields.extend({ caseId: z.uuid() });
export type CreateCampaignInput = z.infer<typeof createCampaignInput>;

export const updateCampaignInput = campaignFields.extend({ version: z.number().int().min(1) });
export type UpdateCampaignInput = z.infer<typeof updateCampaignInput>;

/** The beneficiary's (or their parent's or guardian's) agreement to the publication. */
export const consentInput = z.object({
  /** The beneficiary, or their parent or guardian (the same choice as the registry's consent). */
  givenBy: consentGiver,
  giverName: text(2, limits.nameMax),
  consentedOn: dateField('event'),
  /** Publication of the story: required for any campaign. */
  publishStory: z.boolean(),
  /** Publication of photos of the beneficiary. */
  publishPhoto: z.boolean(),
  /** Number of the signed consent form, when there is one. */
  documentNumber: optionalText(100),
  version: z.number().int().min(1),
});
export type ConsentInput = z.infer<typeof consentInput>;

export const versionInput = z.object({ version: z.number().int().min(1) });
export type VersionInput = z.infer<typeof versionInput>;

/** A dated report of the platform's figure: the raised amount becomes `raisedRupiah`. */
export const raisedUpdateInput = z.object({
  reportedOn: dateField('event'),
  raisedRupiah: rupiah(0),
  note: text(3, 1000),
  version: z.number().int().min(1),
});
export type RaisedUpdateInput = z.infer<typeof raisedUpdateInput>;

/**
 * Money paid out to (or for) the beneficiary. No version: disbursements add up, and the
 * limit (never more than raised) is enforced under a row lock. `idempotencyKey`, made once
 * per form by the client, records a retried request once.
 */
export const disbursementInput = z.object({
  disbursedOn: dateField('event'),
  amountRupiah: rupiah(1),
  method: disbursementMethod,
  recipientName: text(2, limits.nameMax),
  /** Transfer receipt, invoice or receipt number. */
  proofNumber: text(1, 100),
  note: optionalText(1000),
  idempotencyKey: z.uuid(),
});
export type DisbursementInput = z.infer<typeof disbursementInput>;

/** Ends the campaign: `closed` after it ran, `cancelled` when it will not (nothing paid out yet). */
export const closeCampaignInput = z.object({
  outcome: z.enum(['closed', 'cancelled']),
  note: text(3, 1000),
  version: z.number().int().min(1),
});
export type CloseCampaignInput = z.infer<typeof closeCampaignInput>;

/** Search by title travels in the body, like every list. */
export const campaignListInput = pageQuery.extend({
  status: campaignStatus.optional(),
  platform: campaignPlatform.optional(),
  centerId: z.uuid().optional(),
  q: plainText().trim().max(limits.searchMax).optional(),
});
export type CampaignListInput = z.infer<typeof campaignListInput>;

export const campaignSummarySchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseNumber: z.string(),
  centerId: z.uuid(),
  centerName: z.string().nullable(),
  platform: campaignPlatform,
  platformName: z.string().nullable(),
  purpose: campaignPurpose,
  title: z.string(),
  status: campaignStatus,
  targetRupiah: z.number().int(),
  raisedRupiah: z.number().int(),
  disbursedRupiah: z.number().int(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;
export const campaignPage = pageOf(campaignSummarySchema);

export const consentSchema = z.object({
  givenBy: consentGiver,
  giverName: z.string(),
  consentedOn: z.string(),
  publishStory: z.boolean(),
  publishPhoto: z.boolean(),
  documentNumber: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});
export type Consent = z.infer<typeof consentSchema>;

export const raisedUpdateSchema = z.object({
  id: z.uuid(),
  reportedOn: z.string(),
  raisedRupiah: z.number().int(),
  previousRaisedRupiah: z.number().int(),
  note: z.string(),
  by: z.string().nullable(),
  at: z.string(),
});
export type RaisedUpdate = z.infer<typeof raisedUpdateSchema>;

export const disbursementSchema = z.object({
  id: z.uuid(),
  disbursedOn: z.string(),
  amountRupiah: z.number().int(),
  method: disbursementMethod,
  recipientName: z.string(),
  proofNumber: z.string(),
  note: z.string().nullable(),
  by: z.string().nullable(),
  at: z.string(),
});
export type Disbursement = z.infer<typeof disbursementSchema>;

export const campaignSchema = campaignSummarySchema.extend({
  campaignUrl: z.string().nullable(),
  story: z.string(),
  consent: consentSchema.nullable(),
  updates: z.array(raisedUpdateSchema),
  disbursements: z.array(disbursementSchema),
  activatedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closeNote: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  /** What the signed-in user may do with this campaign now (the server checks again). */
  can: z.object({ manage: z.boolean(), disburse: z.boolean() }),
});
export type Campaign = z.infer<typeof campaignSchema>;
