import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { TestContext } from '../../../test/app.ts';
import { caseViewer } from '../cases/case-visibility.ts';
import { createCase } from '../cases/cases.service.ts';
import { createPerson } from '../persons/persons.service.ts';
import { systemContext } from '../users/first-admin.ts';
import { activateCampaign, recordConsent, recordRaisedUpdate } from './campaign-work.ts';
import { createCampaign } from './campaigns.service.ts';
import { fundraisingCampaigns } from './fundraising.tables.ts';

/**
 * Samples of the fundraising routes for the role × route table
 * (server/src/policy-matrix.int.test.ts): spread `fundraisingSamples` into its `samples`.
 * Every call works on a fresh, non-sensitive case of the matrix's own centre assigned to
 * its social worker, so each role the policy allows gets the sample's status.
 */
type Ctx = {
  t: TestContext;
  ownCenter: string;
  otherCenter: string;
  n: () => number;
  workerId: () => string;
};
type Call = { url: string; payload?: unknown; resourceCenterId?: string };
type Sample = { status: number; calls: (ctx: Ctx) => Promise<Call[]> };

const freshCase = async (ctx: Ctx) => {
  const db = ctx.t.database.db;
  const personId = await createPerson({
    db,
    context: systemContext,
    input: {
      centerId: ctx.ownCenter,
      nik: null,
      nikUnknownReason: 'homeless',
      nikWarningsConfirmed: false,
      kkNumber: null,
      fullName: `Penerima Donasi ${ctx.n()}`,
      aliases: [],
      sex: 'female',
      birthDate: null,
      birthYearEstimate: 1965,
      birthPlace: null,
      regionCode: '32.75.01.1001',
      rt: null,
      rw: null,
      street: null,
      phone: null,
      disabilityTypes: [],
      dtksStatus: 'unknown',
      dtksDecile: null,
      legalBasis: 'vital_interest',
      consentBy: null,
      consentGuardianName: null,
    },
  });
  return createCase({
    db,
    context: systemContext,
    input: {
      personId,
      centerId: ctx.ownCenter,
      clusters: ['disability'],
      childSpecialProtection: false,
      intakeChannel: 'walk_in',
      intakeReference: null,
      problem: 'Membutuhkan kursi roda',
      urgency: 'medium',
      modality: 'family',
      assignedWorkerId: ctx.workerId(),
      recommendedCenterId: null,
      overrideReason: null,
    },
  });
};

const today = () => new Date().toISOString().slice(0, 10);

const campaignFields = {
  platform: 'kitabisa' as const,
  platformName: null,
  campaignUrl: 'https://kitabisa.com/campaign/matriks',
  purpose: 'assistive_device' as const,
  title: 'Kursi roda untuk Ibu Sari',
  story: 'Ibu Sari membutuhkan kursi roda agar dapat kembali bekerja dan mengantar cucunya ke sekolah.',
  targetRupiah: 5_000_000,
  startsOn: null,
  endsOn: null,
};

type Stage = 'draft' | 'consented' | 'active' | 'raised';

/** A campaign of a fresh case, brought to `stage` through the service as the centre's head would. */
const freshCampaign = async (ctx: Ctx, stage: Stage = 'draft') => {
  const db = ctx.t.database.db;
  const viewer = caseViewer({
    userId: 'matrix',
    name: 'Matriks',
    email: 'matriks@uji.test',
    username: null,
    assignments: [{ role: 'center_head', centerId: ctx.ownCenter }],
  });
  const opts = { db, context: systemContext, viewer };
  const caseId = await freshCase(ctx);
  const id = await createCampaign({ ...opts, input: { ...campaignFields, caseId } });
  const version = async () =>
    (await db.select().from(fundraisingCampaigns).where(eq(fundraisingCampaigns.id, id)))[0]!.version;
  if (stage !== 'draft') {
    await recordConsent({
      ...opts,
      id,
      input: {
        givenBy: 'self',
        giverName: 'Sari',
        consentedOn: today(),
        publishStory: true,
        publishPhoto: false,
        documentNumber: null,
        version: await version(),
      },
    });
  }
  if (stage === 'active' || stage === 'raised') {
    await activateCampaign({ ...opts, id, version: await version() });
  }
  if (stage === 'raised') {
    await recordRaisedUpdate({
      ...opts,
      id,
      input: {
        reportedOn: today(),
        raisedRupiah: 2_000_000,
        note: 'Dasbor kitabisa',
        version: await version(),
      },
    });
  }
  return { id, caseId, version: await version() };
};

const onCampaign = (
  path: string,
  stage: Stage,
  payload: (version: number) => Record<string, unknown>,
  status = 200,
): Sample => ({
  status,
  calls: async (ctx) => {
    const c = await freshCampaign(ctx, stage);
    return [{ url: `/api/fundraising/campaigns/${c.id}${path}`, payload: payload(c.version) }];
  },
});

export const fundraisingSamples: Record<string, Sample> = {
  'POST /api/fundraising/campaigns/list': {
    status: 200,
    calls: async () => [{ url: '/api/fundraising/campaigns/list', payload: { status: 'draft' } }],
  },
  'GET /api/fundraising/by-case/:caseId': {
    status: 200,
    calls: async (ctx) => [{ url: `/api/fundraising/by-case/${(await freshCampaign(ctx)).caseId}` }],
  },
  'POST /api/fundraising/campaigns': {
    status: 201,
    calls: async (ctx) => [
      { url: '/api/fundraising/campaigns', payload: { ...campaignFields, caseId: await freshCase(ctx) } },
    ],
  },
  'GET /api/fundraising/campaigns/:id': {
    status: 200,
    calls: async (ctx) => [{ url: `/api/fundraising/campaigns/${(await freshCampaign(ctx)).id}` }],
  },
  'PUT /api/fundraising/campaigns/:id': onCampaign('', 'draft', (version) => ({
    ...campaignFields,
    targetRupiah: 6_000_000,
    version,
  })),
  'POST /api/fundraising/campaigns/:id/consent': onCampaign('/consent', 'draft', (version) => ({
    givenBy: 'guardian',
    giverName: 'Budi (wali)',
    consentedOn: today(),
    publishStory: true,
    publishPhoto: true,
    documentNumber: 'PS-1',
    version,
  })),
  'POST /api/fundraising/campaigns/:id/activate': onCampaign('/activate', 'consented', (version) => ({
    version,
  })),
  'POST /api/fundraising/campaigns/:id/updates': onCampaign('/updates', 'active', (version) => ({
    reportedOn: today(),
    raisedRupiah: 1_500_000,
    note: 'Minggu pertama',
    version,
  })),
  'POST /api/fundraising/campaigns/:id/disbursements': onCampaign('/disbursements', 'raised', () => ({
    disbursedOn: today(),
    amountRupiah: 1_000_000,
    method: 'beneficiary_transfer',
    recipientName: 'Sari',
    proofNumber: 'TRF-001',
    note: null,
    idempotencyKey: uuidv7(),
  })),
  'POST /api/fundraising/campaigns/:id/close': onCampaign('/close', 'active', (version) => ({
    outcome: 'closed',
    note: 'Masa kampanye selesai',
    version,
  })),
};
