import { fileTicketInput, type Role, roles } from '@atensi/domain';
import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { createCase } from '../src/modules/cases/cases.service.ts';
import { casePlacements, caseReferrals, cases, caseTransfers } from '../src/modules/cases/cases.tables.ts';
import { createTicketReferral } from '../src/modules/cases/ticket-referrals.ts';
import { getCenter } from '../src/modules/centers/centers.service.ts';
import { fundraisingSamples } from '../src/modules/fundraising/fundraising.matrix.ts';
import { logisticsSamples } from '../src/modules/logistics/logistics.matrix.ts';
import { createShelter, recordOutreach } from '../src/modules/outreach/outreach.service.ts';
import { addPartnerMember, createPartner } from '../src/modules/partners/partners.service.ts';
import { addFamilyMember } from '../src/modules/persons/family.ts';
import { createPerson } from '../src/modules/persons/persons.service.ts';
import { issueFormToken } from '../src/modules/serasi/form-token.ts';
import { serasiTickets } from '../src/modules/serasi/serasi.tables.ts';
import { fileTicket } from '../src/modules/serasi/tickets.service.ts';
import { systemContext } from '../src/modules/users/first-admin.ts';
import { assignRole } from '../src/modules/users/users.service.ts';
import type { Actor } from '../src/platform/policy/policy.ts';
import { buildCenter, buildUser, signIn, type TestContext, testPassword } from './app.ts';

/**
 * One valid request for every /api route, on real objects made fresh for each call: the role ×
 * route table (server/src/policy-matrix.int.test.ts) calls each as every role, the generated
 * bad-input suite (server/src/bad-input.int.test.ts) mutates each. A new route without a sample
 * here fails both. Calls name the centre they act on (`resourceCenterId`) when the route's rule
 * depends on it.
 */
export type Call = { url: string; payload?: unknown; resourceCenterId?: string };
export type Sample = { status: number; calls: (ctx: Ctx) => Promise<Call[]> };
export type Ctx = {
  t: TestContext;
  ownCenter: string;
  otherCenter: string;
  n: () => number;
  workerId: () => string;
  /** The LKS the matrix's partner user works for. */
  partnerId: string;
  /** That partner user. */
  partnerUserId: string;
};

/** A calendar day relative to today (UTC): samples never age into or out of a date's bounds. */
const day = (offset = 0) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

const centerBody = (n: number) => ({
  code: `MX-${n}`,
  name: `Balai Matriks ${n}`,
  type: 'loka',
  regionCode: '53.71.01.1001',
  bedCapacity: 20,
  occupiedBeds: 0,
  coverage: ['53'],
});

const personBody = (ctx: Ctx, centerId = ctx.ownCenter) => ({
  centerId,
  nik: null,
  nikUnknownReason: 'homeless' as const,
  nikWarningsConfirmed: false,
  kkNumber: null,
  fullName: `Orang Matriks ${ctx.n()}`,
  aliases: [],
  sex: 'male' as const,
  birthDate: null,
  birthYearEstimate: 1970,
  birthPlace: null,
  regionCode: '32.75.01.1001',
  rt: null,
  rw: null,
  street: null,
  phone: null,
  disabilityTypes: [],
  dtksStatus: 'unknown' as const,
  dtksDecile: null,
  legalBasis: 'vital_interest' as const,
  consentBy: null,
  consentGuardianName: null,
});
const freshPerson = async (ctx: Ctx, centerId = ctx.ownCenter) =>
  createPerson({ db: ctx.t.database.db, context: systemContext, input: personBody(ctx, centerId) });

