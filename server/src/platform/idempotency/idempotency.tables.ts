import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Keys of retryable writes (stock receipts, issues, distributions, dispatches): the first
 * request with a key stores its answer here in the same transaction as its work; a retry
 * gets that answer back, a different body under the same key is refused. Keys are scoped
 * by the kind of write and the user, so one user's key never answers another's request.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    actorId: text('actor_id').notNull(),
    key: uuid('key').notNull(),
    /** SHA-256 of the canonical request body (and the resource it names). */
    requestHash: text('request_hash').notNull(),
    response: jsonb('response').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.actorId, t.key] }),
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
);
