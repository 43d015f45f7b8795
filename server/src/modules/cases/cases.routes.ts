import {
  acceptTransferInput,
  approveClosureInput,
  assessmentInput,
  cancelTransferInput,
  caseListInput,
  casePage,
  caseSchema,
  caseWorkerSchema,
  changeStageInput,
  createCaseInput,
  createReferralInput,
  endPlacementInput,
  followUpInput,
  planInput,
  reassignCaseInput,
  recommendationSchema,
  referralLetterInput,
  referralListInput,
  referralPage,
  referralSchema,
  referralStatusInput,
  rejectTransferInput,
  requestTransferInput,
  responseTimeSchema,
  routingOrigin,
  routingQuery,
  serviceRecordInput,
  transferSchema,
} from '@atensi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuditContext } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { fileTypes, sendFile } from '../../platform/http/send-file.ts';
import { centerScope } from '../../platform/policy/policy.ts';
import { personReadScope } from '../persons/persons.service.ts';
import { caseForLetter, caseSummaryPdf, exportCases, referralLetterPdf } from './case-documents.ts';
import { recordFollowUp } from './case-follow-ups.ts';
import {
  answerReferral,
  createReferral,
  listReferrals,
  loadReferral,
  loadReferralAnswer,
} from './case-referrals.ts';
import {
  acceptTransfer,
  cancelTransfer,
  rejectTransfer,
  requestTransfer,
  transfersOf,
} from './case-transfers.ts';
import { type CaseViewer, caseViewerOf } from './case-visibility.ts';
import {
  approveClosure,
  changeStage,
  endPlacement,
  placeResident,
  recordAssessment,
  recordPlan,
  recordService,
} from './case-work.ts';
import { caseWorkersAt, reassignCase } from './case-workers.ts';
import { casePolicy } from './cases.policy.ts';
import { createCase, listCases } from './cases.service.ts';
import { readCase } from './read-case.ts';
import { recommendCenters, routingOriginOf } from './recommend-centers.ts';
import { responseTimes } from './response-times.ts';

const idParams = z.object({ id: z.uuid() });
const bodyCenter = (request: { body: unknown }) =>
  (request.body as { centerId?: string } | undefined)?.centerId;

declare module 'fastify' {
  interface FastifyRequest {
    /** What the signed-in user may see of cases (set for the case routes). */
    caseViewer: CaseViewer;
  }
}