const caseBody = async (ctx: Ctx, centerId = ctx.ownCenter) => ({
  personId: await freshPerson(ctx, centerId),
  centerId,
  clusters: ['elderly'] as 'elderly'[],
  childSpecialProtection: false,
  intakeChannel: 'walk_in' as const,
  intakeReference: null,
  problem: 'Lansia terlantar',
  urgency: 'medium' as const,
  modality: 'family' as const,
  assignedWorkerId: ctx.workerId(),
  recommendedCenterId: null,
  overrideReason: null,
});
/** A case assigned to the matrix's social worker, optionally moved straight to a stage. */
const freshCase = async (ctx: Ctx, stage?: string) => {
  const id = await createCase({ db: ctx.t.database.db, context: systemContext, input: await caseBody(ctx) });
  // Referred to the matrix's LKS, so its staff may read it (partner scope) like the policy says.
  await ctx.t.database.db.insert(caseReferrals).values({
    id: uuidv7(),
    caseId: id,
    target: 'partner',
    partnerId: ctx.partnerId,
    targetName: 'LKS Matriks',
    reason: 'Pendampingan di komunitas',
    status: 'sent',
    sentAt: new Date(),
  });
  if (stage)
    await ctx.t.database.db
      .update(cases)
      .set({ stage, previousStage: 'intervention' })
      .where(eq(cases.id, id));
  return id;
};
/** A case of `from` that `to` has been asked to take (the worker must work at `from`). */
const transferringCase = async (ctx: Ctx, from: string, to: string, workerId: string) => {
  const id = await createCase({
    db: ctx.t.database.db,
    context: systemContext,
    input: { ...(await caseBody(ctx, from)), assignedWorkerId: workerId },
  });
  await ctx.t.database.db.insert(caseTransfers).values({
    id: uuidv7(),
    caseId: id,
    fromCenterId: from,
    toCenterId: to,
    reason: 'Lebih dekat dengan keluarga',
    status: 'pending',
    requestedAt: new Date(),
  });
  await ctx.t.database.db.update(cases).set({ transferToCenterId: to }).where(eq(cases.id, id));
  return id;
};
const partnerBody = (centerId: string, n: number) => ({
  name: `LKS Matriks ${n}`,
  kind: 'general' as const,
  centerId,
  regionCode: '32.75.01.1001',
  address: null,
  accreditation: 'B' as const,
  accreditedUntil: '2028-12-31',
  contactName: null,
  phone: null,
  email: null,
  services: ['elderly' as const],
  capacity: 10,
});
const freshPartner = async (ctx: Ctx) =>
  createPartner({
    db: ctx.t.database.db,
    context: systemContext,
    input: partnerBody(ctx.ownCenter, ctx.n()),
  });
const referralOf = async (ctx: Ctx, caseId: string) =>
  (await ctx.t.database.db.select().from(caseReferrals).where(eq(caseReferrals.caseId, caseId)))[0]!;
const shelterBody = (ctx: Ctx) => ({
  name: `GOR Matriks ${ctx.n()}`,
  centerId: ctx.ownCenter,
  regionCode: '32.75.01.1001',
  address: null,
  capacity: 50,
  openedOn: day(-30),
});
const freshShelter = async (ctx: Ctx) =>
  createShelter({ db: ctx.t.database.db, context: systemContext, input: shelterBody(ctx) });
const outreachBody = (ctx: Ctx) => ({
  centerId: ctx.ownCenter,
  team: 'Tim Matriks',
  date: day(-10),
  place: 'Kolong jembatan',
  regionCode: '32.75.01.1001',
  notes: null,
  assignedWorkerId: ctx.workerId(),
  people: [
    {
      fullName: `Tanpa nama ${ctx.n()}`,
      sex: 'male' as const,
      birthYearEstimate: 1970,
      clusters: ['social_deviance_trafficking' as const],
      urgency: 'high' as const,
      problem: 'Tidur di kolong jembatan',
    },
  ],
});
const onePixelPng =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
/** A public report as the form sends it, with a form token loaded ten seconds earlier. */
const ticketBody = (ctx: Ctx, photo = false) => ({
  type: 'report_person',
  subject: 'odgj',
  description: 'Seorang laki-laki berjalan tanpa alas kaki dan berbicara sendiri di pasar.',
  regionCode: '32.75.01.1001',
  landmark: 'Dekat pasar',
  anonymous: true,
  consentAccepted: true,
  consentVersion: '2026-11',
  photo: photo ? { contentType: 'image/png', dataBase64: onePixelPng } : null,
  formToken: issueFormToken(ctx.t.secret, new Date(Date.now() - 10_000)),
});
const freshTicket = async (ctx: Ctx, photo = false) => {
  const { code } = await fileTicket({
    db: ctx.t.database.db,
    context: systemContext,
    input: fileTicketInput.parse(ticketBody(ctx, photo)),
    secret: ctx.t.secret,
  });
  const [row] = await ctx.t.database.db.select().from(serasiTickets).where(eq(serasiTickets.code, code));
  return row!;
};
/** A ticket forwarded to the matrix's LKS by the own centre's desk (so its staff may answer). */
const freshTicketReferral = async (ctx: Ctx) => {
  const ticket = await freshTicket(ctx);
  const { id } = await createTicketReferral({
    db: ctx.t.database.db,
    context: systemContext,
    ticket: { id: ticket.id, code: ticket.code },
    centerId: ctx.ownCenter,
    input: {
      target: 'partner',
      partnerId: ctx.partnerId,
      targetCenterId: null,
      targetName: null,
      reason: 'Pendampingan keluarga di komunitas',
      letterNumber: null,
    },
  });
  return id;
};
const ticketStep = (
  path: string,
  payload: (ctx: Ctx) => Promise<Record<string, unknown>> | Record<string, unknown>,
) => ({
  status: 200,
  calls: async (ctx: Ctx) => [
    {
      url: `/api/serasi/tickets/${(await freshTicket(ctx)).id}/${path}`,
      payload: { ...(await payload(ctx)), version: 1 },
    },
  ],
});
const serviceBody = {
  component: 'basic_needs',
  serviceType: 'Sembako',
  deliveredOn: day(-10),
  description: 'Paket',
  valueRupiah: 100000,
  providerKind: 'this_center',
};
const needs = {
  basic_needs: 1,
  social_care: 1,
  family_support: 1,
  therapy: 0,
  vocational: 0,
  social_assistance: 1,
  accessibility: 0,
};

