import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { APIError, betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { username } from 'better-auth/plugins';
import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { uuidv7 } from 'uuidv7';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { appOrigins } from '../http/request-origin.ts';
import { accounts, rateLimits, sessions, users, verifications } from './auth.tables.ts';
import { betterAuthLogger } from './auth-log.ts';

/** argon2id with OWASP's second recommended setting (19 MiB, 2 passes). */
const argon2Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => argon2Hash(password, argon2Options);
export const verifyPassword = (hash: string, password: string): Promise<boolean> =>
  argon2Verify(hash, password).catch(() => false);

export const createAuth = (db: Db, config: Config, log?: FastifyBaseLogger) =>
  betterAuth({
    logger: betterAuthLogger(log),
    appName: 'Atensi',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret: config.authSecret,
    trustedOrigins: appOrigins(config),
    database: drizzleAdapter(db, {
      provider: 'pg',
      usePlural: true,
      schema: { users, sessions, accounts, verifications, rateLimits },
    }),
    user: {
      additionalFields: {
        active: { type: 'boolean', defaultValue: true, input: false },
      },
    },
    emailAndPassword: {
      enabled: true,
      // Accounts are created by administrators only.
      disableSignUp: true,
      minPasswordLength: 12,
      maxPasswordLength: 128,
      password: {
        // No password rule here: Better Auth also hashes what is typed at sign-in for an unknown
        // account (equal timing), and a refusal there answered 400 instead of 401, telling who
        // exists. No exposed endpoint sets a password through Better Auth (auth.routes.ts); our
        // paths apply `passwordProblem` before hashing (createUser, change-password).
        hash: (password) => hashPassword(password),
        verify: ({ hash, password }) => verifyPassword(hash, password),
      },
    },
    session: {
      // Idle expiry: every request after `updateAge` pushes the end `expiresIn` further.
      expiresIn: config.ATENSI_SESSION_IDLE_MINUTES * 60,
      updateAge: Math.min(300, config.ATENSI_SESSION_IDLE_MINUTES * 30),
      cookieCache: { enabled: false },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: 60, max: config.ATENSI_LOGIN_RATE_LIMIT },
        '/sign-in/username': { window: 60, max: config.ATENSI_LOGIN_RATE_LIMIT },
      },
    },
    advanced: {
      useSecureCookies: config.publicUrl.startsWith('https://'),
      cookiePrefix: 'atensi',
      database: { generateId: () => uuidv7() },
      // Set by our bridge from Fastify's request.ip (see auth.routes.ts).
      ipAddress: { ipAddressHeaders: ['x-forwarded-for'] },
    },
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
            const [user] = await db
              .select({ active: users.active })
              .from(users)
              .where(eq(users.id, session.userId));
            if (!user?.active)
              throw new APIError('FORBIDDEN', { code: 'ACCOUNT_INACTIVE', message: 'inactive' });
            return { data: session };
          },
        },
      },
    },
    plugins: [username({ minUsernameLength: 3, maxUsernameLength: 30 })],
    telemetry: { enabled: false },
  });

export type Auth = ReturnType<typeof createAuth>;
