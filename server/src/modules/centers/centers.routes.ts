import {
  centerDetailSchema,
  centerListQuery,
  centerPage,
  createCenterInput,
  updateCenterInput,
} from '@atensi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/client.ts';
import { can } from '../../platform/policy/policy.ts';
import { centerPolicy } from './centers.policy.ts';
import { archiveCenter, createCenter, getCenter, listCenters, updateCenter } from './centers.service.ts';

const idParams = z.object({ id: z.uuid() });
const centerOfUrl = (request: { params: unknown }) => (request.params as { id?: string }).id;

export const centerRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const withAccess = async (request: { actor: Parameters<typeof can>[0] }, id: string) => {
    const center = await getCenter(db, id);
    return {
      ...center,
      access: {
        update: can(request.actor, centerPolicy.update, { centerId: id }).allowed,
        archive: can(request.actor, centerPolicy.archive, { centerId: id }).allowed,
      },
    };
  };

  app.get('/api/centers', {
    config: { policy: centerPolicy.list },
    schema: {
      tags: ['centers'],
      summary: 'Daftar balai',
      querystring: centerListQuery,
      response: { 200: centerPage },
    },
    handler: (request) => listCenters(db, request.query),
  });

  app.get('/api/centers/:id', {
    config: { policy: centerPolicy.read },
    schema: {
      tags: ['centers'],
      summary: 'Detail balai',
      params: idParams,
      response: { 200: centerDetailSchema },
    },
    handler: (request) => withAccess(request, request.params.id),
  });

  app.post('/api/centers', {
    config: { policy: centerPolicy.create },
    schema: {
      tags: ['centers'],
      summary: 'Tambah balai',
      body: createCenterInput,
      response: { 201: centerDetailSchema },
    },
    handler: async (request, reply) => {
      const center = await createCenter({ db, context: request.auditContext, input: request.body });
      return reply.status(201).send(await withAccess(request, center.id));
    },
  });

  app.put('/api/centers/:id', {
    config: { policy: centerPolicy.update, resourceCenterId: centerOfUrl },
    schema: {
      tags: ['centers'],
      summary: 'Ubah balai (dengan versi; 409 bila data sudah diubah orang lain)',
      params: idParams,
      body: updateCenterInput,
      response: { 200: centerDetailSchema },
    },
    handler: async (request) => {
      await updateCenter({ db, context: request.auditContext, id: request.params.id, input: request.body });
      return withAccess(request, request.params.id);
    },
  });

  app.delete('/api/centers/:id', {
    config: { policy: centerPolicy.archive, resourceCenterId: centerOfUrl },
    schema: {
      tags: ['centers'],
      summary: 'Arsipkan balai',
      params: idParams,
      querystring: z.object({ version: z.coerce.number().int().min(1) }),
    },
    handler: async (request, reply) => {
      await archiveCenter({
        db,
        context: request.auditContext,
        id: request.params.id,
        version: request.query.version,
      });
      return reply.status(204).send();
    },
  });
};
