import {
  partnerInput,
  partnerListInput,
  partnerMemberInput,
  partnerPage,
  partnerSchema,
  text,
  updatePartnerInput,
} from '@atensi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/client.ts';
import { centerScope } from '../../platform/policy/policy.ts';
import { partnerPolicy } from './partners.policy.ts';
import {
  addPartnerMember,
  createPartner,
  getPartner,
  listPartners,
  removePartnerMember,
  setPartnerActive,
  updatePartner,
} from './partners.service.ts';

const idParams = z.object({ id: z.uuid() });

export const partnerRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post('/api/partners/list', {
    config: { policy: partnerPolicy.read },
    schema: {
      tags: ['partners'],
      summary: 'Daftar LKS mitra',
      body: partnerListInput,
      response: { 200: partnerPage },
    },
    handler: (request) => listPartners(db, request.body),
  });

  app.get('/api/partners/:id', {
    config: { policy: partnerPolicy.read },
    schema: { tags: ['partners'], summary: 'Detail LKS', params: idParams, response: { 200: partnerSchema } },
    handler: (request) => getPartner(db, request.params.id),
  });

  app.post('/api/partners', {
    config: {
      policy: partnerPolicy.manage,
      resourceCenterId: (request) => (request.body as { centerId?: string } | undefined)?.centerId,
    },
    schema: {
      tags: ['partners'],
      summary: 'Daftarkan LKS',
      body: partnerInput,
      response: { 201: partnerSchema },
    },
    handler: async (request, reply) => {
      const id = await createPartner({ db, context: request.auditContext, input: request.body });
      return reply.status(201).send(await getPartner(db, id));
    },
  });

  app.put('/api/partners/:id', {
    config: {
      policy: partnerPolicy.manage,
      resourceCenterId: (request) =>
        (request.body as { partner?: { centerId?: string } } | undefined)?.partner?.centerId,
    },
    schema: {
      tags: ['partners'],
      summary: 'Ubah data LKS',
      params: idParams,
      body: updatePartnerInput,
      response: { 200: partnerSchema },
    },
    handler: async (request) => {
      await updatePartner({
        db,
        context: request.auditContext,
        scope: centerScope(request.actor, partnerPolicy.manage),
        id: request.params.id,
        input: request.body.partner,
        version: request.body.version,
      });
      return getPartner(db, request.params.id);
    },
  });

  app.post('/api/partners/:id/active', {
    config: { policy: partnerPolicy.manage },
    schema: {
      tags: ['partners'],
      summary: 'Aktifkan atau nonaktifkan LKS',
      params: idParams,
      body: z.object({ active: z.boolean(), version: z.number().int().min(1) }),
      response: { 200: partnerSchema },
    },
    handler: async (request) => {
      await setPartnerActive({
        db,
        context: request.auditContext,
        scope: centerScope(request.actor, partnerPolicy.manage),
        id: request.params.id,
        active: request.body.active,
        version: request.body.version,
      });
      return getPartner(db, request.params.id);
    },
  });

  app.post('/api/partners/:id/members', {
    config: { policy: partnerPolicy.members },
    schema: {
      tags: ['partners'],
      summary: 'Hubungkan akun staf LKS',
      params: idParams,
      body: partnerMemberInput,
      response: { 200: partnerSchema },
    },
    handler: async (request) => {
      await addPartnerMember({
        db,
        context: request.auditContext,
        id: request.params.id,
        userId: request.body.userId,
      });
      return getPartner(db, request.params.id);
    },
  });

  app.delete('/api/partners/:id/members/:userId', {
    config: { policy: partnerPolicy.members },
    schema: {
      tags: ['partners'],
      summary: 'Lepaskan akun staf LKS',
      params: z.object({ id: z.uuid(), userId: text().min(1).max(64) }),
      response: { 200: partnerSchema },
    },
    handler: async (request) => {
      await removePartnerMember({
        db,
        context: request.auditContext,
        id: request.params.id,
        userId: request.params.userId,
      });
      return getPartner(db, request.params.id);
    },
  });
};
