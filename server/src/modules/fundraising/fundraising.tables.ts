import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { cases } from '../cases/cases.tables.ts';

/**
 * A crowdfunding campaign for the beneficiary of one case. Who may see or change it is the
 * case's rule (case-visibility.ts), so the campaign keeps no centre of its own: a transferred
 * case takes its campaigns along. The consent to publication lives on the row (its history
 * is in the audit log); raised and disbursed totals are kept here, their entries below.
 */
export const fundraisingCampaigns = pgTable(
  'fundraising_campaigns',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    platform: text('platform').notNull(),
    platformName: text('platform_name'),
    campaignUrl: text('campaign_url'),
    purpose: text('purpose').notNull(),
    /** Public text, shown on the platform: checked for identifying and sensitive content. */
    title: text('title').notNull(),
    story: text('story').notNull(),
    targetRupiah: bigint('target_rupiah', { mode: 'number' }).notNull(),
    /** The platform's latest figure, set only through `fundraising_updates`. */
    raisedRupiah: bigint('raised_rupiah', { mode: 'number' }).notNull().default(0),
    /** Sum of `fundraising_disbursements`, never above `raisedRupiah`. */
    disbursedRupiah: bigint('disbursed_rupiah', { mode: 'number' }).notNull().default(0),
    status: text('status').notNull(),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    consentGivenBy: text('consent_given_by'),
    consentGiverName: text('consent_giver_name'),
    consentedOn: date('consented_on'),
    consentPublishStory: boolean('consent_publish_story'),
    consentPublishPhoto: boolean('consent_publish_photo'),
    consentDocumentNumber: text('consent_document_number'),
    consentRecordedBy: text('consent_recorded_by'),
    consentRecordedAt: timestamp('consent_recorded_at', { withTimezone: true }),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closeNote: text('close_note'),
    createdById: text('created_by_id'),
    createdByName: text('created_by_name'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('fundraising_campaigns_case_idx').on(t.caseId, t.createdAt),
    index('fundraising_campaigns_status_idx').on(t.status, t.createdAt),
    index('fundraising_campaigns_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
    check(
      'fundraising_campaigns_amounts',
      sql`${t.targetRupiah} > 0 AND ${t.raisedRupiah} >= 0 AND ${t.disbursedRupiah} >= 0 AND ${t.disbursedRupiah} <= ${t.raisedRupiah}`,
    ),
  ],
);

/** Dated reports of the platform's figure: the raised amount's history, with who entered it. */
export const fundraisingUpdates = pgTable(
  'fundraising_updates',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => fundraisingCampaigns.id),
    reportedOn: date('reported_on').notNull(),
    raisedRupiah: bigint('raised_rupiah', { mode: 'number' }).notNull(),
    previousRaisedRupiah: bigint('previous_raised_rupiah', { mode: 'number' }).notNull(),
    note: text('note').notNull(),
    byId: text('by_id'),
    byName: text('by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('fundraising_updates_campaign_idx').on(t.campaignId, t.createdAt)],
);

/** Money paid out to or for the beneficiary; a retried request (same key) is recorded once. */
export const fundraisingDisbursements = pgTable(
  'fundraising_disbursements',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => fundraisingCampaigns.id),
    disbursedOn: date('disbursed_on').notNull(),
    amountRupiah: bigint('amount_rupiah', { mode: 'number' }).notNull(),
    method: text('method').notNull(),
    recipientName: text('recipient_name').notNull(),
    proofNumber: text('proof_number').notNull(),
    note: text('note'),
    idempotencyKey: uuid('idempotency_key').notNull(),
    byId: text('by_id'),
    byName: text('by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('fundraising_disbursements_key_idx').on(t.campaignId, t.idempotencyKey),
    index('fundraising_disbursements_campaign_idx').on(t.campaignId, t.createdAt),
    check('fundraising_disbursements_positive', sql`${t.amountRupiah} > 0`),
  ],
);
