import {
  assignTicketInput,
  closeTicketInput,
  deskMetricsQuery,
  deskMetricsSchema,
  filedTicketSchema,
  fileTicketInput,
  forwardTicketInput,
  incomingReferralInput,
  linkTicketInput,
  metricsPeriodBounds,
  openCaseFromTicketInput,
  referralSchema,
  referralStatusInput,
  serasiConsentVersion,
  serasiFormSchema,
  slaSchema,
  text,
  ticketListInput,
  ticketMessageInput,
  ticketPage,
  ticketSchema,
  trackedTicketSchema,
  updateSlaInput,
} from '@atensi/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuditContext } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { fileTypes, sendFile } from '../../platform/http/send-file.ts';
import { type Actor, centerScope } from '../../platform/policy/policy.ts';
import { hitRateLimit, type RateLimit } from '../../platform/rate-limit/rate-limit.ts';
import { loadCase } from '../cases/cases.service.ts';
import {
  answerTicketReferral,
  loadTicketReferral,
  ticketReferralLetterPdf,
} from '../cases/ticket-referrals.ts';
import { partnerIdsOfUser } from '../partners/partners.service.ts';
import { deskMetrics } from './escalation.ts';
import { issueFormToken } from './form-token.ts';
import { serasiError } from './serasi.errors.ts';
import { serasiPolicy } from './serasi.policy.ts';
import {
  answerTicket,
  assignTicket,
  closeTicket,
  forwardTicket,
  linkTicketToCase,
  noteTicket,
  openCaseFromTicket,
} from './ticket-triage.ts';
import {
  addTicketEvent,
  fileTicket,
  listTickets,
  loadTicket,
  readTicket,
  recordIncomingReferral,
  regencyName,
  slaTable,
  ticketPhoto,
  trackTicket,
  updateSla,
} from './tickets.service.ts';

/**
 * Public limits per network address. Generous enough for a family sharing one mobile
 * network (carrier NAT); the form token's minimum age and single use do most of the work.
 */
export const serasiLimits = {
  file: { scope: 'serasi.file', limit: 20, windowSeconds: 3600 },
  track: { scope: 'serasi.track', limit: 120, windowSeconds: 600 },
  form: { scope: 'serasi.form', limit: 120, windowSeconds: 600 },
} satisfies Record<string, RateLimit>;

const idParams = z.object({ id: z.uuid() });

