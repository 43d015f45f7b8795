import { changeOwnPasswordInput, ownAccountSchema, updateOwnAccountInput } from '@atensi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authError } from '../../platform/auth/auth-errors.ts';
import type { Lockout } from '../../platform/auth/sign-in-lockout.ts';
import type { Db } from '../../platform/db/client.ts';
import { changeOwnPassword, updateOwnAccount } from './own-account.ts';
import { userPolicy } from './users.policy.ts';

/**
 * The two self-service account changes, at the paths Better Auth's clients call, answered by us
 * so each change and its audit row are one transaction (Better Auth's own endpoints are not
 * exposed, see platform/auth/auth.routes.ts).
 */
export const ownAccountRoutes: FastifyPluginAsyncZod<{
  db: Db;
  lockout: Lockout;
  sessionToken: (cookie: string | undefined) => Promise<string | null>;
}> = async (app, { db, lockout, sessionToken }) => {
  app.post('/api/auth/update-user', {
    config: { policy: userPolicy.me },
    schema: {
      tags: ['users'],
      summary: 'Ubah nama sendiri (nama pengguna hanya oleh admin)',
      body: updateOwnAccountInput,
      response: { 200: z.object({ status: z.literal(true), user: ownAccountSchema }) },
    },
    handler: async (request) => ({
      status: true as const,
      user: await updateOwnAccount({
        db,
        context: request.auditContext,
        userId: request.actor!.userId,
        input: request.body,
      }),
    }),
  });

  app.post('/api/auth/change-password', {
    config: { policy: userPolicy.me },
    schema: {
      tags: ['users'],
      summary: 'Ganti kata sandi sendiri',
      body: changeOwnPasswordInput,
      response: { 200: z.object({ status: z.literal(true) }) },
    },
    handler: async (request, reply) => {
      const result = await changeOwnPassword({
        db,
        context: request.auditContext,
        userId: request.actor!.userId,
        currentSessionToken: await sessionToken(request.headers.cookie),
        input: request.body,
        lockout,
      });
      if ('retryAfterSeconds' in result) {
        reply.header('retry-after', String(result.retryAfterSeconds));
        throw authError('auth.sign_in_locked', { seconds: result.retryAfterSeconds }, undefined, {
          retryAfterSeconds: result.retryAfterSeconds,
        });
      }
      return { status: true as const };
    },
  });
};
