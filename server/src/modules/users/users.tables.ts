import { index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.tables.ts';
import { centers } from '../centers/centers.tables.ts';

/** A user holds roles per centre; national roles (admin, central) have no centre. */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    centerId: uuid('center_id').references(() => centers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('role_assignments_unique').on(t.userId, t.role, t.centerId).nullsNotDistinct(),
    index('role_assignments_center_idx').on(t.centerId),
  ],
);
