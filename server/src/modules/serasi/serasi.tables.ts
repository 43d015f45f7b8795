import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { cases } from '../cases/cases.tables.ts';
import { centers } from '../centers/centers.tables.ts';
import { persons } from '../persons/persons.tables.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/** A SERASI ticket filed by the public. */
export const serasiTickets = pgTable(
  'serasi_tickets',
  {
    id: uuid('id').primaryKey(),
    /** Tracking code given to the reporter (random, not guessable). */
    code: text('code').notNull(),
    type: text('type').notNull(),
    subject: text('subject'),
    aidProgram: text('aid_program'),
    description: text('description').notNull(),
    regionCode: text('region_code').notNull(),
    landmark: text('landmark'),
    anonymous: boolean('anonymous').notNull(),
    reporterName: text('reporter_name'),
    reporterContact: text('reporter_contact'),
    consentVersion: text('consent_version').notNull(),
    /** SHA-256 of the form token: each loaded form files one ticket. */
    formTokenHash: text('form_token_hash').notNull(),
    /** Centres whose coverage held the region when the ticket was filed: their desks see it. */
    coveringCenterIds: uuid('covering_center_ids').array().notNull(),
    centerId: uuid('center_id').references(() => centers.id),
    status: text('status').notNull(),
    /** `public` (the form) or `referral` (an incoming referral recorded by the desk). */
    source: text('source').notNull().default('public'),
    referredBy: text('referred_by'),
    referralLetter: text('referral_letter'),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull(),
    firstResponseDueAt: timestamp('first_response_due_at', { withTimezone: true }).notNull(),
    resolutionDueAt: timestamp('resolution_due_at', { withTimezone: true }).notNull(),
    firstRespondedAt: timestamp('first_responded_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    escalationLevel: smallint('escalation_level').notNull().default(0),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    personId: uuid('person_id').references(() => persons.id),
    caseId: uuid('case_id').references(() => cases.id),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('serasi_tickets_code_idx').on(t.code),
    uniqueIndex('serasi_tickets_form_token_idx').on(t.formTokenHash),
    index('serasi_tickets_covering_idx').using('gin', t.coveringCenterIds),
    index('serasi_tickets_center_idx').on(t.centerId, t.status),
    index('serasi_tickets_open_idx').on(t.status, t.filedAt).where(sql`${t.closedAt} is null`),
  ],
);

/** The ticket's timeline; `public` entries are what the reporter reads on the tracking page. */
export const serasiTicketEvents = pgTable(
  'serasi_ticket_events',
  {
    id: uuid('id').primaryKey(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => serasiTickets.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    kind: text('kind').notNull(),
    public: boolean('public').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    text: text('text').notNull(),
  },
  (t) => [index('serasi_ticket_events_ticket_idx').on(t.ticketId, t.at)],
);

/** At most one photo per ticket, type-checked by its bytes; only the desk sees it. */
export const serasiTicketPhotos = pgTable('serasi_ticket_photos', {
  ticketId: uuid('ticket_id')
    .primaryKey()
    .references(() => serasiTickets.id),
  contentType: text('content_type').notNull(),
  bytes: bytea('bytes').notNull(),
  size: integer('size').notNull(),
});

/** Service levels per ticket type (rows override the defaults in the domain). */
export const serasiSla = pgTable('serasi_sla', {
  type: text('type').primaryKey(),
  firstResponseHours: integer('first_response_hours').notNull(),
  resolutionHours: integer('resolution_hours').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
