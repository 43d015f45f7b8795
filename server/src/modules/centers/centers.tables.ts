import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { regions } from '../regions/regions.tables.ts';

export const centers = pgTable(
  'centers',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    street: text('street'),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    /** Denormalised from regionCode for the province filter and sort. */
    provinceCode: text('province_code').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    phone: text('phone'),
    email: text('email'),
    headName: text('head_name'),
    bedCapacity: integer('bed_capacity').notNull().default(0),
    occupiedBeds: integer('occupied_beds').notNull().default(0),
    hasWarehouse: boolean('has_warehouse').notNull().default(false),
    hasWorkshop: boolean('has_workshop').notNull().default(false),
    hasShop: boolean('has_shop').notNull().default(false),
    specialtyClusters: text('specialty_clusters').array().notNull().default(sql`'{}'::text[]`),
    serviceClusters: text('service_clusters').array().notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('centers_province_idx').on(t.provinceCode),
    index('centers_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    check(
      'centers_occupancy_within_capacity',
      sql`${t.occupiedBeds} >= 0 AND ${t.occupiedBeds} <= ${t.bedCapacity}`,
    ),
  ],
);

/** Wilayah jangkauan: the provinces and regencies a centre serves. */
export const centerCoverage = pgTable(
  'center_coverage',
  {
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id, { onDelete: 'cascade' }),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
  },
  (t) => [
    primaryKey({ columns: [t.centerId, t.regionCode] }),
    index('center_coverage_region_idx').on(t.regionCode),
  ],
);