const freshUser = async (ctx: Ctx) =>
  buildUser(ctx.t.database, [{ role: 'social_worker', centerId: ctx.ownCenter }]);

export const samples: Record<string, Sample> = {
  'GET /api/openapi.json': { status: 200, calls: async () => [{ url: '/api/openapi.json' }] },
  'GET /api/health': { status: 200, calls: async () => [{ url: '/api/health' }] },
  'GET /api/setup': { status: 200, calls: async () => [{ url: '/api/setup' }] },
  // Public, but users exist and the token is wrong: refused for everybody.
  'POST /api/setup': {
    status: 403,
    calls: async ({ n }) => [
      {
        url: '/api/setup',
        payload: {
          token: 'bukan-token-yang-benar',
          name: 'Admin',
          email: `s${n()}@uji.test`,
          username: `setup${n()}`,
          password: 'Kalimat-Panjang-Sekali-9',
        },
      },
    ],
  },
  'GET /api/regions': { status: 200, calls: async () => [{ url: '/api/regions?level=province' }] },
  'GET /api/regions/:code': { status: 200, calls: async () => [{ url: '/api/regions/53.71' }] },
  'GET /api/me': { status: 200, calls: async () => [{ url: '/api/me' }] },
  'GET /api/centers': { status: 200, calls: async () => [{ url: '/api/centers' }] },
  'GET /api/centers/:id': {
    status: 200,
    calls: async ({ ownCenter }) => [{ url: `/api/centers/${ownCenter}` }],
  },
  'POST /api/centers': {
    status: 201,
    calls: async ({ n }) => [{ url: '/api/centers', payload: centerBody(n()) }],
  },
  'PUT /api/centers/:id': {
    status: 200,
    calls: async ({ t, ownCenter, otherCenter, n }) =>
      Promise.all(
        [ownCenter, otherCenter].map(async (id) => {
          const c = await getCenter(t.database.db, id);
          const payload = {
            ...centerBody(n()),
            code: c.code,
            regionCode: c.regionCode,
            coverage: c.coverage.map((x) => x.code),
            version: c.version,
          };
          return { url: `/api/centers/${id}`, payload, resourceCenterId: id };
        }),
      ),
  },
  'DELETE /api/centers/:id': {
    status: 204,
    calls: async ({ t }) => {
      const c = await buildCenter(t.database);
      return [{ url: `/api/centers/${c.id}?version=${c.version}`, resourceCenterId: c.id }];
    },
  },
  'GET /api/users': { status: 200, calls: async () => [{ url: '/api/users' }] },
  'GET /api/users/:id': {
    status: 200,
    calls: async (ctx) => [{ url: `/api/users/${(await freshUser(ctx)).id}` }],
  },
  'POST /api/users': {
    status: 201,
    calls: async ({ n }) => [
      {
        url: '/api/users',
        payload: {
          name: 'Rina Wati',
          email: `m${n()}@uji.test`,
          username: `matriks${n()}`,
          password: 'Kalimat-Panjang-Sekali-9',
        },
      },
    ],
  },
  'POST /api/users/:id/roles': {
    status: 200,
    calls: async (ctx) => [
      {
        url: `/api/users/${(await freshUser(ctx)).id}/roles`,
        payload: { role: 'finance', centerId: ctx.ownCenter },
      },
    ],
  },
  'DELETE /api/users/:id/roles/:assignmentId': {
    status: 200,
    calls: async (ctx) => {
      const u = await freshUser(ctx);
      const user = await assignRole({
        db: ctx.t.database.db,
        context: systemContext,
        userId: u.id,
        input: { role: 'finance', centerId: ctx.ownCenter },
      });
      return [{ url: `/api/users/${u.id}/roles/${user.roles.find((r) => r.role === 'finance')!.id}` }];
    },
  },
  'POST /api/users/:id/deactivate': {
    status: 200,
    calls: async (ctx) => [{ url: `/api/users/${(await freshUser(ctx)).id}/deactivate`, payload: {} }],
  },
  'POST /api/users/:id/activate': {
    status: 200,
    calls: async (ctx) => [{ url: `/api/users/${(await freshUser(ctx)).id}/activate`, payload: {} }],
  },
  'GET /api/audit': { status: 200, calls: async () => [{ url: '/api/audit' }] },
  // The caller's own account: a new name, and a password change to the same password (so later calls still sign in).
  'POST /api/auth/update-user': {
    status: 200,
    calls: async (ctx) => [
      { url: '/api/auth/update-user', payload: { name: `Pengguna Matriks ${ctx.n()}` } },
    ],
  },
  'POST /api/auth/change-password': {
    status: 200,
    calls: async () => [
      {
        url: '/api/auth/change-password',
        payload: { currentPassword: testPassword, newPassword: testPassword, revokeOtherSessions: false },
      },
    ],
  },
  'POST /api/routing/recommendations': {
    status: 200,
    calls: async () => [
      { url: '/api/routing/recommendations', payload: { regionCode: '32.75.01.1001', modality: 'family' } },
    ],
  },
  'POST /api/cases/list': {
    status: 200,
    calls: async () => [{ url: '/api/cases/list', payload: { view: 'center' } }],
  },
  'POST /api/cases': {
    status: 201,
    calls: async (ctx) => [
      { url: '/api/cases', payload: await caseBody(ctx), resourceCenterId: ctx.ownCenter },
    ],
  },
  'GET /api/cases/:id': {
    status: 200,
    calls: async (ctx) => [{ url: `/api/cases/${await freshCase(ctx)}` }],
  },
  'POST /api/cases/:id/stage': {
    status: 200,
    calls: async (ctx) => [
      { url: `/api/cases/${await freshCase(ctx)}/stage`, payload: { to: 'assessment', version: 1 } },
    ],
  },
  'POST /api/cases/:id/assessment': {
    status: 200,
    calls: async (ctx) => [
      {
        url: `/api/cases/${await freshCase(ctx)}/assessment`,
        payload: { needs, riskLevel: 'low', narrative: 'Baik', assessedOn: day(-10) },
      },
    ],
  },
  'POST /api/cases/:id/plan': {
    status: 200,
    calls: async (ctx) => [
      {
        url: `/api/cases/${await freshCase(ctx)}/plan`,
        payload: {
          goals: [
            {
              component: 'basic_needs',
              goal: 'Makan cukup',
              plannedServices: 'Sembako',
              targetDate: day(30),
            },
          ],
        },
      },
    ],
  },
  'POST /api/cases/:id/services': {
    status: 200,
    calls: async (ctx) => [{ url: `/api/cases/${await freshCase(ctx)}/services`, payload: serviceBody }],
  },
  'GET /api/cases/response-times': { status: 200, calls: async () => [{ url: '/api/cases/response-times' }] },
  'POST /api/cases/export': {
    status: 200,
    calls: async () => [{ url: '/api/cases/export', payload: { view: 'center' } }],
  },
  'GET /api/cases/:id/summary.pdf': {
    status: 200,
    calls: async (ctx) => [{ url: `/api/cases/${await freshCase(ctx)}/summary.pdf` }],
  },
  'POST /api/cases/:id/referral-letter': {
    status: 200,
    calls: async (ctx) => [
      {
        url: `/api/cases/${await freshCase(ctx)}/referral-letter`,
        payload: { letterNumber: '1/2026', recipient: 'Dinas Sosial', purpose: 'Pendaftaran PKH' },
      },
    ],
  },
  'POST /api/cases/:id/placement': {
    status: 200,
    calls: async (ctx) => [{ url: `/api/cases/${await freshCase(ctx)}/placement` }],
  },
  'POST /api/cases/:id/placement/end': {
    status: 200,
    calls: async (ctx) => {
      const id = await freshCase(ctx);
      await ctx.t.database.db
        .insert(casePlacements)
        .values({ id: uuidv7(), caseId: id, centerId: ctx.ownCenter, startedAt: new Date() });
      return [{ url: `/api/cases/${id}/placement/end`, payload: { reason: 'Pulang ke keluarga' } }];
    },
  },
  'POST /api/cases/:id/closure': {
    status: 200,
    calls: async (ctx) => [
      {
        url: `/api/cases/${await freshCase(ctx, 'termination_requested')}/closure`,
        payload: {
          version: 1,
          outcomes: {
            basicNeedsMet: true,
            ownIncome: false,
            mobilityImproved: false,
            familyCanCare: true,
            servicesComplete: true,
            summary: 'Selesai',
          },
        },
      },
    ],
  },
  'GET /api/centers/:id/case-workers': {
    status: 200,
    calls: async (ctx) => [
      { url: `/api/centers/${ctx.ownCenter}/case-workers`, resourceCenterId: ctx.ownCenter },
    ],
  },
  'POST /api/cases/:id/transfer': {
    status: 200,
    calls: async (ctx) => [
      {
        url: `/api/cases/${await freshCase(ctx)}/transfer`,
        payload: { toCenterId: ctx.otherCenter, reason: 'Lebih dekat dengan keluarga', version: 1 },
      },
    ],
  },
  'POST /api/cases/:id/transfer/cancel': {
    status: 200,
    calls: async (ctx) => [
      {
        url: `/api/cases/${await transferringCase(ctx, ctx.ownCenter, ctx.otherCenter, ctx.workerId())}/transfer/cancel`,
        payload: { version: 1 },
      },
    ],
  },
  'POST /api/cases/:id/transfer/accept': {
    status: 200,
    calls: async (ctx) => {
      const otherWorker = await buildUser(ctx.t.database, [
        { role: 'social_worker', centerId: ctx.otherCenter },
      ]);
      const id = await transferringCase(ctx, ctx.otherCenter, ctx.ownCenter, otherWorker.id);
      return [
        {
          url: `/api/cases/${id}/transfer/accept`,
          payload: { assignedWorkerId: ctx.workerId(), version: 1 },
        },
      ];
    },
  },
  'POST /api/cases/:id/transfer/reject': {
    status: 200,
    calls: async (ctx) => {
      const otherWorker = await buildUser(ctx.t.database, [
        { role: 'social_worker', centerId: ctx.otherCenter },
      ]);
      const id = await transferringCase(ctx, ctx.otherCenter, ctx.ownCenter, otherWorker.id);
      return [
        { url: `/api/cases/${id}/transfer/reject`, payload: { reason: 'Tidak ada tempat', version: 1 } },
      ];
    },
  },
  'POST /api/cases/:id/assign': {
    status: 200,
    calls: async (ctx) => [
      {
        url: `/api/cases/${await freshCase(ctx)}/assign`,
        payload: { assignedWorkerId: (await freshUser(ctx)).id, version: 1 },
      },
    ],
  },
  'POST /api/cases/:id/follow-ups': {
    status: 200,
    calls: async (ctx) => [
      {
        url: `/api/cases/${await freshCase(ctx, 'termination')}/follow-ups`,
        payload: {
          visitedOn: day(-10),
          method: 'home_visit',
          condition: 'stable',
          notes: 'Tinggal bersama keluarga, sehat.',
          version: 1,
        },
      },
    ],
  },
  'GET /api/serasi/form': { status: 200, calls: async () => [{ url: '/api/serasi/form' }] },
  'POST /api/serasi/tickets': {
    status: 201,
    calls: async (ctx) => [{ url: '/api/serasi/tickets', payload: ticketBody(ctx, true) }],
  },
  'GET /api/serasi/track/:code': {
    status: 200,
    calls: async (ctx) => [{ url: `/api/serasi/track/${(await freshTicket(ctx)).code}` }],
  },
  'POST /api/serasi/tickets/incoming': {
    status: 201,
    calls: async () => [
      {
        url: '/api/serasi/tickets/incoming',
        payload: {
          fromAgency: 'Puskesmas Bekasi Timur',
          type: 'help_request',
          description: 'Pasien terlantar setelah pulang rawat inap, perlu pendampingan.',
          regionCode: '32.75.01.1001',
        },
      },
    ],
  },
  'POST /api/serasi/tickets/list': {
    status: 200,
    calls: async () => [{ url: '/api/serasi/tickets/list', payload: { overdue: false } }],
  },
  'GET /api/serasi/metrics': { status: 200, calls: async () => [{ url: '/api/serasi/metrics' }] },
  'GET /api/serasi/sla': { status: 200, calls: async () => [{ url: '/api/serasi/sla' }] },
  'PUT /api/serasi/sla': {
    status: 200,
    calls: async () => [
      {
        url: '/api/serasi/sla',
        payload: { items: [{ type: 'question', firstResponseHours: 24, resolutionHours: 72 }] },
      },
    ],
  },
  'GET /api/serasi/tickets/:id': {
    status: 200,
    calls: async (ctx) => [{ url: `/api/serasi/tickets/${(await freshTicket(ctx)).id}` }],
  },
  'GET /api/serasi/tickets/:id/photo': {
    status: 200,
    calls: async (ctx) => [{ url: `/api/serasi/tickets/${(await freshTicket(ctx, true)).id}/photo` }],
  },
  'POST /api/serasi/tickets/:id/assign': ticketStep('assign', (ctx) => ({ centerId: ctx.ownCenter })),
  'POST /api/serasi/tickets/:id/answer': ticketStep('answer', () => ({ text: 'Petugas menuju lokasi.' })),
  'POST /api/serasi/tickets/:id/note': ticketStep('note', () => ({ text: 'Koordinasi dengan puskesmas.' })),
  'POST /api/serasi/tickets/:id/forward': ticketStep('forward', () => ({
    target: 'other_agency',
    targetName: 'Dinas Sosial Kota Bekasi',
    reason: 'Kewenangan dinas sosial kota',
    publicText: 'Laporan diteruskan ke Dinas Sosial.',
  })),
  'POST /api/serasi/referrals/:referralId/status': {
    status: 200,
    calls: async (ctx) => [
      {
        url: `/api/serasi/referrals/${await freshTicketReferral(ctx)}/status`,
        payload: { status: 'accepted', version: 1 },
      },
    ],
  },
  'GET /api/serasi/referrals/:referralId/letter.pdf': {
    status: 200,
    calls: async (ctx) => [{ url: `/api/serasi/referrals/${await freshTicketReferral(ctx)}/letter.pdf` }],
  },
  'POST /api/serasi/tickets/:id/close': ticketStep('close', () => ({
    publicText: 'Sudah ditangani, terima kasih.',
  })),
  'POST /api/serasi/tickets/:id/link-case': ticketStep('link-case', async (ctx) => ({
    caseId: await freshCase(ctx),
  })),
  'POST /api/serasi/tickets/:id/case': ticketStep('case', (ctx) => ({
    person: { fullName: 'Laki-laki di pasar', sex: 'male', birthYearEstimate: 1985 },
    centerId: ctx.ownCenter,
    assignedWorkerId: ctx.workerId(),
    clusters: ['odgj'],
    urgency: 'high',
    modality: 'residential',
    problem: 'ODGJ terlantar di pasar',
  })),
  'POST /api/partners/list': { status: 200, calls: async () => [{ url: '/api/partners/list', payload: {} }] },
  'GET /api/partners/:id': {
    status: 200,
    calls: async (ctx) => [{ url: `/api/partners/${await freshPartner(ctx)}` }],
  },
  'POST /api/partners': {
    status: 201,
    calls: async (ctx) => [
      { url: '/api/partners', payload: partnerBody(ctx.ownCenter, ctx.n()), resourceCenterId: ctx.ownCenter },
    ],
  },
  'PUT /api/partners/:id': {
    status: 200,
    calls: async (ctx) => [
      {
        url: `/api/partners/${await freshPartner(ctx)}`,
        payload: { partner: partnerBody(ctx.ownCenter, ctx.n()), version: 1 },
        resourceCenterId: ctx.ownCenter,
      },
    ],
  },
  'POST /api/partners/:id/active': {
    status: 200,
    calls: async (ctx) => [
      { url: `/api/partners/${await freshPartner(ctx)}/active`, payload: { active: false, version: 1 } },
    ],
  },
  'POST /api/partners/:id/members': {
    status: 200,
    calls: async (ctx) => [
      {
        url: `/api/partners/${await freshPartner(ctx)}/members`,
        payload: { userId: ctx.partnerUserId },
      },
    ],
  },
  'DELETE /api/partners/:id/members/:userId': {
    status: 200,
    calls: async (ctx) => {
      const id = await freshPartner(ctx);
      const userId = ctx.partnerUserId;
      await addPartnerMember({ db: ctx.t.database.db, context: systemContext, id, userId });
      return [{ url: `/api/partners/${id}/members/${userId}` }];
    },
  },
  'POST /api/cases/:id/referrals': {
    status: 200,
    calls: async (ctx) => [
      {
        url: `/api/cases/${await freshCase(ctx)}/referrals`,
        payload: { target: 'bpjs_pbi', reason: 'Belum memiliki jaminan kesehatan' },
      },
    ],
  },
  'POST /api/cases/:id/referrals/:referralId/status': {
    status: 200,
    calls: async (ctx) => {
      const id = await freshCase(ctx);
      const referral = await referralOf(ctx, id);
      return [
        {
          url: `/api/cases/${id}/referrals/${referral.id}/status`,
          payload: { status: 'accepted', version: 1 },
        },
      ];
    },
  },
  'GET /api/cases/:id/referrals/:referralId/letter.pdf': {
    status: 200,
    calls: async (ctx) => {
      const id = await freshCase(ctx);
      return [{ url: `/api/cases/${id}/referrals/${(await referralOf(ctx, id)).id}/letter.pdf` }];
    },
  },
  'POST /api/referrals/list': {
    status: 200,
    calls: async () => [{ url: '/api/referrals/list', payload: { direction: 'outgoing' } }],
  },
  'POST /api/outreach/shelters/list': {
    status: 200,
    calls: async () => [{ url: '/api/outreach/shelters/list', payload: {} }],
  },
  'GET /api/outreach/shelters/:id': {
    status: 200,
    calls: async (ctx) => [{ url: `/api/outreach/shelters/${await freshShelter(ctx)}` }],
  },
  'POST /api/outreach/shelters': {
    status: 201,
    calls: async (ctx) => [
      { url: '/api/outreach/shelters', payload: shelterBody(ctx), resourceCenterId: ctx.ownCenter },
    ],
  },
  'POST /api/outreach/shelters/:id/close': {
    status: 200,
    calls: async (ctx) => [
      {
        url: `/api/outreach/shelters/${await freshShelter(ctx)}/close`,
        payload: { closedOn: day(-9), version: 1 },
      },
    ],
  },
  'POST /api/outreach/runs/list': {
    status: 200,
    calls: async () => [{ url: '/api/outreach/runs/list', payload: {} }],
  },
  'POST /api/outreach/runs': {
    status: 201,
    calls: async (ctx) => [
      { url: '/api/outreach/runs', payload: outreachBody(ctx), resourceCenterId: ctx.ownCenter },
    ],
  },
  'GET /api/outreach/runs/:id': {
    status: 200,
    calls: async (ctx) => [
      {
        url: `/api/outreach/runs/${await recordOutreach({ db: ctx.t.database.db, context: systemContext, input: outreachBody(ctx) })}`,
      },
    ],
  },
  'GET /api/outreach/cases/:id/stays': {
    status: 200,
    calls: async (ctx) => [{ url: `/api/outreach/cases/${await freshCase(ctx)}/stays` }],
  },
  'POST /api/outreach/cases/:id/move': {
    status: 200,
    calls: async (ctx) => [
      {
        url: `/api/outreach/cases/${await freshCase(ctx)}/move`,
        payload: { to: 'shelter', shelterId: await freshShelter(ctx), date: day(-9) },
      },
    ],
  },
  ...fundraisingSamples,
  ...logisticsSamples,
  'POST /api/persons/search': {
    status: 200,
    calls: async () => [{ url: '/api/persons/search', payload: { q: 'Orang' } }],
  },
  'POST /api/persons/duplicates': {
    status: 200,
    calls: async () => [
      { url: '/api/persons/duplicates', payload: { fullName: 'Orang Matriks', sex: 'male' } },
    ],
  },
  'POST /api/persons': {
    status: 201,
    calls: async (ctx) => [
      { url: '/api/persons', payload: personBody(ctx), resourceCenterId: ctx.ownCenter },
    ],
  },
  'GET /api/persons/:id': {
    status: 200,
    calls: async (ctx) => [{ url: `/api/persons/${await freshPerson(ctx)}` }],
  },
  'PUT /api/persons/:id': {
    status: 200,
    calls: async (ctx) => {
      const { centerId: _centerId, ...body } = personBody(ctx);
      return [{ url: `/api/persons/${await freshPerson(ctx)}`, payload: { ...body, version: 1 } }];
    },
  },
  'POST /api/persons/:id/family': {
    status: 200,
    calls: async (ctx) => [
      {
        url: `/api/persons/${await freshPerson(ctx)}/family`,
        payload: { relatedPersonId: await freshPerson(ctx), relationship: 'sibling' },
      },
    ],
  },
  'DELETE /api/persons/:id/family/:relatedPersonId': {
    status: 200,
    calls: async (ctx) => {
      const [a, b] = [await freshPerson(ctx), await freshPerson(ctx)];
      await addFamilyMember({
        db: ctx.t.database.db,
        context: systemContext,
        personId: a,
        relatedPersonId: b,
        relationship: 'sibling',
        scope: 'all',
      });
      return [{ url: `/api/persons/${a}/family/${b}` }];
    },
  },
  'POST /api/persons/merge': {
    status: 200,
    calls: async (ctx) => [
      {
        url: '/api/persons/merge',
        payload: {
          survivorId: await freshPerson(ctx),
          mergedId: await freshPerson(ctx),
          survivorVersion: 1,
          mergedVersion: 1,
          reason: 'orang yang sama',
        },
      },
    ],
  },
};

