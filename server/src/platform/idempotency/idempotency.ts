import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { canonicalJson } from '../audit/canonical.ts';
import type { Db } from '../db/client.ts';
import { defineErrors } from '../errors/app-error.ts';
import { idempotencyKeys } from './idempotency.tables.ts';

export const idempotencyError = defineErrors({
  'idempotency.key_reused': {
    status: 422,
    message: {
      id: 'Kunci idempotensi ini sudah dipakai untuk permintaan lain. Muat ulang formulir lalu kirim lagi.',
      en: 'This idempotency key was already used for a different request. Reload the form and send again.',
    },
  },
});

export type IdempotentRequest = {
  /** The kind of write, e.g. `logistics.receipt`. */
  scope: string;
  actorId: string;
  key: string;
  /** Everything that makes the request what it is (body without the key, the resource ids). */
  request: unknown;
};

const hashOf = (request: unknown) => createHash('sha256').update(canonicalJson(request)).digest('hex');

/**
 * Runs `work` once per key, inside the caller's transaction. The key row is claimed before
 * the work: a concurrent request with the same key waits on it (PostgreSQL's unique check)
 * and, once the first commits, gets the first answer; if the first rolls back, the second
 * does the work. The same key with a different request is refused.
 */
export const onceForKey = async <T>(
  tx: Db,
  req: IdempotentRequest,
  work: () => Promise<T>,
): Promise<{ result: T; replayed: boolean }> => {
  const requestHash = hashOf(req.request);
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({
      scope: req.scope,
      actorId: req.actorId,
      key: req.key,
      requestHash,
      response: sql`'null'::jsonb`,
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length === 0) {
    const [first] = await tx
      .select({ requestHash: idempotencyKeys.requestHash, response: idempotencyKeys.response })
      .from(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.scope, req.scope),
          eq(idempotencyKeys.actorId, req.actorId),
          eq(idempotencyKeys.key, req.key),
        ),
      );
    if (!first || first.requestHash !== requestHash) throw idempotencyError('idempotency.key_reused');
    return { result: first.response as T, replayed: true };
  }
  const result = await work();
  await tx
    .update(idempotencyKeys)
    .set({ response: result as object })
    .where(
      and(
        eq(idempotencyKeys.scope, req.scope),
        eq(idempotencyKeys.actorId, req.actorId),
        eq(idempotencyKeys.key, req.key),
      ),
    );
  return { result, replayed: false };
};
