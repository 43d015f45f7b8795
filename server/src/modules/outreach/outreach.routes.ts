import {
  dateField,
  moveInput,
  outreachInput,
  outreachListInput,
  outreachPage,
  outreachSchema,
  shelterInput,
  shelterListInput,
  shelterPage,
  shelterSchema,
  staySchema,
} from '@atensi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/client.ts';
import { centerScope } from '../../platform/policy/policy.ts';
import { caseViewerOf } from '../cases/case-visibility.ts';
import { outreachPolicy } from './outreach.policy.ts';
import {
  closeShelter,
  createShelter,
  getOutreach,
  getShelter,
  listOutreach,
  listShelters,
  moveCase,
  recordOutreach,
  staysOfCase,
} from './outreach.service.ts';

const idParams = z.object({ id: z.uuid() });
const bodyCenter = (request: { body: unknown }) =>
  (request.body as { centerId?: string } | undefined)?.centerId;

export const outreachRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const readScope = (request: { actor: Parameters<typeof centerScope>[0] }) =>
    centerScope(request.actor, outreachPolicy.read);

  app.post('/api/outreach/shelters/list', {
    config: { policy: outreachPolicy.read },
    schema: {
      tags: ['outreach'],
      summary: 'TPS dan huniannya',
      body: shelterListInput,
      response: { 200: shelterPage },
    },
    handler: (request) => listShelters(db, readScope(request), request.body),
  });

  app.get('/api/outreach/shelters/:id', {
    config: { policy: outreachPolicy.read },
    schema: { tags: ['outreach'], summary: 'Detail TPS', params: idParams, response: { 200: shelterSchema } },
    handler: (request) => getShelter(db, readScope(request), request.params.id),
  });

  app.post('/api/outreach/shelters', {
    config: { policy: outreachPolicy.manageShelters, resourceCenterId: bodyCenter },
    schema: {
      tags: ['outreach'],
      summary: 'Buka TPS (mis. GOR)',
      body: shelterInput,
      response: { 201: shelterSchema },
    },
    handler: async (request, reply) => {
      const id = await createShelter({ db, context: request.auditContext, input: request.body });
      return reply.status(201).send(await getShelter(db, 'all', id));
    },
  });

  app.post('/api/outreach/shelters/:id/close', {
    config: { policy: outreachPolicy.manageShelters },
    schema: {
      tags: ['outreach'],
      summary: 'Tutup TPS yang sudah kosong',
      params: idParams,
      body: z.object({ closedOn: dateField('event'), version: z.number().int().min(1) }),
      response: { 200: shelterSchema },
    },
    handler: async (request) => {
      await closeShelter({
        db,
        context: request.auditContext,
        scope: centerScope(request.actor, outreachPolicy.manageShelters),
        id: request.params.id,
        closedOn: request.body.closedOn,
        version: request.body.version,
      });
      return getShelter(db, 'all', request.params.id);
    },
  });

  app.post('/api/outreach/runs/list', {
    config: { policy: outreachPolicy.read },
    schema: {
      tags: ['outreach'],
      summary: 'Daftar penjangkauan',
      body: outreachListInput,
      response: { 200: outreachPage },
    },
    handler: (request) => listOutreach(db, readScope(request), request.body),
  });

  app.post('/api/outreach/runs', {
    config: { policy: outreachPolicy.record, resourceCenterId: bodyCenter },
    schema: {
      tags: ['outreach'],
      summary: 'Catat penjangkauan dan orang yang ditemukan (pendaftaran cepat, kasus dibuka)',
      body: outreachInput,
      response: { 201: outreachSchema },
    },
    handler: async (request, reply) => {
      const id = await recordOutreach({ db, context: request.auditContext, input: request.body });
      const viewer = await caseViewerOf(db, request.actor!);
      // The recorder sees every case they opened here, also when assigned to a colleague.
      const widened = { ...viewer, headOf: [...viewer.headOf, request.body.centerId] };
      return reply.status(201).send(await getOutreach(db, 'all', widened, id));
    },
  });

  app.get('/api/outreach/runs/:id', {
    config: { policy: outreachPolicy.read },
    schema: {
      tags: ['outreach'],
      summary: 'Detail penjangkauan',
      params: idParams,
      response: { 200: outreachSchema },
    },
    handler: async (request) =>
      getOutreach(db, readScope(request), await caseViewerOf(db, request.actor!), request.params.id),
  });

  app.get('/api/outreach/cases/:id/stays', {
    config: { policy: outreachPolicy.read },
    schema: {
      tags: ['outreach'],
      summary: 'Riwayat tempat tinggal (TPS, LKS, balai, keluarga)',
      params: idParams,
      response: { 200: z.object({ items: z.array(staySchema) }) },
    },
    handler: async (request) => ({
      items: await staysOfCase(db, await caseViewerOf(db, request.actor!), request.params.id),
    }),
  });

  app.post('/api/outreach/cases/:id/move', {
    config: { policy: outreachPolicy.record },
    schema: {
      tags: ['outreach'],
      summary: 'Pindahkan: TPS, LKS, balai (tempat tidur) atau keluarga/masyarakat',
      params: idParams,
      body: moveInput,
      response: { 200: z.object({ items: z.array(staySchema) }) },
    },
    handler: async (request) => {
      const viewer = await caseViewerOf(db, request.actor!);
      await moveCase({
        db,
        context: request.auditContext,
        viewer,
        caseId: request.params.id,
        input: request.body,
      });
      return { items: await staysOfCase(db, viewer, request.params.id) };
    },
  });
};
