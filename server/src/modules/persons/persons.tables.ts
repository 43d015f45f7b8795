import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { centers } from '../centers/centers.tables.ts';
import { regions } from '../regions/regions.tables.ts';

/** Penerima manfaat / PPKS: one row per real person, by name by address. */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey(),
    nik: text('nik'),
    nikUnknownReason: text('nik_unknown_reason'),
    nikWarningsConfirmed: boolean('nik_warnings_confirmed').notNull().default(false),
    kkNumber: text('kk_number'),
    fullName: text('full_name').notNull(),
    /** normalizeName(fullName) and aliases: kept for the trigram index the duplicate finder searches. */
    nameNormalized: text('name_normalized').notNull(),
    aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
    aliasesNormalized: text('aliases_normalized').notNull().default(''),
    sex: text('sex').notNull(),
    birthDate: date('birth_date'),
    birthYearEstimate: smallint('birth_year_estimate'),
    /** Year of birth, exact or estimated. */
    birthYear: smallint('birth_year'),
    birthPlace: text('birth_place'),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    rt: text('rt'),
    rw: text('rw'),
    street: text('street'),
    phone: text('phone'),
    disabilityTypes: text('disability_types').array().notNull().default(sql`'{}'::text[]`),
    dtksStatus: text('dtks_status').notNull().default('unknown'),
    dtksDecile: smallint('dtks_decile'),
    legalBasis: text('legal_basis').notNull(),
    consentBy: text('consent_by'),
    consentGuardianName: text('consent_guardian_name'),
    registeredAtCenterId: uuid('registered_at_center_id').references(() => centers.id),
    /** Blocking keys of the duplicate finder (regency or birth year + sex + word beginnings/endings), see duplicate-keys.ts. */
    dupKeys: text('dup_keys').array().notNull().default(sql`'{}'::text[]`),
    /** Set when this record was folded into another; it then leaves every list. */
    mergedIntoId: uuid('merged_into_id'),
    mergedAt: timestamp('merged_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One live record per NIK; a merged record keeps its NIK for the history.
    uniqueIndex('persons_nik_live_idx')
      .on(t.nik)
      .where(sql`${t.nik} is not null and ${t.mergedIntoId} is null`),
    index('persons_name_trgm_idx').using('gin', t.nameNormalized.op('gin_trgm_ops')),
    index('persons_aliases_trgm_idx').using('gin', t.aliasesNormalized.op('gin_trgm_ops')),
    // The duplicate finder's birth-date way: exact dates are selective (≈ 35 people a day at 1M).
    index('persons_birth_date_idx').on(t.birthDate),
    // Its regency and birth-year ways: exact keys, a few hundred rows per key at 1M. Migration
    // 0011 creates it WITH (fastupdate = off): a pending list of unmerged inserts would be read
    // by every search and can tip the planner into a sequential scan.
    // A pending list (fastupdate) made PGlite fall back to a table scan for these lookups.
    index('persons_dup_keys_idx').using('gin', t.dupKeys).with({ fastupdate: 'off' }),
    index('persons_region_idx').on(t.regionCode),
    index('persons_center_idx').on(t.registeredAtCenterId, t.fullName),
    index('persons_merged_into_idx').on(t.mergedIntoId),
  ],
);

/** Family members: links between persons with the relationship seen from `personId`. */
export const personRelations = pgTable(
  'person_relations',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    relatedPersonId: uuid('related_person_id')
      .notNull()
      .references(() => persons.id),
    relationship: text('relationship').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.relatedPersonId] }),
    index('person_relations_related_idx').on(t.relatedPersonId),
  ],
);

/** Every merge, shown on the surviving record. */
export const personMerges = pgTable(
  'person_merges',
  {
    id: uuid('id').primaryKey(),
    survivorId: uuid('survivor_id')
      .notNull()
      .references(() => persons.id),
    mergedId: uuid('merged_id')
      .notNull()
      .references(() => persons.id),
    reason: text('reason').notNull(),
    mergedBy: text('merged_by'),
    mergedAt: timestamp('merged_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('person_merges_survivor_idx').on(t.survivorId)],
);
