import {
  assignRoleInput,
  createUserInput,
  meSchema,
  text,
  userListQuery,
  userPage,
  userSchema,
} from '@atensi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/client.ts';
import { permittedActions, type Rule } from '../../platform/policy/policy.ts';
import { centerNames } from '../centers/centers.service.ts';
import { userPolicy } from './users.policy.ts';
import { assignRole, createUser, getUser, listUsers, removeRole, setUserActive } from './users.service.ts';

const idParams = z.object({ id: text().min(1).max(64) });

export const userRoutes: FastifyPluginAsyncZod<{ db: Db; rules: () => Rule[] }> = async (
  app,
  { db, rules },
) => {
  app.get('/api/me', {
    config: { policy: userPolicy.me },
    schema: { tags: ['users'], summary: 'Pengguna yang sedang masuk', response: { 200: meSchema } },
    handler: async (request) => {
      const actor = request.actor!;
      const names = await centerNames(
        db,
        actor.assignments.flatMap((a) => (a.centerId ? [a.centerId] : [])),
      );
      return {
        id: actor.userId,
        name: actor.name,
        email: actor.email,
        username: actor.username,
        roles: actor.assignments.map((a) => ({
          ...a,
          centerName: a.centerId ? (names.get(a.centerId) ?? null) : null,
        })),
        permissions: permittedActions(actor, rules()),
      };
    },
  });

  app.get('/api/users', {
    config: { policy: userPolicy.manage },
    schema: {
      tags: ['users'],
      summary: 'Daftar pengguna',
      querystring: userListQuery,
      response: { 200: userPage },
    },
    handler: (request) => listUsers(db, request.query),
  });

  app.get('/api/users/:id', {
    config: { policy: userPolicy.manage },
    schema: { tags: ['users'], params: idParams, response: { 200: userSchema } },
    handler: (request) => getUser(db, request.params.id),
  });

  app.post('/api/users', {
    config: { policy: userPolicy.manage },
    schema: {
      tags: ['users'],
      summary: 'Buat pengguna',
      body: createUserInput,
      response: { 201: userSchema },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createUser({ db, context: request.auditContext, input: request.body })),
  });

  app.post('/api/users/:id/roles', {
    config: { policy: userPolicy.manage },
    schema: {
      tags: ['users'],
      summary: 'Tambah peran',
      params: idParams,
      body: assignRoleInput,
      response: { 200: userSchema },
    },
    handler: (request) =>
      assignRole({ db, context: request.auditContext, userId: request.params.id, input: request.body }),
  });

  app.delete('/api/users/:id/roles/:assignmentId', {
    config: { policy: userPolicy.manage },
    schema: {
      tags: ['users'],
      summary: 'Cabut peran',
      params: z.object({ id: text().min(1).max(64), assignmentId: z.uuid() }),
      response: { 200: userSchema },
    },
    handler: (request) =>
      removeRole({
        db,
        context: request.auditContext,
        userId: request.params.id,
        assignmentId: request.params.assignmentId,
      }),
  });

  for (const [path, active] of [
    ['deactivate', false],
    ['activate', true],
  ] as const) {
    app.post(`/api/users/:id/${path}`, {
      config: { policy: userPolicy.manage },
      schema: {
        tags: ['users'],
        summary: active ? 'Aktifkan pengguna' : 'Nonaktifkan pengguna (sesi berakhir seketika)',
        params: idParams,
        response: { 200: userSchema },
      },
      handler: (request) =>
        setUserActive({ db, context: request.auditContext, userId: request.params.id, active }),
    });
  }
};
