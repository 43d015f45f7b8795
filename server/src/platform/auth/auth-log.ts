import type { FastifyBaseLogger } from 'fastify';
import { redactMessage } from '../http/safe-error.ts';

type Level = 'debug' | 'info' | 'warn' | 'error';

/**
 * Better Auth's own log lines, into the app's pino log instead of `console`: its default prints
 * the error object whole, and a failed query there carries the e-mail or username it looked up.
 * Errors go through the `err` serializer; any other argument is dropped.
 */
export const betterAuthLogger = (log: FastifyBaseLogger | undefined) => ({
  level: 'warn' as const,
  log: (level: Level, message: string, ...args: unknown[]) => {
    if (!log) return;
    const err = args.find((a) => a instanceof Error);
    log[level]({ component: 'better-auth', ...(err ? { err } : {}) }, redactMessage(message));
  },
});
