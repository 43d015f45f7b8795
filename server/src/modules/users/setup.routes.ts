import { createUserInput, text, userSchema } from '@atensi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/client.ts';
import { defineErrors } from '../../platform/errors/app-error.ts';
import { definePolicy } from '../../platform/policy/policy.ts';
import { consumeSetupToken, createFirstAdmin, userCount } from './first-admin.ts';

export const setupPolicy = definePolicy('setup', {
  /** Public, but useless without the one-time token printed at start and with any user present. */
  firstAdmin: { public: true, grants: {} },
});

const setupError = defineErrors({
  'setup.invalid_token': {
    status: 403,
    message: {
      id: 'Token pemasangan salah, sudah dipakai, atau admin pertama sudah ada.',
      en: 'The setup token is wrong or used, or the first administrator already exists.',
    },
  },
});

const setupInput = createUserInput.omit({ roles: true }).extend({ token: text().min(10).max(200) });

export const setupRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get('/api/setup', {
    config: { policy: setupPolicy.firstAdmin },
    schema: {
      tags: ['platform'],
      summary: 'Apakah admin pertama perlu dibuat',
      response: { 200: z.object({ needed: z.boolean() }) },
    },
    handler: async () => ({ needed: (await userCount(db)) === 0 }),
  });

  app.post('/api/setup', {
    config: { policy: setupPolicy.firstAdmin },
    schema: {
      tags: ['platform'],
      summary: 'Buat admin pertama dengan token sekali pakai',
      body: setupInput,
      response: { 201: userSchema },
    },
    handler: async (request, reply) => {
      const { token, ...input } = request.body;
      // One transaction: a refused password does not use up the token.
      const admin = await db.transaction(async (tx) => {
        if (!(await consumeSetupToken(tx as unknown as Db, token))) throw setupError('setup.invalid_token');
        return createFirstAdmin(tx as unknown as Db, input);
      });
      return reply.status(201).send(admin);
    },
  });
};
