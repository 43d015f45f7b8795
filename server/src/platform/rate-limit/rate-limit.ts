import { createHash } from 'node:crypto';
import { lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rateLimitHits } from './rate-limit.tables.ts';

export type RateLimit = { scope: string; limit: number; windowSeconds: number };

/**
 * Counts one hit for `who` (e.g. an IP address) in the current fixed window and says whether
 * it is within the limit. The key is a salted hash: no address is stored. Kept in the
 * database so every app process counts the same hits.
 */
export const hitRateLimit = async (
  db: Db,
  rule: RateLimit,
  who: string,
  salt: string,
  now = new Date(),
): Promise<{ allowed: boolean; retryAfterSeconds: number }> => {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const key = createHash('sha256').update(`${salt}:${rule.scope}:${who}`).digest('base64url');
  const [row] = await db
    .insert(rateLimitHits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitHits.key, rateLimitHits.windowStart],
      set: { count: sql`${rateLimitHits.count} + 1` },
    })
    .returning({ count: rateLimitHits.count });
  return {
    allowed: row!.count <= rule.limit,
    retryAfterSeconds: Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000),
  };
};

/** Drops windows that ended more than a day ago. */
export const pruneRateLimits = (db: Db, now = new Date()) =>
  db.delete(rateLimitHits).where(lt(rateLimitHits.windowStart, new Date(now.getTime() - 86_400_000)));
