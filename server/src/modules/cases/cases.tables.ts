import type { AssessmentInput, PlanInput, TerminationOutcomes } from '@atensi/domain';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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
