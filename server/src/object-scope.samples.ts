import type { Role } from '@atensi/domain';
import { uuidv7 } from 'uuidv7';
import { centerRoles, type World } from './object-scope.fixtures.ts';

/**
 * The object-scope samples (object-scope.int.test.ts): for every route whose path, query or
 * body names an object by id, calls naming an object of ANOTHER centre (and, for case routes,
 * the own centre's sensitive case assigned to somebody else), made by every role held at the
 * own centre. Each id of the route is either in `covers` (a call below names a foreign object
 * there) or in `intended` with the reason why crossing centres is what the route is for
 * (decision 0017 lists them). The completeness test fails on an id in neither.
 */
export type ScopeCall = {
  url: string;
  payload?: unknown;
  /** Statuses a caller the route's rule admits may get; others get 403. Default: 403 or 404. */
  statuses?: readonly number[];
  /** The centre the route's rule is checked against (as the role × route table does). */
  resourceCenterId?: string;
  /** Who calls; default every role held at the own centre. */
  roles?: readonly Role[];
  /** The answer is a document: its text is what must not hold foreign data. */
  document?: 'pdf' | 'xlsx';
  /** Also absent from the answer: ids and names of the foreign objects a list must leave out. */
  absent?: readonly string[];
};
export type ScopeSample = {
  covers: readonly string[];
  intended?: Readonly<Record<string, string>>;
  calls: (w: World) => ScopeCall[];
};

/** What a caller the route admits gets for a foreign object, unless the call says otherwise. */
export const refusedStatuses = [403, 404] as const;
/** A filter naming another centre: the list answers, without the foreign objects. */
const listed = [200] as const;
/** Whoever may not open A's sensitive case: every role at A but its head, and central staff. */
const notSensitiveReaders: readonly Role[] = [...centerRoles.filter((r) => r !== 'center_head'), 'central'];

const today = () => new Date().toISOString().slice(0, 10);

const personBody = (centerId: string) => ({
  centerId,
  nik: null,
  nikUnknownReason: 'homeless',
  fullName: 'Orang Uji Lingkup',
  sex: 'male',
  birthYearEstimate: 1970,
  regionCode: '32.75.01.1001',
  legalBasis: 'vital_interest',
});
const { centerId: _ignored, ...personUpdate } = personBody('');

const caseBody = (w: World, over: Record<string, unknown> = {}) => ({
  personId: w.own.personId,
  centerId: w.A,
  clusters: ['elderly'],
  intakeChannel: 'walk_in',
  problem: 'Lansia terlantar',
  urgency: 'medium',
  modality: 'family',
  assignedWorkerId: w.callers.get('social_worker')!.user.id,
  ...over,
});
const outcomes = {
  basicNeedsMet: true,
  ownIncome: false,
  mobilityImproved: false,
  familyCanCare: true,
  servicesComplete: true,
  summary: 'Selesai',
};
const needs = {
  basic_needs: 1,
  social_care: 1,
  family_support: 0,
  therapy: 0,
  vocational: 0,
  social_assistance: 0,
  accessibility: 0,
};
const partnerBody = (centerId: string) => ({
  name: 'LKS Uji Lingkup',
  kind: 'general',
  centerId,
  regionCode: '32.75.01.1001',
  accreditation: 'B',
  accreditedUntil: '2030-12-31',
  services: ['elderly'],
  capacity: 10,
});
const shelterBody = (centerId: string) => ({
  name: 'GOR Uji Lingkup',
  centerId,
  regionCode: '32.75.01.1001',
  address: null,
  capacity: 10,
  openedOn: today(),
});
const runBody = (w: World, over: Record<string, unknown> = {}) => ({
  centerId: w.A,
  team: 'Tim Uji',
  date: today(),
  place: 'Pasar',
  regionCode: '32.75.01.1001',
  notes: null,
  assignedWorkerId: w.callers.get('social_worker')!.user.id,
  people: [
    {
      fullName: 'Ditemukan Uji',
      sex: 'male',
      birthYearEstimate: 1970,
      clusters: ['elderly'],
      urgency: 'high',
      problem: 'Tidur di pasar',
    },
  ],
  ...over,
});
const campaignFields = {
  platform: 'kitabisa',
  campaignUrl: 'https://kitabisa.com/campaign/uji',
  purpose: 'assistive_device',
  title: 'Kursi roda untuk Ibu',
  story: 'Ibu membutuhkan kursi roda agar dapat kembali bekerja dan mengantar cucunya ke sekolah.',
  targetRupiah: 5_000_000,
};

/** A case route, named with B's case and with A's sensitive case assigned to another worker. */
const onCase =
  (path: string, payload?: unknown, extra: Partial<ScopeCall> = {}) =>
  (w: World): ScopeCall[] => [
    { url: `/api/cases/${w.foreign.caseId}${path}`, payload, ...extra },
    { url: `/api/cases/${w.own.sensitiveCaseId}${path}`, payload, roles: notSensitiveReaders, ...extra },
  ];