export const caseRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.decorateRequest('caseViewer', null as unknown as CaseViewer);
  // Partner staff see cases through their institution's referrals: one lookup per request.
  app.addHook('preHandler', async (request) => {
    if (request.actor) request.caseViewer = await caseViewerOf(db, request.actor);
  });

  /** The case the URL names, as the signed-in user may act on it. */
  const onCase = (request: {
    auditContext: AuditContext;
    caseViewer: CaseViewer;
    params: { id: string };
  }) => ({
    db,
    context: request.auditContext,
    viewer: request.caseViewer,
    id: request.params.id,
  });
  const after = (request: Parameters<typeof onCase>[0]) => readCase(onCase(request));

  app.post('/api/routing/recommendations', {
    config: { policy: casePolicy.recommendCenters },
    schema: {
      tags: ['cases'],
      summary: 'Rekomendasi balai untuk kasus (jangkauan, kapasitas, jarak; bukan spesialisasi historis)',
      body: routingQuery,
      response: { 200: z.object({ items: z.array(recommendationSchema), origin: routingOrigin.nullable() }) },
    },
    handler: async (request) => ({
      items: await recommendCenters(db, request.body),
      origin: routingOriginOf(request.body),
    }),
  });

  app.get('/api/centers/:id/case-workers', {
    config: {
      policy: casePolicy.caseWorkers,
      resourceCenterId: (request) => (request.params as { id: string }).id,
    },
    schema: {
      tags: ['cases'],
      summary: 'Pekerja sosial dan kepala balai yang dapat menangani kasus, dengan jumlah kasus terbuka',
      params: idParams,
      response: { 200: z.object({ items: z.array(caseWorkerSchema) }) },
    },
    handler: async (request) => ({ items: await caseWorkersAt(db, request.params.id) }),
  });

  app.post('/api/cases/list', {
    config: { policy: casePolicy.list },
    schema: {
      tags: ['cases'],
      summary: 'Kasus saya / kasus balai (pencarian di badan permintaan)',
      body: caseListInput,
      response: { 200: casePage },
    },
    handler: (request) => listCases(db, request.caseViewer, request.body),
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
      const file = await exportCases(db, request.caseViewer, request.body);
      return sendFile(reply, {
        contentType: fileTypes.xlsx,
        filename: `kasus-atensi-${new Date().toISOString().slice(0, 10)}.xlsx`,
        body: file,
      });
    },
  });

  app.get('/api/cases/:id/summary.pdf', {
    config: { policy: casePolicy.read },
    schema: { tags: ['cases'], summary: 'Ringkasan kasus (PDF, kop balai)', params: idParams },
    handler: async (request, reply) => {
      const pdf = await caseSummaryPdf({
        ...onCase(request),
        personScope: personReadScope(request.actor),
      });
      return sendFile(reply, { contentType: fileTypes.pdf, filename: 'ringkasan-kasus.pdf', body: pdf });
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
      const pdf = await referralLetterPdf({
        ...onCase(request),
        personScope: personReadScope(request.actor),
        input: request.body,
      });
      return sendFile(reply, { contentType: fileTypes.pdf, filename: 'surat-rujukan.pdf', body: pdf });
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
      const id = await createCase({ db, context: request.auditContext, input: request.body }).catch(
        (error: unknown) => {
          // Too many identity proofs: say when to try again.
          const wait = error instanceof AppError ? error.details?.retryAfterSeconds : undefined;
          if (typeof wait === 'number') reply.header('retry-after', String(wait));
          throw error;
        },
      );
      const viewer = request.caseViewer;
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

  app.post('/api/cases/:id/transfer', {
    config: { policy: casePolicy.work },
    schema: { ...base, summary: 'Minta pemindahan kasus ke balai lain', body: requestTransferInput },
    handler: async (request) => {
      await requestTransfer({ ...onCase(request), input: request.body });
      return after(request);
    },
  });

  app.post('/api/cases/:id/transfer/cancel', {
    config: { policy: casePolicy.work },
    schema: { ...base, summary: 'Batalkan permintaan pemindahan', body: cancelTransferInput },
    handler: async (request) => {
      await cancelTransfer({ ...onCase(request), version: request.body.version });
      return after(request);
    },
  });

  app.post('/api/cases/:id/transfer/accept', {
    config: { policy: casePolicy.decideTransfer },
    schema: {
      ...base,
      summary: 'Terima pemindahan (kepala balai tujuan; kasus pindah dengan seluruh riwayatnya)',
      body: acceptTransferInput,
    },
    handler: async (request) => {
      await acceptTransfer({ ...onCase(request), input: request.body });
      return after(request);
    },
  });

  app.post('/api/cases/:id/transfer/reject', {
    config: { policy: casePolicy.decideTransfer },
    schema: {
      ...base,
      summary: 'Tolak pemindahan (kepala balai tujuan); menjawab keputusan, karena kasus tetap di balai asal',
      body: rejectTransferInput,
      response: { 200: z.object({ transfer: transferSchema }) },
    },
    handler: async (request) => {
      await rejectTransfer({ ...onCase(request), input: request.body });
      // The case stays with the sending centre, out of the rejecting head's sight: answer the decision.
      const transfers = await transfersOf(db, request.params.id);
      return { transfer: transfers.at(-1)! };
    },
  });

  app.post('/api/cases/:id/assign', {
    config: { policy: casePolicy.reassign },
    schema: {
      ...base,
      summary: 'Ganti pekerja sosial yang menangani (kepala balai)',
      body: reassignCaseInput,
    },
    handler: async (request) => {
      await reassignCase({ ...onCase(request), input: request.body });
      return after(request);
    },
  });

  app.post('/api/cases/:id/follow-ups', {
    config: { policy: casePolicy.work },
    schema: { ...base, summary: 'Catat kunjungan bimbingan lanjut (setelah terminasi)', body: followUpInput },
    handler: async (request) => {
      await recordFollowUp({ ...onCase(request), input: request.body });
      return after(request);
    },
  });

  app.post('/api/cases/:id/referrals', {
    config: { policy: casePolicy.work },
    schema: {
      ...base,
      summary: 'Rujuk ke program/instansi (PKH, BPNT, KUBE, Prokus, BPJS PBI, RS/RSJ, balai lain, LKS)',
      body: createReferralInput,
    },
    handler: async (request) => {
      await createReferral({ ...onCase(request), input: request.body });
      return after(request);
    },
  });

  const referralParams = z.object({ id: z.uuid(), referralId: z.uuid() });

  app.post('/api/cases/:id/referrals/:referralId/status', {
    config: { policy: casePolicy.answerReferral },
    schema: {
      tags: ['cases'],
      params: referralParams,
      summary: 'Jawab rujukan: diterima, ditolak, selesai, dibatalkan',
      body: referralStatusInput,
      // `case` is null when the answer closed the referral for LKS staff, who then no longer see the case.
      response: { 200: z.object({ referral: referralSchema, case: caseSchema.nullable() }) },
    },
    handler: async (request) => {
      const { id, referralId } = request.params;
      await answerReferral({
        db,
        context: request.auditContext,
        viewer: request.caseViewer,
        caseId: id,
        referralId,
        input: request.body,
      });
      const c = await after(request).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'case.not_found') return null;
        throw error;
      });
      const referral = await loadReferralAnswer(db, id, referralId);
      return { referral, case: c };
    },
  });

  app.get('/api/cases/:id/referrals/:referralId/letter.pdf', {
    config: { policy: casePolicy.work },
    schema: {
      tags: ['cases'],
      summary: 'Surat rujukan untuk rujukan ini (PDF, kop balai)',
      params: referralParams,
    },
    handler: async (request, reply) => {
      // Who may not issue the case's letters learns nothing of its referrals either.
      await caseForLetter(db, request.caseViewer, request.params.id);
      const referral = await loadReferral(db, request.params.id, request.params.referralId);
      const pdf = await referralLetterPdf({
        ...onCase(request),
        personScope: personReadScope(request.actor),
        input: {
          letterNumber: referral.letterNumber ?? '-',
          recipient: referral.targetName,
          purpose: referral.reason,
        },
      });
      return sendFile(reply, { contentType: fileTypes.pdf, filename: 'surat-rujukan.pdf', body: pdf });
    },
  });

  app.post('/api/referrals/list', {
    config: { policy: casePolicy.listReferrals },
    schema: {
      tags: ['cases'],
      summary: 'Rujukan masuk (LKS) atau keluar (kasus yang terlihat, tiket SERASI balai sendiri)',
      body: referralListInput,
      response: { 200: referralPage },
    },
    handler: (request) => listReferrals(db, request.caseViewer, request.body),
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
