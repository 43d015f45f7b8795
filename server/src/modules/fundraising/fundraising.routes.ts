import {
  campaignListInput,
  campaignPage,
  campaignSchema,
  campaignSummarySchema,
  closeCampaignInput,
  consentInput,
  createCampaignInput,
  disbursementInput,
  raisedUpdateInput,
  updateCampaignInput,
  versionInput,
} from '@atensi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuditContext } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { caseViewer } from '../cases/case-visibility.ts';
import {
  activateCampaign,
  closeCampaign,
  recordConsent,
  recordDisbursement,
  recordRaisedUpdate,
  updateCampaign,
} from './campaign-work.ts';
import { campaignsOfCase, createCampaign, listCampaigns, readCampaign } from './campaigns.service.ts';
import { fundraisingPolicy } from './fundraising.policy.ts';

const idParams = z.object({ id: z.uuid() });
const caseParams = z.object({ caseId: z.uuid() });

export const fundraisingRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  /** The campaign the URL names, as the signed-in user may act on it. */
  const onCampaign = (request: {
    auditContext: AuditContext;
    actor: Actor | null;
    params: { id: string };
  }) => ({
    db,
    context: request.auditContext,
    viewer: caseViewer(request.actor!),
    id: request.params.id,
  });
  const after = (request: Parameters<typeof onCampaign>[0]) => readCampaign(onCampaign(request));

  app.post('/api/fundraising/campaigns/list', {
    config: { policy: fundraisingPolicy.list },
    schema: {
      tags: ['fundraising'],
      summary: 'Kampanye penggalangan dana yang dapat dilihat (filter status/platform/balai, cari judul)',
      body: campaignListInput,
      response: { 200: campaignPage },
    },
    handler: (request) => listCampaigns(db, caseViewer(request.actor!), request.body),
  });

  app.get('/api/fundraising/by-case/:caseId', {
    config: { policy: fundraisingPolicy.read },
    schema: {
      tags: ['fundraising'],
      summary: 'Kampanye penggalangan dana satu kasus',
      params: caseParams,
      response: {
        200: z.object({ items: z.array(campaignSummarySchema), canCreate: z.boolean() }),
      },
    },
    handler: (request) => campaignsOfCase(db, caseViewer(request.actor!), request.params.caseId),
  });

  app.post('/api/fundraising/campaigns', {
    config: { policy: fundraisingPolicy.manage },
    schema: {
      tags: ['fundraising'],
      summary: 'Buat kampanye (draf) untuk kasus yang ditangani',
      body: createCampaignInput,
      response: { 201: campaignSchema },
    },
    handler: async (request, reply) => {
      const viewer = caseViewer(request.actor!);
      const id = await createCampaign({ db, context: request.auditContext, viewer, input: request.body });
      return reply.status(201).send(await readCampaign({ db, context: request.auditContext, viewer, id }));
    },
  });

  app.get('/api/fundraising/campaigns/:id', {
    config: { policy: fundraisingPolicy.read },
    schema: {
      tags: ['fundraising'],
      summary: 'Detail kampanye: persetujuan, riwayat dana terkumpul, penyaluran',
      params: idParams,
      response: { 200: campaignSchema },
    },
    handler: (request) => readCampaign(onCampaign(request)),
  });

  /** A change to the campaign; answers the campaign as it is now. */
  const base = { tags: ['fundraising'], params: idParams, response: { 200: campaignSchema } };

  app.put('/api/fundraising/campaigns/:id', {
    config: { policy: fundraisingPolicy.manage },
    schema: { ...base, summary: 'Ubah kampanye (draf atau aktif)', body: updateCampaignInput },
    handler: async (request) => {
      await updateCampaign({ ...onCampaign(request), input: request.body });
      return after(request);
    },
  });

  app.post('/api/fundraising/campaigns/:id/consent', {
    config: { policy: fundraisingPolicy.manage },
    schema: { ...base, summary: 'Catat persetujuan publikasi', body: consentInput },
    handler: async (request) => {
      await recordConsent({ ...onCampaign(request), input: request.body });
      return after(request);
    },
  });

  app.post('/api/fundraising/campaigns/:id/activate', {
    config: { policy: fundraisingPolicy.manage },
    schema: {
      ...base,
      summary: 'Tayangkan kampanye (memerlukan persetujuan dan tautan)',
      body: versionInput,
    },
    handler: async (request) => {
      await activateCampaign({ ...onCampaign(request), version: request.body.version });
      return after(request);
    },
  });

  app.post('/api/fundraising/campaigns/:id/updates', {
    config: { policy: fundraisingPolicy.manage },
    schema: { ...base, summary: 'Catat perkembangan dana terkumpul', body: raisedUpdateInput },
    handler: async (request) => {
      await recordRaisedUpdate({ ...onCampaign(request), input: request.body });
      return after(request);
    },
  });

  app.post('/api/fundraising/campaigns/:id/disbursements', {
    config: { policy: fundraisingPolicy.disburse },
    schema: {
      ...base,
      summary: 'Catat penyaluran dana kepada penerima manfaat (kepala balai)',
      body: disbursementInput,
    },
    handler: async (request) => {
      await recordDisbursement({ ...onCampaign(request), input: request.body });
      return after(request);
    },
  });

  app.post('/api/fundraising/campaigns/:id/close', {
    config: { policy: fundraisingPolicy.manage },
    schema: { ...base, summary: 'Tutup atau batalkan kampanye', body: closeCampaignInput },
    handler: async (request) => {
      await closeCampaign({ ...onCampaign(request), input: request.body });
      return after(request);
    },
  });
};
