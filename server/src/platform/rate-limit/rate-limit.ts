import { createHash } from 'node:crypto';
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rateLimitHits } from './rate-limit.tables.ts';

export type RateLimit = { scope: string; limit: number; windowSeconds: number };

/** No address or account name is stored: keys are a salted hash of scope and subject. */
const keyOf = (scope: string, who: string, salt: string) =>
  createHash('sha256').update(`${salt}:${scope}:${who}`).digest('base64url');

const windowOf = (windowSeconds: number, now: Date) => {
  const windowMs = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
};

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
): Promise<{ allowed: boolean; retryAfterSeconds: number; count: number }> => {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = windowOf(rule.windowSeconds, now);
  const key = keyOf(rule.scope, who, salt);
  const [row] = await db
    .insert(rateLimitHits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitHits.key, rateLimitHits.windowStart],
      set: { count: sql`${rateLimitHits.count} + 1` },
    })
    .returning({ count: rateLimitHits.count });
  return {
    count: row!.count,
    allowed: row!.count <= rule.limit,
    retryAfterSeconds: Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000),
  };
};

/** Drops windows that ended more than a day ago. */
export const pruneRateLimits = (db: Db, now = new Date()) =>
  db.delete(rateLimitHits).where(lt(rateLimitHits.windowStart, new Date(now.getTime() - 86_400_000)));

/**
 * Holds: "`who` must wait until T" under `scope`, one row per fixed window of `windowSeconds`
 * (the row's count is the hold's end in seconds after the window's start). Used for the sign-in
 * back-off, where the wait grows with each failure.
 */
export type Hold = { scope: string; windowSeconds: number };

/** When the running hold ends, or null when there is none (this window's and the previous one's are read). */
export const holdEnd = async (db: Db, hold: Hold, who: string, salt: string, now = new Date()) => {
  const windowStart = windowOf(hold.windowSeconds, now);
  const rows = await db
    .select({ windowStart: rateLimitHits.windowStart, count: rateLimitHits.count })
    .from(rateLimitHits)
    .where(
      and(
        eq(rateLimitHits.key, keyOf(hold.scope, who, salt)),
        gte(rateLimitHits.windowStart, new Date(windowStart.getTime() - hold.windowSeconds * 1000)),
      ),
    );
  const ends = rows.map((r) => r.windowStart.getTime() + r.count * 1000).filter((end) => end > now.getTime());
  return ends.length > 0 ? new Date(Math.max(...ends)) : null;
};

/**
 * Starts a hold until `until`, unless one is running: one statement, so of concurrent callers
 * exactly one takes it (the others wait for its row lock and then see it running).
 */
export const takeHold = async (
  db: Db,
  hold: Hold,
  who: string,
  salt: string,
  until: Date,
  now = new Date(),
): Promise<boolean> => {
  const windowStart = windowOf(hold.windowSeconds, now);
  const offset = (t: Date) => Math.ceil((t.getTime() - windowStart.getTime()) / 1000);
  const taken = await db
    .insert(rateLimitHits)
    .values({ key: keyOf(hold.scope, who, salt), windowStart, count: offset(until) })
    .onConflictDoUpdate({
      target: [rateLimitHits.key, rateLimitHits.windowStart],
      set: { count: offset(until) },
      setWhere: sql`${rateLimitHits.count} <= ${Math.floor((now.getTime() - windowStart.getTime()) / 1000)}`,
    })
    .returning({ count: rateLimitHits.count });
  return taken.length > 0;
};

/** Forgets every window of these scopes for `who` (a correct password ends the back-off). */
export const clearRateLimits = (db: Db, scopes: string[], who: string, salt: string) =>
  db.delete(rateLimitHits).where(
    inArray(
      rateLimitHits.key,
      scopes.map((scope) => keyOf(scope, who, salt)),
    ),
  );
