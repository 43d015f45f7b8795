import type { AssessmentInput, PlanInput, TerminationOutcomes } from '@atensi/domain';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.tables.ts';
import { centers } from '../centers/centers.tables.ts';
import { partners } from '../partners/partners.tables.ts';
import { persons } from '../persons/persons.tables.ts';

/** One episode of ATENSI service for one person at one centre. */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey(),
    /** ATN-<year>-<centre code>-<seq>, numbered per centre and year. */
    number: text('number').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    clusters: text('clusters').array().notNull(),
    childSpecialProtection: boolean('child_special_protection').notNull().default(false),
    /** Derived from clusters at every write; stored because every read is filtered by it. */
    sensitive: boolean('sensitive').notNull(),
    intakeChannel: text('intake_channel').notNull(),
    intakeReference: text('intake_reference'),
    problem: text('problem').notNull(),
    urgency: text('urgency').notNull(),
    modality: text('modality').notNull(),
    assignedWorkerId: text('assigned_worker_id')
      .notNull()
      .references(() => users.id),
    stage: text('stage').notNull(),
    /** The working stage a closure request came from, to return to when the head rejects it. */
    previousStage: text('previous_stage'),
    /** Centre a transfer request is waiting at (its head may read the case to decide). */
    transferToCenterId: uuid('transfer_to_center_id').references(() => centers.id),
    recommendedCenterId: uuid('recommended_center_id'),
    overrideReason: text('override_reason'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    firstServiceAt: timestamp('first_service_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cases_number_idx').on(t.number),
    index('cases_center_stage_idx').on(t.centerId, t.stage, t.openedAt),
    index('cases_worker_idx').on(t.assignedWorkerId, t.stage),
    index('cases_person_idx').on(t.personId),
    index('cases_transfer_to_idx').on(t.transferToCenterId).where(sql`${t.transferToCenterId} is not null`),
  ],
);

/** Last case number given per centre and year (row-locked while numbering). */
export const caseCounters = pgTable(
  'case_counters',
  {
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    year: smallint('year').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.centerId, t.year] })],
);

/** The case timeline: every stage change, assessment, plan and service. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    kind: text('kind').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    summary: text('summary').notNull(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.at)],
);

export const caseAssessments = pgTable(
  'case_assessments',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    needs: jsonb('needs').$type<AssessmentInput['needs']>().notNull(),
    riskLevel: text('risk_level').notNull(),
    narrative: text('narrative').notNull(),
    assessedOn: date('assessed_on').notNull(),
    assessorId: text('assessor_id'),
    assessorName: text('assessor_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_assessments_case_idx').on(t.caseId, t.createdAt)],
);

export const casePlans = pgTable(
  'case_plans',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    goals: jsonb('goals').$type<PlanInput['goals']>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_plans_case_idx').on(t.caseId, t.createdAt)],
);

export const caseServices = pgTable(
  'case_services',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    component: text('component').notNull(),
    serviceType: text('service_type').notNull(),
    deliveredOn: date('delivered_on').notNull(),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull(),
    valueRupiah: bigint('value_rupiah', { mode: 'number' }).notNull(),
    providerKind: text('provider_kind').notNull(),
    providerName: text('provider_name'),
    recordedBy: text('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_services_case_idx').on(t.caseId, t.deliveredOn)],
);

export const caseOutcomes = pgTable('case_outcomes', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id),
  outcomes: jsonb('outcomes').$type<TerminationOutcomes>().notNull(),
  approvedBy: text('approved_by'),
  approvedAt: timestamp('approved_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/** Residential placement of a case at a balai: holds one bed until it ends. */
export const casePlacements = pgTable(
  'case_placements',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
  },
  (t) => [
    // One open placement per case.
    uniqueIndex('case_placements_open_idx').on(t.caseId).where(sql`${t.endedAt} is null`),
    index('case_placements_center_idx').on(t.centerId, t.endedAt),
  ],
);

/** Requests to move a case to another centre, and the receiving head's decision. */
export const caseTransfers = pgTable(
  'case_transfers',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    fromCenterId: uuid('from_center_id')
      .notNull()
      .references(() => centers.id),
    toCenterId: uuid('to_center_id')
      .notNull()
      .references(() => centers.id),
    reason: text('reason').notNull(),
    status: text('status').notNull(),
    requestedById: text('requested_by_id'),
    requestedByName: text('requested_by_name'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedById: text('decided_by_id'),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
  },
  (t) => [
    // One transfer waiting per case.
    uniqueIndex('case_transfers_pending_idx').on(t.caseId).where(sql`${t.status} = 'pending'`),
    index('case_transfers_case_idx').on(t.caseId, t.requestedAt),
  ],
);

/** Bimbingan lanjut: visits after closure. */
export const caseFollowUps = pgTable(
  'case_follow_ups',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    visitedOn: date('visited_on').notNull(),
    method: text('method').notNull(),
    condition: text('condition').notNull(),
    notes: text('notes').notNull(),
    nextVisitOn: date('next_visit_on'),
    recordedById: text('recorded_by_id'),
    recordedByName: text('recorded_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_follow_ups_case_idx').on(t.caseId, t.visitedOn)],
);

/** Rujukan keluar: a case referred to another programme, hospital, balai, LKS or agency. */
export const caseReferrals = pgTable(
  'case_referrals',
  {
    id: uuid('id').primaryKey(),
    /** Null for a SERASI ticket forwarded before any case was opened (decision 0015). */
    caseId: uuid('case_id').references(() => cases.id),
    /**
     * The SERASI ticket it was forwarded from. No foreign key: the tickets table belongs to the
     * serasi module, which builds on this one; the serasi service writes both in one transaction.
     */
    ticketId: uuid('ticket_id'),
    ticketCode: text('ticket_code'),
    /** Sending centre of a referral without a case (a case's referral goes from the case's centre). */
    centerId: uuid('center_id').references(() => centers.id),
    target: text('target').notNull(),
    /** The LKS referred to; its staff see the case while the referral is open. */
    partnerId: uuid('partner_id').references(() => partners.id),
    targetCenterId: uuid('target_center_id').references(() => centers.id),
    targetName: text('target_name').notNull(),
    reason: text('reason').notNull(),
    letterNumber: text('letter_number'),
    status: text('status').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    sentById: text('sent_by_id'),
    sentByName: text('sent_by_name'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    responseNote: text('response_note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('case_referrals_case_idx').on(t.caseId, t.sentAt),
    index('case_referrals_partner_idx').on(t.partnerId, t.status),
    index('case_referrals_ticket_idx').on(t.ticketId),
    index('case_referrals_center_idx').on(t.centerId, t.sentAt),
    check(
      'case_referrals_source',
      sql`${t.caseId} is not null or (${t.ticketId} is not null and ${t.centerId} is not null)`,
    ),
  ],
);