/** Who calls: one user per role at the own centre (national roles at none), signed in. */
export type RouteSession = { cookie: string; actor: Actor };

/** Two centres, one signed-in user per role at the first, and an LKS its partner user works for. */
export const setupRouteSamples = async (
  t: TestContext,
): Promise<{ ctx: Ctx; sessions: Map<Role, RouteSession> }> => {
  const sessions = new Map<Role, RouteSession>();
  const own = await buildCenter(t.database);
  const other = await buildCenter(t.database);
  let counter = 0;
  const ctx: Ctx = {
    t,
    ownCenter: own.id,
    otherCenter: other.id,
    n: () => ++counter,
    workerId: () => sessions.get('social_worker')!.actor.userId,
    partnerId: '',
    partnerUserId: '',
  };
  for (const role of roles) {
    const centerId = role === 'admin' || role === 'central' ? null : own.id;
    const user = await buildUser(t.database, [{ role, centerId }]);
    const actor: Actor = {
      userId: user.id,
      name: '',
      email: user.email,
      username: user.username,
      assignments: [{ role, centerId }],
    };
    sessions.set(role, { cookie: await signIn(t.app, user), actor });
  }
  ctx.partnerUserId = sessions.get('partner')!.actor.userId;
  ctx.partnerId = await createPartner({
    db: t.database.db,
    context: systemContext,
    input: partnerBody(own.id, 0),
  });
  await addPartnerMember({
    db: t.database.db,
    context: systemContext,
    id: ctx.partnerId,
    userId: ctx.partnerUserId,
  });
  return { ctx, sessions };
};
