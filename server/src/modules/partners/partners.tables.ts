import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.tables.ts';
import { centers } from '../centers/centers.tables.ts';

/** LKS and other community institutions, each working with one balai. */
export const partners = pgTable(
  'partners',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    regionCode: text('region_code').notNull(),
    address: text('address'),
    accreditation: text('accreditation').notNull(),
    accreditedUntil: date('accredited_until'),
    contactName: text('contact_name'),
    phone: text('phone'),
    email: text('email'),
    services: text('services').array().notNull(),
    capacity: integer('capacity'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('partners_center_idx').on(t.centerId), index('partners_region_idx').on(t.regionCode)],
);

/** Staff of a partner institution (users with the `partner` role): they see the cases referred to it. */
export const partnerMembers = pgTable(
  'partner_members',
  {
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.userId] }), index('partner_members_user_idx').on(t.userId)],
);
