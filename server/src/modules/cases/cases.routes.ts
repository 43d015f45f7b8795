import {
  approveClosureInput,
  assessmentInput,
  caseListInput,
  casePage,
  caseSchema,
  changeStageInput,
  createCaseInput,
  endPlacementInput,
  planInput,
  recommendationSchema,
  referralLetterInput,
  responseTimeSchema,
  routingQuery,
  serviceRecordInput,
} from '@atensi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuditContext } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { type Actor, centerScope } from '../../platform/policy/policy.ts';
import { caseSummaryPdf, exportCases, referralLetterPdf } from './case-documents.ts';
import { caseViewer } from './case-visibility.ts';
import {
  approveClosure,
  changeStage,
  endPlacement,
  placeResident,
  readCase,
  recordAssessment,
  recordPlan,
  recordService,
} from './case-work.ts';
import { casePolicy } from './cases.policy.ts';
import { createCase, listCases } from './cases.service.ts';
import { recommendCenters } from './recommend-centers.ts';
import { responseTimes } from './response-times.ts';

const idParams = z.object({ id: z.uuid() });
const bodyCenter = (request: { body: unknown }) =>
  (request.body as { centerId?: string } | undefined)?.centerId;

export const caseRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  /** The case the URL names, as the signed-in user may act on it. */
  const onCase = (request: { auditContext: AuditContext; actor: Actor | null; params: { id: string } }) => ({
    db,
    context: request.auditContext,
    viewer: caseViewer(request.actor!),
    id: request.params.id,
  });
  const after = (request: Parameters<typeof onCase>[0]) => readCase(onCase(request));

  app.post('/api/routing/recommendations', {
    config: { policy: casePolicy.recommendCenters },
    schema: {
      tags: ['cases'],
      summary: 'Rekomendasi balai untuk kasus (jangkauan, kapasitas, jarak; bukan spesialisasi historis)',
      body: routingQuery,
      response: { 200: z.object({ items: z.array(recommendationSchema) }) },
    },
    handler: async (request) => ({ items: await recommendCenters(db, request.body) }),
  });

  app.post('/api/cases/list', {
    config: { policy: casePolicy.list },
    schema: {
      tags: ['cases'],
      summary: 'Kasus saya / kasus balai (pencarian di badan permintaan)',
      body: caseListInput,
      response: { 200: casePage },
    },
    handler: (request) => listCases(db, caseViewer(request.actor!), request.body),
  });

  app.get('/api/cases/response-times', {
    config: { policy: casePolicy.list },
    schema: {
      tags: ['cases'],
      summary: 'Waktu respons (penerimaan → layanan pertama) per balai',
      response: { 200: z.object({ items: z.array(responseTimeSchema) }) },
    },
    handler: async (request) => ({
      items: await responseTimes(db, centerScope(request.actor, casePolicy.list)),
    }),
  });

  app.post('/api/cases/export', {
    config: { policy: casePolicy.list },
    schema: {
      tags: ['cases'],
      summary: 'Ekspor daftar kasus terfilter ke XLSX (NIK tersamar)',
      body: caseListInput,
    },
    handler: async (request, reply) => {
      const file = await exportCases(db, caseViewer(request.actor!), request.body);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="kasus-atensi-${new Date().toISOString().slice(0, 10)}.xlsx"`,
        )
        .send(file);
    },
  });

  app.get('/api/cases/:id/summary.pdf', {
    config: { policy: casePolicy.read },
    schema: { tags: ['cases'], summary: 'Ringkasan kasus (PDF, kop balai)', params: idParams },
    handler: async (request, reply) => {
      const pdf = await caseSummaryPdf({
        ...onCase(request),
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="ringkasan-kasus.pdf"')
        .send(pdf);
    },
  });

  app.post('/api/cases/:id/referral-letter', {
    config: { policy: casePolicy.work },
    schema: {
      tags: ['cases'],
      summary: 'Surat rujukan (PDF, kop balai; dicatat di log audit)',
      params: idParams,
      body: referralLetterInput,
    },
    handler: async (request, reply) => {
      const viewer = caseViewer(request.actor!);
      const pdf = await referralLetterPdf({
        db,
        context: request.auditContext,
        viewer,
        id: request.params.id,
        input: request.body,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="surat-rujukan.pdf"')
        .send(pdf);
    },
  });

  app.post('/api/cases', {
    config: { policy: casePolicy.create, resourceCenterId: bodyCenter },
    schema: {
      tags: ['cases'],
      summary: 'Buka kasus ATENSI',
      body: createCaseInput,
      response: { 201: caseSchema },
    },
    handler: async (request, reply) => {
      const id = await createCase({ db, context: request.auditContext, input: request.body });
      const viewer = caseViewer(request.actor!);
      // The opener may not see the case afterwards (a desk officer, or a worker assigning a colleague).
      const created = await readCase({
        db,
        context: request.auditContext,
        viewer: { ...viewer, headOf: [...viewer.headOf, request.body.centerId] },
        id,
      });
      return reply.status(201).send(created);
    },
  });

  app.get('/api/cases/:id', {
    config: { policy: casePolicy.read },
    schema: {
      tags: ['cases'],
      summary: 'Detail kasus (pembacaan kasus sensitif dicatat di log audit)',
      params: idParams,
      response: { 200: caseSchema },
    },
    handler: (request) =>
      readCase({
        ...onCase(request),
      }),
  });

  /** A change to the case; answers the case as it is now. */
  const base = { tags: ['cases'], params: idParams, response: { 200: caseSchema } };

  app.post('/api/cases/:id/stage', {
    config: { policy: casePolicy.work },
    schema: {
      ...base,
      summary: 'Ubah tahap kasus (permintaan terminasi, penolakan, buka kembali)',
      body: changeStageInput,
    },
    handler: async (request) => {
      await changeStage({
        ...onCase(request),
        input: request.body,
      });
      return after(request);
    },
  });

  app.post('/api/cases/:id/assessment', {
    config: { policy: casePolicy.work },
    schema: { ...base, summary: 'Catat asesmen (kebutuhan 7 komponen ATENSI)', body: assessmentInput },
    handler: async (request) => {
      await recordAssessment({
        ...onCase(request),
        input: request.body,
      });
      return after(request);
    },
  });

  app.post('/api/cases/:id/plan', {
    config: { policy: casePolicy.work },
    schema: { ...base, summary: 'Catat rencana intervensi', body: planInput },
    handler: async (request) => {
      await recordPlan({
        ...onCase(request),
        input: request.body,
      });
      return after(request);
    },
  });

  app.post('/api/cases/:id/services', {
    config: { policy: casePolicy.work },
    schema: { ...base, summary: 'Catat layanan yang diberikan', body: serviceRecordInput },
    handler: async (request) => {
      await recordService({
        ...onCase(request),
        input: request.body,
      });
      return after(request);
    },
  });

  app.post('/api/cases/:id/placement', {
    config: { policy: casePolicy.work },
    schema: { ...base, summary: 'Tempatkan di balai (memakai satu tempat tidur)' },
    handler: async (request) => {
      await placeResident({
        ...onCase(request),
      });
      return after(request);
    },
  });

  app.post('/api/cases/:id/placement/end', {
    config: { policy: casePolicy.work },
    schema: { ...base, summary: 'Akhiri penempatan (tempat tidur kembali kosong)', body: endPlacementInput },
    handler: async (request) => {
      await endPlacement({
        ...onCase(request),
        reason: request.body.reason,
      });
      return after(request);
    },
  });

  app.post('/api/cases/:id/closure', {
    config: { policy: casePolicy.approveClosure },
    schema: { ...base, summary: 'Setujui terminasi dengan hasil (kepala balai)', body: approveClosureInput },
    handler: async (request) => {
      const { version, outcomes } = request.body;
      await approveClosure({
        ...onCase(request),
        version,
        outcomes,
      });
      return after(request);
    },
  });
};
