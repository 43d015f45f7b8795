import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cases } from '../cases/cases.tables.ts';
import { centers } from '../centers/centers.tables.ts';
import { persons } from '../persons/persons.tables.ts';

/** Temporary shelters (TPS), often a sports hall (GOR), run by a balai. */
export const shelters = pgTable(
  'shelters',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    regionCode: text('region_code').notNull(),
    address: text('address'),
    capacity: integer('capacity').notNull(),
    openedOn: date('opened_on').notNull(),
    closedOn: date('closed_on'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('shelters_center_idx').on(t.centerId)],
);

/** One outreach run: the team, when and where. */
export const outreachRuns = pgTable(
  'outreach_runs',
  {
    id: uuid('id').primaryKey(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    team: text('team').notNull(),
    date: date('date').notNull(),
    place: text('place').notNull(),
    regionCode: text('region_code').notNull(),
    notes: text('notes'),
    recordedById: text('recorded_by_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('outreach_runs_center_idx').on(t.centerId, t.date)],
);

/** The people a run found, each with the case opened for them. */
export const outreachFinds = pgTable(
  'outreach_finds',
  {
    id: uuid('id').primaryKey(),
    runId: uuid('run_id')
      .notNull()
      .references(() => outreachRuns.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
  },
  (t) => [index('outreach_finds_run_idx').on(t.runId)],
);

/**
 * Where a person stays, with dates: a shelter, an LKS, the case's balai, or home. One open
 * stay per case; a move ends it and opens the next.
 */
export const stays = pgTable(
  'stays',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    shelterId: uuid('shelter_id').references(() => shelters.id),
    partnerId: uuid('partner_id'),
    centerId: uuid('center_id').references(() => centers.id),
    startedOn: date('started_on').notNull(),
    endedOn: date('ended_on'),
    note: text('note'),
    recordedById: text('recorded_by_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('stays_open_idx').on(t.caseId).where(sql`${t.endedOn} is null`),
    index('stays_shelter_idx').on(t.shelterId).where(sql`${t.endedOn} is null`),
    index('stays_partner_idx').on(t.partnerId).where(sql`${t.endedOn} is null`),
  ],
);