const caseRoute = (path: string, payload?: unknown, extra: Partial<ScopeCall> = {}): ScopeSample => ({
  covers: ['id'],
  calls: onCase(path, payload, extra),
});
const onTicket = (path: string, payload: Record<string, unknown>): ScopeSample => ({
  covers: ['id'],
  calls: (w) => [
    { url: `/api/serasi/tickets/${w.foreign.ticketId}${path}`, payload: { ...payload, version: 1 } },
  ],
});
const onCampaign = (path: string, payload: Record<string, unknown>): ScopeSample => ({
  covers: ['id'],
  calls: (w) => [{ url: `/api/fundraising/campaigns/${w.foreign.campaignId}${path}`, payload }],
});
/** Admin (or central) only: every role held at a centre is refused by the route whatever it names. */
const nationalOnly = (covers: readonly string[], calls: ScopeSample['calls'], why: string): ScopeSample => ({
  covers,
  intended: Object.fromEntries(covers.map((c) => [c, why])),
  calls,
});

const catalogue = 'the item catalogue is national reference data; admin and central keep it';
const registry =
  'the LKS registry is national reference data every signed-in user reads (workers pick referral targets from it)';

export const scopeSamples: Record<string, ScopeSample> = {
  // Reference data and national administration --------------------------------------------
  'GET /api/regions/:code': {
    covers: [],
    intended: { code: 'regions are national reference data' },
    calls: () => [],
  },
  'GET /api/centers/:id': {
    covers: [],
    intended: { id: 'centres are reference data every role reads' },
    calls: () => [],
  },
  'PUT /api/centers/:id': {
    covers: ['id'],
    calls: (w) => [{ url: `/api/centers/${w.B}`, payload: {}, resourceCenterId: w.B }],
  },
  'DELETE /api/centers/:id': {
    covers: ['id'],
    calls: (w) => [{ url: `/api/centers/${w.B}?version=1`, resourceCenterId: w.B }],
  },
  'GET /api/centers/:id/case-workers': {
    covers: ['id'],
    calls: (w) => [{ url: `/api/centers/${w.B}/case-workers`, resourceCenterId: w.B }],
  },
  'GET /api/users': nationalOnly(
    ['centerId'],
    (w) => [{ url: `/api/users?centerId=${w.B}` }],
    'user administration is national (admin only)',
  ),
  'GET /api/users/:id': nationalOnly(
    ['id'],
    (w) => [{ url: `/api/users/${w.foreign.workerId}` }],
    'user administration is national (admin only)',
  ),
  'POST /api/users': nationalOnly(
    ['roles[].centerId'],
    (w) => [
      {
        url: '/api/users',
        payload: {
          name: 'Pengguna Lingkup',
          email: `lingkup-${uuidv7().slice(-8)}@uji.test`,
          username: `lingkup${uuidv7().slice(-8)}`,
          password: 'Kalimat-Panjang-Sekali-9',
          roles: [{ role: 'social_worker', centerId: w.B }],
        },
      },
    ],
    'user administration is national (admin only)',
  ),
  'POST /api/users/:id/roles': nationalOnly(
    ['id', 'centerId'],
    (w) => [{ url: `/api/users/${w.foreign.workerId}/roles`, payload: { role: 'finance', centerId: w.B } }],
    'user administration is national (admin only)',
  ),
  'DELETE /api/users/:id/roles/:assignmentId': nationalOnly(
    ['id', 'assignmentId'],
    (w) => [{ url: `/api/users/${w.foreign.workerId}/roles/${w.foreign.workerAssignmentId}` }],
    'user administration is national (admin only)',
  ),
  'POST /api/users/:id/deactivate': nationalOnly(
    ['id'],
    (w) => [{ url: `/api/users/${w.foreign.workerId}/deactivate`, payload: {} }],
    'user administration is national (admin only)',
  ),
  'POST /api/users/:id/activate': nationalOnly(
    ['id'],
    (w) => [{ url: `/api/users/${w.foreign.workerId}/activate`, payload: {} }],
    'user administration is national (admin only)',
  ),
  'GET /api/audit': nationalOnly(
    ['entityId', 'actorId'],
    (w) => [{ url: `/api/audit?entityId=${w.foreign.personId}&actorId=${w.foreign.workerId}` }],
    'the audit log is read nationally by admin and central staff',
  ),

  // Persons (points 1 and 4) ------------------------------------------------------------
  'POST /api/persons/duplicates': {
    covers: [],
    intended: { excludeId: 'only leaves one record out of the national, masked duplicate search' },
    calls: () => [],
  },
  'POST /api/persons': {
    covers: ['centerId'],
    calls: (w) => [{ url: '/api/persons', payload: personBody(w.B), resourceCenterId: w.B }],
  },
  'GET /api/persons/:id': {
    covers: ['id'],
    calls: (w) => [{ url: `/api/persons/${w.foreign.personId}` }],
  },
  'PUT /api/persons/:id': {
    covers: ['id'],
    calls: (w) => [{ url: `/api/persons/${w.foreign.personId}`, payload: { ...personUpdate, version: 1 } }],
  },
  'POST /api/persons/:id/family': {
    covers: ['id', 'relatedPersonId'],
    calls: (w) => [
      {
        url: `/api/persons/${w.foreign.personId}/family`,
        payload: { relatedPersonId: w.own.personId, relationship: 'sibling' },
      },
      {
        url: `/api/persons/${w.own.personId}/family`,
        payload: { relatedPersonId: w.foreign.personId, relationship: 'sibling' },
      },
    ],
  },
  'DELETE /api/persons/:id/family/:relatedPersonId': {
    covers: ['id', 'relatedPersonId'],
    calls: (w) => [
      { url: `/api/persons/${w.foreign.personId}/family/${w.foreign.personId2}` },
      { url: `/api/persons/${w.own.personId}/family/${w.foreign.personId}` },
    ],
  },
  'POST /api/persons/merge': {
    covers: ['survivorId', 'mergedId'],
    calls: (w) =>
      [
        [w.own.personId, w.foreign.personId],
        [w.foreign.personId, w.own.personId],
        [w.foreign.personId, w.foreign.personId2],
      ].map(([survivorId, mergedId]) => ({
        url: '/api/persons/merge',
        payload: { survivorId, mergedId, survivorVersion: 1, mergedVersion: 1, reason: 'orang yang sama' },
      })),
  },

  // Cases (points 2 and 3) --------------------------------------------------------------
  'POST /api/cases': {
    covers: ['personId', 'centerId', 'assignedWorkerId'],
    intended: { recommendedCenterId: 'records which centre Atensi ranked first; that may be any centre' },
    calls: (w) => [
      // Another centre's person: only with proof of identity (422 naming identityProof).
      {
        url: '/api/cases',
        payload: caseBody(w, { personId: w.foreign.personId }),
        resourceCenterId: w.A,
        statuses: [422],
      },
      { url: '/api/cases', payload: caseBody(w, { centerId: w.B }), resourceCenterId: w.B },
      {
        url: '/api/cases',
        payload: caseBody(w, { assignedWorkerId: w.foreign.workerId }),
        resourceCenterId: w.A,
        statuses: [400],
      },
    ],
  },
  'POST /api/cases/list': {
    covers: ['centerId', 'assignedWorkerId'],
    calls: (w) => [
      {
        url: '/api/cases/list',
        payload: { view: 'center', centerId: w.B },
        statuses: listed,
        absent: [w.foreign.caseId],
      },
      {
        url: '/api/cases/list',
        payload: { view: 'center', assignedWorkerId: w.foreign.workerId },
        statuses: listed,
        absent: [w.foreign.caseId],
      },
    ],
  },
  'POST /api/cases/export': {
    covers: ['centerId', 'assignedWorkerId'],
    calls: (w) => [
      {
        url: '/api/cases/export',
        payload: { view: 'center', centerId: w.B },
        statuses: listed,
        document: 'xlsx',
      },
      {
        url: '/api/cases/export',
        payload: { view: 'center', assignedWorkerId: w.foreign.workerId },
        statuses: listed,
        document: 'xlsx',
      },
    ],
  },
  // A's head reads B's case waiting to transfer to A (to decide): the answer and the summary
  // carry the name and masked NIK, nothing else of the person; no letter (point 3).
  'GET /api/cases/:id': {
    covers: ['id'],
    calls: (w) => [
      ...onCase('')(w),
      { url: `/api/cases/${w.own.incomingCaseId}`, roles: ['center_head'], statuses: [200] },
    ],
  },
  'GET /api/cases/:id/summary.pdf': {
    covers: ['id'],
    calls: (w) => [
      ...onCase('/summary.pdf')(w),
      {
        url: `/api/cases/${w.own.incomingCaseId}/summary.pdf`,
        roles: ['center_head'],
        statuses: [200],
        document: 'pdf',
      },
    ],
  },
  'POST /api/cases/:id/referral-letter': {
    covers: ['id'],
    calls: (w) => {
      const letter = { letterNumber: '1/2026', recipient: 'Dinas Sosial', purpose: 'Pendaftaran PKH' };
      return [
        ...onCase('/referral-letter', letter)(w),
        {
          url: `/api/cases/${w.own.incomingCaseId}/referral-letter`,
          payload: letter,
          roles: ['center_head'],
        },
      ];
    },
  },
  'POST /api/cases/:id/stage': caseRoute('/stage', { to: 'assessment', version: 1 }),
  'POST /api/cases/:id/assessment': caseRoute('/assessment', {
    needs,
    riskLevel: 'low',
    narrative: 'Baik',
    assessedOn: today(),
  }),
  'POST /api/cases/:id/plan': caseRoute('/plan', {
    goals: [
      { component: 'basic_needs', goal: 'Makan cukup', plannedServices: 'Sembako', targetDate: today() },
    ],
  }),
  'POST /api/cases/:id/services': caseRoute('/services', {
    component: 'basic_needs',
    serviceType: 'Sembako',
    deliveredOn: today(),
    description: 'Paket',
    valueRupiah: 100000,
    providerKind: 'this_center',
  }),
  'POST /api/cases/:id/placement': caseRoute('/placement'),
  'POST /api/cases/:id/placement/end': caseRoute('/placement/end', { reason: 'Pulang ke keluarga' }),
  'POST /api/cases/:id/transfer': {
    covers: ['id'],
    intended: { toCenterId: 'a transfer names the receiving centre, whose head then decides it' },
    calls: (w) =>
      onCase('/transfer', { toCenterId: w.A, reason: 'Lebih dekat dengan keluarga', version: 1 })(w),
  },
  'POST /api/cases/:id/transfer/cancel': caseRoute('/transfer/cancel', { version: 1 }),
  'POST /api/cases/:id/transfer/accept': {
    covers: ['id', 'assignedWorkerId'],
    calls: (w) => [
      ...onCase('/transfer/accept', {
        assignedWorkerId: w.callers.get('social_worker')!.user.id,
        version: 1,
      })(w),
      // The transfer A's head decides, handed to a worker of B: refused on the field.
      {
        url: `/api/cases/${w.own.incomingCaseId}/transfer/accept`,
        payload: { assignedWorkerId: w.foreign.workerId, version: 3 },
        statuses: [400],
      },
    ],
  },
  'POST /api/cases/:id/transfer/reject': caseRoute('/transfer/reject', {
    reason: 'Tidak ada tempat',
    version: 1,
  }),
  'POST /api/cases/:id/assign': {
    covers: ['id', 'assignedWorkerId'],
    calls: (w) => [
      ...onCase('/assign', { assignedWorkerId: w.callers.get('social_worker')!.user.id, version: 1 })(w),
      {
        url: `/api/cases/${w.own.caseId}/assign`,
        payload: { assignedWorkerId: w.foreign.workerId, version: 1 },
        statuses: [400],
      },
    ],
  },
  'POST /api/cases/:id/follow-ups': caseRoute('/follow-ups', {
    visitedOn: today(),
    method: 'home_visit',
    condition: 'stable',
    notes: 'Sehat',
    version: 1,
  }),
  'POST /api/cases/:id/referrals': {
    covers: ['id'],
    intended: {
      partnerId: `${registry}; its staff then read the case while the referral is open`,
      targetCenterId: 'a referral to another balai names it',
    },
    calls: onCase('/referrals', { target: 'bpjs_pbi', reason: 'Belum memiliki jaminan kesehatan' }),
  },
  'POST /api/cases/:id/referrals/:referralId/status': {
    covers: ['id', 'referralId'],
    calls: (w) => [
      {
        url: `/api/cases/${w.foreign.caseId}/referrals/${w.foreign.referralId}/status`,
        payload: { status: 'accepted', version: 1 },
      },
      {
        url: `/api/cases/${w.own.caseId}/referrals/${w.foreign.referralId}/status`,
        payload: { status: 'accepted', version: 1 },
      },
    ],
  },
  'GET /api/cases/:id/referrals/:referralId/letter.pdf': {
    covers: ['id', 'referralId'],
    calls: (w) => [
      { url: `/api/cases/${w.foreign.caseId}/referrals/${w.foreign.referralId}/letter.pdf` },
      { url: `/api/cases/${w.own.caseId}/referrals/${w.foreign.referralId}/letter.pdf` },
      {
        url: `/api/cases/${w.own.incomingCaseId}/referrals/${w.own.incomingReferralId}/letter.pdf`,
        roles: ['center_head'],
      },
    ],
  },
  'POST /api/cases/:id/closure': caseRoute('/closure', { version: 1, outcomes }),

  // SERASI ------------------------------------------------------------------------------
  'GET /api/serasi/track/:code': {
    covers: [],
    intended: {
      code: 'public tracking: the code is what the reporter was given, and the page shows nothing internal',
    },
    calls: () => [],
  },
  'POST /api/serasi/tickets/list': {
    covers: ['centerId'],
    calls: (w) => [
      {
        url: '/api/serasi/tickets/list',
        payload: { centerId: w.B },
        statuses: listed,
        absent: [w.foreign.ticketId],
      },
    ],
  },
  'GET /api/serasi/tickets/:id': {
    covers: ['id'],
    calls: (w) => [{ url: `/api/serasi/tickets/${w.foreign.ticketId}` }],
  },
  'GET /api/serasi/tickets/:id/photo': {
    covers: ['id'],
    calls: (w) => [{ url: `/api/serasi/tickets/${w.foreign.ticketId}/photo` }],
  },
  'POST /api/serasi/tickets/:id/assign': {
    covers: ['id', 'centerId'],
    calls: (w) => [
      { url: `/api/serasi/tickets/${w.foreign.ticketId}/assign`, payload: { centerId: w.A, version: 1 } },
      // Only a centre whose coverage held the ticket's region takes it.
      {
        url: `/api/serasi/tickets/${w.own.ticketId}/assign`,
        payload: { centerId: w.B, version: 1 },
        statuses: [400],
      },
    ],
  },
  'POST /api/serasi/tickets/:id/answer': onTicket('/answer', { text: 'Petugas menuju lokasi.' }),
  'POST /api/serasi/tickets/:id/note': onTicket('/note', { text: 'Koordinasi.' }),
  'POST /api/serasi/tickets/:id/forward': {
    covers: ['id'],
    intended: { partnerId: registry, targetCenterId: 'forwarding to another balai names it' },
    calls: onTicket('/forward', {
      target: 'other_agency',
      targetName: 'Dinas Sosial',
      reason: 'Kewenangan dinas sosial',
      publicText: 'Laporan diteruskan.',
    }).calls,
  },
  'POST /api/serasi/tickets/:id/close': onTicket('/close', { publicText: 'Sudah ditangani.' }),
  'POST /api/serasi/tickets/:id/link-case': {
    covers: ['id', 'caseId'],
    calls: (w) => [
      {
        url: `/api/serasi/tickets/${w.foreign.ticketId}/link-case`,
        payload: { caseId: w.own.caseId, version: 1 },
      },
      {
        url: `/api/serasi/tickets/${w.own.ticketId}/link-case`,
        payload: { caseId: w.foreign.caseId, version: 1 },
        statuses: [400],
      },
    ],
  },
  'POST /api/serasi/referrals/:referralId/status': {
    covers: ['referralId'],
    calls: (w) => [
      {
        url: `/api/serasi/referrals/${w.foreign.ticketReferralId}/status`,
        payload: { status: 'accepted', version: 1 },
      },
    ],
  },
  'GET /api/serasi/referrals/:referralId/letter.pdf': {
    covers: ['referralId'],
    calls: (w) => [{ url: `/api/serasi/referrals/${w.foreign.ticketReferralId}/letter.pdf` }],
  },
  'POST /api/serasi/tickets/:id/case': {
    covers: ['id', 'person.personId', 'centerId', 'assignedWorkerId'],
    calls: (w) => {
      const body = (over: Record<string, unknown>) => ({
        person: { personId: w.own.personId },
        centerId: w.A,
        assignedWorkerId: w.callers.get('social_worker')!.user.id,
        clusters: ['odgj'],
        urgency: 'high',
        modality: 'residential',
        problem: 'ODGJ terlantar',
        version: 1,
        ...over,
      });
      return [
        { url: `/api/serasi/tickets/${w.foreign.ticketId}/case`, payload: body({}) },
        {
          url: `/api/serasi/tickets/${w.own.ticketId}/case`,
          payload: body({ person: { personId: w.foreign.personId } }),
          statuses: [400],
        },
        {
          url: `/api/serasi/tickets/${w.own.ticketId}/case`,
          payload: body({ centerId: w.B }),
          statuses: [400],
        },
        {
          url: `/api/serasi/tickets/${w.own.ticketId}/case`,
          payload: body({ assignedWorkerId: w.foreign.workerId }),
          statuses: [400],
        },
      ];
    },
  },

  // Partners ----------------------------------------------------------------------------
  'POST /api/partners/list': { covers: [], intended: { centerId: registry }, calls: () => [] },
  'GET /api/partners/:id': { covers: [], intended: { id: registry }, calls: () => [] },
  'POST /api/partners': {
    covers: ['centerId'],
    calls: (w) => [{ url: '/api/partners', payload: partnerBody(w.B), resourceCenterId: w.B }],
  },
  'PUT /api/partners/:id': {
    covers: ['id', 'partner.centerId'],
    calls: (w) => [
      // B's LKS, kept as A's: the head of A does not hold B's record.
      {
        url: `/api/partners/${w.foreign.partnerId}`,
        payload: { partner: partnerBody(w.A), version: 1 },
        resourceCenterId: w.A,
      },
      {
        url: `/api/partners/${w.foreign.partnerId}`,
        payload: { partner: partnerBody(w.B), version: 1 },
        resourceCenterId: w.B,
      },
    ],
  },
  'POST /api/partners/:id/active': {
    covers: ['id'],
    calls: (w) => [
      { url: `/api/partners/${w.foreign.partnerId}/active`, payload: { active: false, version: 1 } },
    ],
  },
  'POST /api/partners/:id/members': nationalOnly(
    ['id', 'userId'],
    (w) => [
      {
        url: `/api/partners/${w.foreign.partnerId}/members`,
        payload: { userId: w.callers.get('partner')!.user.id },
      },
    ],
    'linking LKS staff to their institution is the administrator’s',
  ),
  'DELETE /api/partners/:id/members/:userId': nationalOnly(
    ['id', 'userId'],
    (w) => [{ url: `/api/partners/${w.foreign.partnerId}/members/${w.callers.get('partner')!.user.id}` }],
    'linking LKS staff to their institution is the administrator’s',
  ),

  // Outreach (point 4) ------------------------------------------------------------------
  'POST /api/outreach/shelters/list': {
    covers: ['centerId'],
    calls: (w) => [
      {
        url: '/api/outreach/shelters/list',
        payload: { centerId: w.B },
        statuses: listed,
        absent: [w.foreign.shelterId],
      },
    ],
  },
  'GET /api/outreach/shelters/:id': {
    covers: ['id'],
    calls: (w) => [{ url: `/api/outreach/shelters/${w.foreign.shelterId}` }],
  },
  'POST /api/outreach/shelters': {
    covers: ['centerId'],
    calls: (w) => [{ url: '/api/outreach/shelters', payload: shelterBody(w.B), resourceCenterId: w.B }],
  },
  'POST /api/outreach/shelters/:id/close': {
    covers: ['id'],
    calls: (w) => [
      {
        url: `/api/outreach/shelters/${w.foreign.shelterId}/close`,
        payload: { closedOn: today(), version: 1 },
      },
    ],
  },
  'POST /api/outreach/runs/list': {
    covers: ['centerId'],
    calls: (w) => [
      {
        url: '/api/outreach/runs/list',
        payload: { centerId: w.B },
        statuses: listed,
        absent: [w.foreign.runId],
      },
    ],
  },
  'POST /api/outreach/runs': {
    covers: ['centerId', 'assignedWorkerId'],
    calls: (w) => [
      { url: '/api/outreach/runs', payload: runBody(w, { centerId: w.B }), resourceCenterId: w.B },
      {
        url: '/api/outreach/runs',
        payload: runBody(w, { assignedWorkerId: w.foreign.workerId }),
        resourceCenterId: w.A,
        statuses: [400],
      },
    ],
  },
  'GET /api/outreach/runs/:id': {
    covers: ['id'],
    calls: (w) => [{ url: `/api/outreach/runs/${w.foreign.runId}` }],
  },
  'GET /api/outreach/cases/:id/stays': {
    covers: ['id'],
    calls: (w) => [
      { url: `/api/outreach/cases/${w.foreign.caseId}/stays` },
      { url: `/api/outreach/cases/${w.own.sensitiveCaseId}/stays`, roles: notSensitiveReaders },
    ],
  },
  'POST /api/outreach/cases/:id/move': {
    covers: ['id', 'shelterId'],
    intended: { partnerId: `${registry}; any balai places people with an LKS` },
    calls: (w) => [
      { url: `/api/outreach/cases/${w.foreign.caseId}/move`, payload: { to: 'family', date: today() } },
      {
        url: `/api/outreach/cases/${w.own.sensitiveCaseId}/move`,
        payload: { to: 'family', date: today() },
        roles: notSensitiveReaders,
      },
      // A's case into B's TPS: not found on shelterId, B's occupancy untouched.
      {
        url: `/api/outreach/cases/${w.own.caseId}/move`,
        payload: { to: 'shelter', shelterId: w.foreign.shelterId, date: today() },
      },
    ],
  },

  // Fundraising -------------------------------------------------------------------------
  'POST /api/fundraising/campaigns/list': {
    covers: ['centerId'],
    calls: (w) => [
      {
        url: '/api/fundraising/campaigns/list',
        payload: { centerId: w.B },
        statuses: listed,
        absent: [w.foreign.campaignId],
      },
    ],
  },
  'GET /api/fundraising/by-case/:caseId': {
    covers: ['caseId'],
    calls: (w) => [
      { url: `/api/fundraising/by-case/${w.foreign.caseId}` },
      { url: `/api/fundraising/by-case/${w.own.sensitiveCaseId}`, roles: notSensitiveReaders },
    ],
  },
  'POST /api/fundraising/campaigns': {
    covers: ['caseId'],
    calls: (w) => [
      { url: '/api/fundraising/campaigns', payload: { ...campaignFields, caseId: w.foreign.caseId } },
      {
        url: '/api/fundraising/campaigns',
        payload: { ...campaignFields, caseId: w.own.sensitiveCaseId },
        roles: notSensitiveReaders,
      },
    ],
  },
  'GET /api/fundraising/campaigns/:id': {
    covers: ['id'],
    calls: (w) => [{ url: `/api/fundraising/campaigns/${w.foreign.campaignId}` }],
  },
  'PUT /api/fundraising/campaigns/:id': onCampaign('', { ...campaignFields, version: 1 }),
  'POST /api/fundraising/campaigns/:id/consent': onCampaign('/consent', {
    givenBy: 'self',
    giverName: 'Ibu',
    consentedOn: today(),
    publishStory: true,
    publishPhoto: false,
    version: 1,
  }),
  'POST /api/fundraising/campaigns/:id/activate': onCampaign('/activate', { version: 1 }),
  'POST /api/fundraising/campaigns/:id/updates': onCampaign('/updates', {
    reportedOn: today(),
    raisedRupiah: 1_000_000,
    note: 'Minggu pertama',
    version: 1,
  }),
  'POST /api/fundraising/campaigns/:id/disbursements': onCampaign('/disbursements', {
    disbursedOn: today(),
    amountRupiah: 100_000,
    method: 'beneficiary_transfer',
    recipientName: 'Ibu',
    proofNumber: 'TRF-1',
    idempotencyKey: uuidv7(),
  }),
  'POST /api/fundraising/campaigns/:id/close': onCampaign('/close', {
    outcome: 'closed',
    note: 'Selesai',
    version: 1,
  }),

  // Logistics ---------------------------------------------------------------------------
  'PUT /api/logistics/items/:id': nationalOnly(
    ['id'],
    (w) => [
      {
        url: `/api/logistics/items/${w.own.itemId}`,
        payload: {
          code: 'LK-X',
          name: 'Selimut',
          category: 'shelter',
          unit: 'lembar',
          perishable: false,
          active: true,
          version: 1,
        },
      },
    ],
    catalogue,
  ),
  'POST /api/logistics/warehouses/list': {
    covers: [],
    intended: {
      centerId: 'the warehouse register is reference data of every stock role; stock itself is scoped',
    },
    calls: () => [],
  },
  'POST /api/logistics/warehouses': nationalOnly(
    ['centerId'],
    (w) => [
      {
        url: '/api/logistics/warehouses',
        payload: { centerId: w.B, kind: 'center', name: 'Gudang Baru', regionCode: '32.75.01.1001' },
      },
    ],
    'admin and central staff add warehouses for any centre',
  ),
  'PUT /api/logistics/warehouses/:id': nationalOnly(
    ['id'],
    (w) => [
      {
        url: `/api/logistics/warehouses/${w.foreign.warehouseId}`,
        payload: { name: 'Gudang Diubah', regionCode: '32.75.01.1001', active: true, version: 1 },
      },
    ],
    'admin and central staff keep the warehouse register',
  ),
  'GET /api/logistics/warehouses/:id/stock': {
    covers: ['id'],
    calls: (w) => [{ url: `/api/logistics/warehouses/${w.foreign.warehouseId}/stock` }],
  },
  'POST /api/logistics/warehouses/:id/movements/list': {
    covers: ['id'],
    intended: { itemId: 'a filter inside the warehouse the path names; items are the national catalogue' },
    calls: (w) => [{ url: `/api/logistics/warehouses/${w.foreign.warehouseId}/movements/list`, payload: {} }],
  },
  'POST /api/logistics/warehouses/:id/receipts': {
    covers: ['id'],
    intended: { 'lines[].itemId': catalogue },
    calls: (w) => [
      {
        url: `/api/logistics/warehouses/${w.foreign.warehouseId}/receipts`,
        payload: {
          source: 'procurement',
          sourceName: 'CV Uji',
          documentNumber: 'SPK-1',
          receivedOn: today(),
          lines: [{ itemId: w.own.itemId, quantity: 3 }],
          idempotencyKey: uuidv7(),
        },
      },
    ],
  },
  'POST /api/logistics/warehouses/:id/issues': {
    covers: ['id'],
    intended: { itemId: catalogue },
    calls: (w) => [
      {
        url: `/api/logistics/warehouses/${w.foreign.warehouseId}/issues`,
        payload: {
          itemId: w.own.itemId,
          quantity: 1,
          issuedOn: today(),
          purpose: 'Dapur umum',
          idempotencyKey: uuidv7(),
        },
      },
    ],
  },
  'POST /api/logistics/warehouses/:id/write-offs': {
    covers: ['id', 'lotId'],
    calls: (w) => [
      {
        url: `/api/logistics/warehouses/${w.foreign.warehouseId}/write-offs`,
        payload: { lotId: w.foreign.lotId, reason: 'Rusak', idempotencyKey: uuidv7() },
      },
      {
        url: `/api/logistics/warehouses/${w.own.warehouseId}/write-offs`,
        payload: { lotId: w.foreign.lotId, reason: 'Rusak', idempotencyKey: uuidv7() },
        resourceCenterId: w.A,
      },
    ],
  },
  'POST /api/logistics/warehouses/:id/adjustments': {
    covers: ['id', 'lotId'],
    calls: (w) => [
      {
        url: `/api/logistics/warehouses/${w.foreign.warehouseId}/adjustments`,
        payload: { lotId: w.foreign.lotId, countedQuantity: 18, reason: 'Selisih', countedOn: today() },
      },
      {
        url: `/api/logistics/warehouses/${w.own.warehouseId}/adjustments`,
        payload: { lotId: w.foreign.lotId, countedQuantity: 18, reason: 'Selisih', countedOn: today() },
        resourceCenterId: w.A,
      },
    ],
  },
  'POST /api/logistics/adjustments/:id/decision': {
    covers: ['id'],
    calls: (w) => [
      {
        url: `/api/logistics/adjustments/${w.foreign.adjustmentId}/decision`,
        payload: { approve: true, note: null },
      },
    ],
  },
  'PUT /api/logistics/warehouses/:id/minimums': {
    covers: ['id'],
    intended: { itemId: catalogue },
    calls: (w) => [
      {
        url: `/api/logistics/warehouses/${w.foreign.warehouseId}/minimums`,
        payload: { itemId: w.own.itemId, minimumQuantity: 30 },
      },
    ],
  },
  'POST /api/logistics/warehouses/:id/transfers': {
    covers: ['id'],
    intended: {
      toWarehouseId:
        'a dispatch names the receiving warehouse (another balai, the central warehouse, a disaster post)',
      'lines[].itemId': catalogue,
    },
    calls: (w) => [
      {
        url: `/api/logistics/warehouses/${w.foreign.warehouseId}/transfers`,
        payload: {
          toWarehouseId: w.own.warehouseId,
          lines: [{ itemId: w.own.itemId, quantity: 1 }],
          idempotencyKey: uuidv7(),
        },
      },
    ],
  },
  'POST /api/logistics/warehouses/:id/distributions': {
    covers: ['id'],
    intended: {
      itemId: catalogue,
      'recipients[].personId':
        'relief reaches whoever stands in front of the officer, registered anywhere; the link returns nothing of the person (their record stays scoped), only the name the officer typed',
    },
    calls: (w) => [
      {
        url: `/api/logistics/warehouses/${w.foreign.warehouseId}/distributions`,
        payload: {
          itemId: w.own.itemId,
          program: 'sembako',
          distributedOn: today(),
          recipients: [{ kind: 'individual', name: 'Penerima Uji', quantity: 1 }],
          idempotencyKey: uuidv7(),
        },
      },
    ],
  },
  'POST /api/logistics/distributions/list': {
    covers: ['warehouseId'],
    calls: (w) => [
      {
        url: '/api/logistics/distributions/list',
        payload: { warehouseId: w.foreign.warehouseId },
        statuses: listed,
        absent: [w.foreign.distributionId],
      },
    ],
  },
  'GET /api/logistics/distributions/:id': {
    covers: ['id'],
    calls: (w) => [{ url: `/api/logistics/distributions/${w.foreign.distributionId}` }],
  },
  'POST /api/logistics/disasters': nationalOnly(
    ['responsibleCenterId'],
    (w) => [
      {
        url: '/api/logistics/disasters',
        payload: {
          name: 'Gempa Uji',
          type: 'earthquake',
          regionCodes: ['53'],
          startedOn: today(),
          estimatedAffected: 10,
          responsibleCenterId: w.B,
          siteName: 'Posko',
          siteRegionCode: '53.71.01.1001',
        },
      },
    ],
    'disasters are recorded by central staff for any balai',
  ),
  'GET /api/logistics/disasters/:id': {
    covers: [],
    intended: { id: 'disasters are national: every stock officer and head follows them' },
    calls: () => [],
  },
  'PUT /api/logistics/disasters/:id': nationalOnly(
    ['id'],
    (w) => [
      {
        url: `/api/logistics/disasters/${w.foreign.disasterId}`,
        payload: { status: 'recovery', estimatedAffected: 120, description: null, version: 1 },
      },
    ],
    'disasters are managed by central staff',
  ),
  'PUT /api/logistics/disasters/:id/needs': nationalOnly(
    ['id', 'itemId'],
    (w) => [
      {
        url: `/api/logistics/disasters/${w.foreign.disasterId}/needs`,
        payload: { itemId: w.own.itemId, quantity: 9 },
      },
    ],
    'disasters are managed by central staff',
  ),
  'GET /api/logistics/disasters/:id/needs/:needId/proposal': nationalOnly(
    ['id', 'needId'],
    (w) => [{ url: `/api/logistics/disasters/${w.foreign.disasterId}/needs/${w.foreign.needId}/proposal` }],
    'disasters are managed by central staff',
  ),
  'POST /api/logistics/disasters/:id/needs/:needId/dispatches': nationalOnly(
    ['id', 'needId', 'lines[].warehouseId'],
    (w) => [
      {
        url: `/api/logistics/disasters/${w.foreign.disasterId}/needs/${w.foreign.needId}/dispatches`,
        payload: { lines: [{ warehouseId: w.foreign.warehouseId, quantity: 1 }], idempotencyKey: uuidv7() },
      },
    ],
    'central staff accept dispatch proposals that move stock out of any warehouse toward a disaster',
  ),
  'POST /api/logistics/dispatches/list': {
    covers: ['warehouseId'],
    intended: {
      disasterId: 'disasters are national; the list stays within the caller’s warehouses whatever it names',
    },
    calls: (w) => [
      {
        url: '/api/logistics/dispatches/list',
        payload: { warehouseId: w.foreign.warehouseId },
        statuses: listed,
        absent: [w.foreign.dispatchId],
      },
    ],
  },
  'GET /api/logistics/dispatches/:id': {
    covers: ['id'],
    calls: (w) => [{ url: `/api/logistics/dispatches/${w.foreign.dispatchId}` }],
  },
  'GET /api/logistics/dispatches/:id/waybill.pdf': {
    covers: ['id'],
    calls: (w) => [{ url: `/api/logistics/dispatches/${w.foreign.dispatchId}/waybill.pdf` }],
  },
  'POST /api/logistics/dispatches/:id/receive': {
    covers: ['id', 'lines[].lineId'],
    calls: (w) => [
      {
        url: `/api/logistics/dispatches/${w.foreign.dispatchId}/receive`,
        payload: {
          receivedOn: today(),
          lines: [{ lineId: w.foreign.dispatchLineId, quantityReceived: 2 }],
          version: 1,
        },
      },
      // A's incoming dispatch confirmed with a line of B's own dispatch: refused on the lines.
      {
        url: `/api/logistics/dispatches/${w.own.incomingDispatchId}/receive`,
        payload: {
          receivedOn: today(),
          lines: [{ lineId: w.foreign.dispatchLineId, quantityReceived: 2 }],
          version: 1,
        },
        statuses: [400],
      },
    ],
  },
  'POST /api/logistics/targets': nationalOnly(
    ['warehouseId', 'itemId'],
    (w) => [
      {
        url: '/api/logistics/targets',
        payload: {
          program: 'sembako',
          period: '2026',
          periodStart: '2026-01-01',
          periodEnd: '2026-12-31',
          warehouseId: w.foreign.warehouseId,
          itemId: w.own.itemId,
          targetQuantity: 100,
        },
      },
    ],
    'central staff set distribution targets for every warehouse',
  ),
};
