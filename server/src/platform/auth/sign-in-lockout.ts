import type { Db } from '../db/client.ts';
import { clearRateLimits, type Hold, hitRateLimit, holdEnd, takeHold } from '../rate-limit/rate-limit.ts';

const day = 86_400;
/** Password attempts of one account today (UTC), counted before the password is checked. */
const attemptsRule = { scope: 'sign-in-attempts', windowSeconds: day };
/** The account's current wait. */
const waitHold: Hold = { scope: 'sign-in-wait', windowSeconds: day };
const firstWaitSeconds = 60;

export type LockoutSettings = {
  /** Attempts an account gets before the first wait. */
  attempts: number;
  /** The longest wait; each further failure doubles it up to this. */
  maxWaitSeconds: number;
  salt: string;
  now?: () => Date;
};

export type AttemptDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Per-account back-off for password checks (decision 0018), shared by every app process through
 * `rate_limit_hits`. The account is a user id, or for an unknown name the name itself, so an
 * unknown account is locked like a real one and the answer says nothing about existence.
 *
 * Each attempt is counted before the password is checked (so concurrent guesses cannot slip past
 * the count). The first `attempts − 1` go through; from the `attempts`-th on, an attempt goes
 * through only by taking the wait slot, which makes the next one wait 1, 2, 4 … minutes (up to
 * `maxWaitSeconds`). An attempt during a wait is refused without being counted, so retrying does
 * not lengthen it. A correct password forgets the count and the wait. Counts start again at
 * 00:00 UTC.
 */
export const createLockout = (db: Db, settings: LockoutSettings) => {
  const now = settings.now ?? (() => new Date());
  const waitFor = (attempt: number) =>
    Math.min(firstWaitSeconds * 2 ** Math.min(attempt - settings.attempts, 20), settings.maxWaitSeconds);
  const refused = (end: Date | null, at: Date): AttemptDecision => ({
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil(((end?.getTime() ?? at.getTime()) - at.getTime()) / 1000)),
  });

  return {
    attempt: async (account: string): Promise<AttemptDecision> => {
      const at = now();
      const running = await holdEnd(db, waitHold, account, settings.salt, at);
      if (running) return refused(running, at);
      const { count } = await hitRateLimit(
        db,
        { ...attemptsRule, limit: settings.attempts },
        account,
        settings.salt,
        at,
      );
      if (count < settings.attempts) return { allowed: true };
      const until = new Date(at.getTime() + waitFor(count) * 1000);
      if (await takeHold(db, waitHold, account, settings.salt, until, at)) return { allowed: true };
      return refused(await holdEnd(db, waitHold, account, settings.salt, at), at);
    },
    succeeded: async (account: string): Promise<void> => {
      await clearRateLimits(db, [attemptsRule.scope, waitHold.scope], account, settings.salt);
    },
  };
};

export type Lockout = ReturnType<typeof createLockout>;
