import type { AuditChange } from '@atensi/domain';
import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Append-only, chained audit log. `hash` seals the row and the one before it: an HMAC keyed from
 * the configuration (`key_id` names the key, canonical.ts `sealRow`), or for rows written before
 * decision 0020 (`key_id = 'sha256'`) `sha256(prevHash || canonical(row))`. Triggers (migration
 * 0002) refuse UPDATE, DELETE and TRUNCATE; checkpoints outside the database pin the head.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    actorRole: text('actor_role'),
    centerId: text('center_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    changes: jsonb('changes').$type<AuditChange[]>().notNull(),
    requestId: text('request_id'),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /** No default: a process that does not seal (older code) cannot append at all. */
    keyId: text('key_id').notNull(),
  },
  (t) => [
    index('audit_entity_idx').on(t.entity, t.entityId, t.seq),
    index('audit_actor_idx').on(t.actorId, t.seq),
    index('audit_at_idx').on(t.at),
  ],
);