export const serasiRoutes: FastifyPluginAsyncZod<{
  db: Db;
  secret: string;
  limits?: typeof serasiLimits;
}> = async (app, { db, secret, limits = serasiLimits }) => {
  const limit = async (rule: RateLimit, request: FastifyRequest, reply: FastifyReply) => {
    const hit = await hitRateLimit(db, rule, request.ip, secret);
    if (!hit.allowed) {
      reply.header('retry-after', String(hit.retryAfterSeconds));
      throw serasiError('serasi.too_many', { minutes: Math.max(1, Math.ceil(hit.retryAfterSeconds / 60)) });
    }
  };
  const deskScope = (actor: Actor | null) => centerScope(actor, serasiPolicy.read);
  const triageScope = (actor: Actor | null) => {
    const scope = centerScope(actor, serasiPolicy.triage);
    return scope === 'all' ? [] : scope;
  };
  type OnTicket = { auditContext: AuditContext; actor: Actor | null; params: { id: string } };
  const ticketOf = (request: OnTicket) =>
    readTicket({
      db,
      context: request.auditContext,
      scope: deskScope(request.actor),
      triageScope: triageScope(request.actor),
      id: request.params.id,
      caseNumber: async (id) => (await loadCase(db, id)).number,
    });
  const triage = (request: OnTicket & { body: { version: number } }) => ({
    db,
    context: request.auditContext,
    triageScope: triageScope(request.actor),
    id: request.params.id,
    version: request.body.version,
  });

  app.get('/api/serasi/form', {
    config: { policy: serasiPolicy.form },
    schema: {
      tags: ['serasi'],
      summary: 'Token formulir pengaduan publik',
      response: { 200: serasiFormSchema },
    },
    handler: async (request, reply) => {
      await limit(limits.form, request, reply);
      return { formToken: issueFormToken(secret), consentVersion: serasiConsentVersion };
    },
  });

  app.post('/api/serasi/tickets', {
    config: { policy: serasiPolicy.file },
    // A photo of up to 3 MB travels base64-encoded (4 MB) in the JSON body.
    bodyLimit: 5 * 1024 * 1024,
    schema: {
      tags: ['serasi'],
      summary: 'Kirim laporan/pengaduan SERASI (publik, tanpa masuk)',
      body: fileTicketInput,
      response: { 201: filedTicketSchema },
    },
    handler: async (request, reply) => {
      await limit(limits.file, request, reply);
      const filed = await fileTicket({ db, context: request.auditContext, input: request.body, secret });
      return reply.status(201).send(filed);
    },
  });

  app.get('/api/serasi/track/:code', {
    config: { policy: serasiPolicy.track },
    schema: {
      tags: ['serasi'],
      summary: 'Lacak tiket dengan kode (status dan jawaban publik saja)',
      params: z.object({ code: text().trim().min(5).max(30) }),
      response: { 200: trackedTicketSchema },
    },
    handler: async (request, reply) => {
      await limit(limits.track, request, reply);
      return trackTicket(db, request.params.code);
    },
  });

  app.post('/api/serasi/tickets/incoming', {
    config: { policy: serasiPolicy.triage },
    schema: {
      tags: ['serasi'],
      summary: 'Catat rujukan masuk dari program/instansi lain (menjadi tiket di antrean)',
      body: incomingReferralInput,
      response: { 201: z.object({ id: z.uuid(), code: z.string() }) },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await recordIncomingReferral({ db, context: request.auditContext, input: request.body })),
  });

  app.post('/api/serasi/tickets/list', {
    config: { policy: serasiPolicy.list },
    schema: {
      tags: ['serasi'],
      summary: 'Antrean tiket SERASI',
      body: ticketListInput,
      response: { 200: ticketPage },
    },
    handler: (request) => listTickets(db, deskScope(request.actor), request.body),
  });

  app.get('/api/serasi/metrics', {
    config: { policy: serasiPolicy.metrics },
    schema: {
      tags: ['serasi'],
      summary:
        'Metrik layanan SERASI (per jenis dan status, kepatuhan SLA, median respons pertama); periode dalam hari WIB, kedua ujung termasuk',
      querystring: deskMetricsQuery,
      response: { 200: deskMetricsSchema },
    },
    handler: (request) =>
      deskMetrics(db, centerScope(request.actor, serasiPolicy.metrics), metricsPeriodBounds(request.query)),
  });

  app.get('/api/serasi/sla', {
    config: { policy: serasiPolicy.readSla },
    schema: {
      tags: ['serasi'],
      summary: 'Batas waktu layanan per jenis tiket',
      response: { 200: z.object({ items: z.array(slaSchema) }) },
    },
    handler: async () => ({ items: await slaTable(db) }),
  });

  app.put('/api/serasi/sla', {
    config: { policy: serasiPolicy.updateSla },
    schema: {
      tags: ['serasi'],
      summary: 'Ubah batas waktu layanan (berlaku untuk tiket baru)',
      body: updateSlaInput,
      response: { 200: z.object({ items: z.array(slaSchema) }) },
    },
    handler: async (request) => {
      await updateSla({ db, context: request.auditContext, items: request.body.items });
      return { items: await slaTable(db) };
    },
  });

  app.get('/api/serasi/tickets/:id', {
    config: { policy: serasiPolicy.read },
    schema: {
      tags: ['serasi'],
      summary: 'Detail tiket (pembacaan dicatat di log audit)',
      params: idParams,
      response: { 200: ticketSchema },
    },
    handler: (request) => ticketOf(request),
  });

  app.get('/api/serasi/tickets/:id/photo', {
    config: { policy: serasiPolicy.read },
    schema: { tags: ['serasi'], summary: 'Foto lampiran tiket', params: idParams },
    handler: async (request, reply) => {
      const photo = await ticketPhoto(db, deskScope(request.actor), request.params.id);
      return sendFile(reply, { contentType: photo.contentType, body: photo.bytes });
    },
  });

  const base = { tags: ['serasi'], params: idParams, response: { 200: ticketSchema } };

  app.post('/api/serasi/tickets/:id/assign', {
    config: { policy: serasiPolicy.triage },
    schema: { ...base, summary: 'Tetapkan balai yang menangani', body: assignTicketInput },
    handler: async (request) => {
      await assignTicket({ ...triage(request), centerId: request.body.centerId });
      return ticketOf(request);
    },
  });

  app.post('/api/serasi/tickets/:id/answer', {
    config: { policy: serasiPolicy.triage },
    schema: { ...base, summary: 'Jawaban publik (tampil di halaman lacak)', body: ticketMessageInput },
    handler: async (request) => {
      await answerTicket({ ...triage(request), text: request.body.text });
      return ticketOf(request);
    },
  });

  app.post('/api/serasi/tickets/:id/note', {
    config: { policy: serasiPolicy.triage },
    schema: { ...base, summary: 'Catatan internal (tidak tampil untuk pelapor)', body: ticketMessageInput },
    handler: async (request) => {
      await noteTicket({ ...triage(request), text: request.body.text });
      return ticketOf(request);
    },
  });

  app.post('/api/serasi/tickets/:id/forward', {
    config: { policy: serasiPolicy.triage },
    schema: {
      ...base,
      summary: 'Teruskan ke program/instansi lain sebagai rujukan terlacak (status, surat)',
      body: forwardTicketInput,
    },
    handler: async (request) => {
      await forwardTicket({ ...triage(request), input: request.body });
      return ticketOf(request);
    },
  });

  app.post('/api/serasi/tickets/:id/close', {
    config: { policy: serasiPolicy.triage },
    schema: { ...base, summary: 'Tutup tiket dengan jawaban akhir', body: closeTicketInput },
    handler: async (request) => {
      await closeTicket({ ...triage(request), publicText: request.body.publicText });
      return ticketOf(request);
    },
  });

  app.post('/api/serasi/tickets/:id/link-case', {
    config: { policy: serasiPolicy.triage },
    schema: { ...base, summary: 'Hubungkan dengan kasus yang sudah ada', body: linkTicketInput },
    handler: async (request) => {
      await linkTicketToCase({ ...triage(request), input: request.body });
      return ticketOf(request);
    },
  });

  const referralParams = z.object({ referralId: z.uuid() });

  app.post('/api/serasi/referrals/:referralId/status', {
    config: { policy: serasiPolicy.answerReferral },
    schema: {
      tags: ['serasi'],
      summary: 'Jawab rujukan dari tiket tanpa kasus: diterima, ditolak, selesai, dibatalkan',
      params: referralParams,
      body: referralStatusInput,
      response: { 200: referralSchema },
    },
    handler: async (request) => {
      const actor = request.actor!;
      const partnerIds = actor.assignments.some((a) => a.role === 'partner')
        ? await partnerIdsOfUser(db, actor.userId)
        : [];
      return answerTicketReferral({
        db,
        context: request.auditContext,
        referralId: request.params.referralId,
        deskCenterIds: triageScope(actor),
        partnerIds,
        input: request.body,
        onAnswered: (tx, step) =>
          addTicketEvent(tx, {
            ticketId: step.ticketId,
            kind: 'referral_updated',
            public: false,
            text: step.text,
            context: request.auditContext,
          }).then(() => undefined),
      });
    },
  });

  app.get('/api/serasi/referrals/:referralId/letter.pdf', {
    config: { policy: serasiPolicy.triage },
    schema: {
      tags: ['serasi'],
      summary: 'Surat penerusan tiket (PDF, kop balai; dicatat di log audit)',
      params: referralParams,
    },
    handler: async (request, reply) => {
      const referral = await loadTicketReferral(db, request.params.referralId, triageScope(request.actor));
      const ticket = await loadTicket(db, 'all', referral.ticketId!);
      const pdf = await ticketReferralLetterPdf({
        db,
        context: request.auditContext,
        referral,
        ticket: {
          code: ticket.code,
          filedAt: ticket.filedAt,
          area: await regencyName(db, ticket.regionCode),
        },
      });
      return sendFile(reply, { contentType: fileTypes.pdf, filename: 'surat-rujukan.pdf', body: pdf });
    },
  });

  app.post('/api/serasi/tickets/:id/case', {
    config: { policy: serasiPolicy.triage },
    schema: {
      ...base,
      summary: 'Buka kasus ATENSI dari tiket (pendaftaran cepat tanpa NIK bila perlu)',
      body: openCaseFromTicketInput,
    },
    handler: async (request) => {
      await openCaseFromTicket({ ...triage(request), input: request.body });
      return ticketOf(request);
    },
  });
};
