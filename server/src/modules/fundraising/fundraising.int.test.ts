import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asUser,
  buildCenter,
  buildUser,
  createTestApp,
  signIn,
  type TestContext,
  type TestUser,
} from '../../../test/app.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { createCase } from '../cases/cases.service.ts';
import { createPerson } from '../persons/persons.service.ts';
import { systemContext } from '../users/first-admin.ts';
import { fundraisingCampaigns, fundraisingDisbursements } from './fundraising.tables.ts';

let t: TestContext;
let centerA: string;
let centerB: string;
let worker: TestUser;
let head: TestUser;
let ownCase: string;
let sensitiveCase: string;
let colleaguesCase: string;
const cookies: Record<string, string> = {};
const nik = '5371014505800003';
const kkNumber = '5371010101200011';

const person = async (centerId: string, withNumbers = false) =>
  createPerson({
    db: t.database.db,
    context: systemContext,
    input: {
      centerId,
      nik: withNumbers ? nik : null,
      nikUnknownReason: withNumbers ? null : 'homeless',
      nikWarningsConfirmed: true,
      kkNumber: withNumbers ? kkNumber : null,
      fullName: `Maria Kupang ${Math.random().toString(36).slice(2, 7)}`,
      aliases: [],
      sex: 'female',
      birthDate: null,
      birthYearEstimate: 1980,
      birthPlace: null,
      regionCode: '53.71.01.1001',
      rt: null,
      rw: null,
      street: null,
      phone: withNumbers ? '0812-3456-7890' : null,
      disabilityTypes: ['physical'],
      dtksStatus: 'unknown',
      dtksDecile: null,
      legalBasis: 'vital_interest',
      consentBy: null,
      consentGuardianName: null,
    },
  });

const openCase = async (
  centerId: string,
  workerId: string,
  clusters: ('disability' | 'odgj')[],
  withNumbers = false,
) =>
  createCase({
    db: t.database.db,
    context: systemContext,
    input: {
      personId: await person(centerId, withNumbers),
      centerId,
      clusters,
      childSpecialProtection: false,
      intakeChannel: 'walk_in',
      intakeReference: null,
      problem: 'Membutuhkan operasi dan kursi roda.',
      urgency: 'high',
      modality: 'family',
      assignedWorkerId: workerId,
      recommendedCenterId: null,
      overrideReason: null,
    },
  });

beforeAll(async () => {
  t = await createTestApp();
  centerA = (await buildCenter(t.database, { regionCode: '53.71.01.1001', coverage: ['53.71'] })).id;
  centerB = (await buildCenter(t.database)).id;
  worker = await buildUser(t.database, [{ role: 'social_worker', centerId: centerA }]);
  const colleague = await buildUser(t.database, [{ role: 'social_worker', centerId: centerA }]);
  head = await buildUser(t.database, [{ role: 'center_head', centerId: centerA }]);
  const workerB = await buildUser(t.database, [{ role: 'social_worker', centerId: centerB }]);
  const headB = await buildUser(t.database, [{ role: 'center_head', centerId: centerB }]);
  const central = await buildUser(t.database, [{ role: 'central', centerId: null }]);
  const finance = await buildUser(t.database, [{ role: 'finance', centerId: centerA }]);
  for (const [k, u] of Object.entries({ worker, colleague, head, workerB, headB, central, finance }))
    cookies[k] = await signIn(t.app, u);
  ownCase = await openCase(centerA, worker.id, ['disability'], true);
  sensitiveCase = await openCase(centerA, worker.id, ['odgj']);
  colleaguesCase = await openCase(centerA, colleague.id, ['disability']);
}, 120_000);
afterAll(() => t?.close());

const call = (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  who: string,
  payload?: unknown,
  lang: 'id' | 'en' = 'id',
) =>
  t.app.inject({
    method,
    url,
    headers: { ...asUser(cookies[who]!), 'accept-language': lang },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const story =
  'Ibu Maria membutuhkan biaya operasi tulang kaki dan kursi roda agar dapat kembali berjualan di pasar.';
const campaignBody = (caseId: string, overrides: Record<string, unknown> = {}) => ({
  caseId,
  platform: 'kitabisa',
  campaignUrl: null,
  purpose: 'medical',
  title: 'Bantu Ibu Maria berjalan kembali',
  story,
  targetRupiah: 10_000_000,
  startsOn: null,
  endsOn: '2026-12-31',
  ...overrides,
});
const fields = (campaign: Record<string, unknown>) => ({
  platform: campaign.platform,
  platformName: campaign.platformName,
  campaignUrl: campaign.campaignUrl,
  purpose: campaign.purpose,
  title: campaign.title,
  story: campaign.story,
  targetRupiah: campaign.targetRupiah,
  startsOn: campaign.startsOn,
  endsOn: campaign.endsOn,
  version: campaign.version,
});
const today = () => new Date().toISOString().slice(0, 10);
const consent = (version: number, overrides: Record<string, unknown> = {}) => ({
  givenBy: 'self',
  giverName: 'Maria',
  consentedOn: today(),
  publishStory: true,
  publishPhoto: false,
  documentNumber: 'PS-01/2026',
  version,
  ...overrides,
});
const campaignCount = async () => (await t.database.db.select().from(fundraisingCampaigns)).length;

type Campaign = { id: string; version: number; [k: string]: unknown };

const createCampaign = async (caseId = ownCase, who = 'worker', overrides: Record<string, unknown> = {}) => {
  const res = await call('POST', '/api/fundraising/campaigns', who, campaignBody(caseId, overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Campaign;
};

/** A live campaign with this much raised (through an update entry). */
const activeCampaign = async (raised: number, caseId = ownCase) => {
  let c = await createCampaign(caseId, 'worker', { campaignUrl: 'https://kitabisa.com/campaign/bantumaria' });
  c = (await call('POST', `/api/fundraising/campaigns/${c.id}/consent`, 'worker', consent(c.version))).json();
  c = (
    await call('POST', `/api/fundraising/campaigns/${c.id}/activate`, 'worker', { version: c.version })
  ).json();
  expect(c.status).toBe('active');
  if (raised > 0) {
    const res = await call('POST', `/api/fundraising/campaigns/${c.id}/updates`, 'worker', {
      reportedOn: today(),
      raisedRupiah: raised,
      note: 'Angka dari dasbor kitabisa',
      version: c.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    c = res.json();
  }
  return c;
};

const disburse = (id: string, amount: number, key = uuidv7(), who = 'head') =>
  call('POST', `/api/fundraising/campaigns/${id}/disbursements`, who, {
    disbursedOn: today(),
    amountRupiah: amount,
    method: 'provider_payment',
    recipientName: 'RSUD Prof. Dr. W. Z. Johannes',
    proofNumber: `KW-${Math.random().toString(36).slice(2, 7)}`,
    note: null,
    idempotencyKey: key,
  });

describe('creating a campaign', () => {
  it('makes a draft for the assigned worker’s case, audited', async () => {
    const c = await createCampaign();
    expect(c).toMatchObject({
      status: 'draft',
      caseId: ownCase,
      centerId: centerA,
      targetRupiah: 10_000_000,
      raisedRupiah: 0,
      disbursedRupiah: 0,
      consent: null,
      can: { manage: true, disburse: false },
    });
    expect(c.caseNumber).toMatch(/^ATN-/);
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'fundraising_campaign'), eq(auditLog.entityId, c.id)));
    expect(rows.map((r) => r.action)).toEqual(['create']);
  });

  it('refuses bad input with 400 naming the field, writing nothing', async () => {
    const before = await campaignCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ campaignUrl: 'http://kitabisa.com/campaign/x' }, 'campaignUrl'],
      [{ campaignUrl: 'javascript:alert(1)' }, 'campaignUrl'],
      [{ targetRupiah: 1500000.5 }, 'targetRupiah'],
      [{ targetRupiah: '1500000' }, 'targetRupiah'],
      [{ purpose: 'holiday' }, 'purpose'],
      [{ title: 'x' }, 'title'],
    ];
    for (const [overrides, path] of cases) {
      const res = await call(
        'POST',
        '/api/fundraising/campaigns',
        'worker',
        campaignBody(ownCase, overrides),
      );
      expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(res.json().fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    const other = await call(
      'POST',
      '/api/fundraising/campaigns',
      'worker',
      campaignBody(ownCase, { platform: 'other', startsOn: '2026-09-01', endsOn: '2026-08-01' }),
    );
    expect(other.statusCode).toBe(400);
    expect(other.json()).toMatchObject({
      code: 'fundraising.invalid',
      fields: [
        { path: 'platformName', message: expect.stringMatching(/nama platform/) },
        { path: 'endsOn', message: expect.stringMatching(/Tanggal selesai/) },
      ],
    });
    expect(await campaignCount()).toBe(before);
  });

  it('refuses public text that identifies the beneficiary or reveals a sensitive cluster, in id and en', async () => {
    const before = await campaignCount();
    const refused: [Record<string, unknown>, string, RegExp][] = [
      [{ title: `Bantu Ibu Maria NIK ${nik}` }, 'title', /NIK penerima manfaat/],
      [{ story: `${story} KK: ${kkNumber.replace(/(\d{4})/g, '$1 ')}` }, 'story', /nomor KK/],
      [{ story: `${story} Nomor rekening 1234567890123456.` }, 'story', /16 digit/],
      [{ story: `${story} Hubungi beliau di +62 812 3456 7890.` }, 'story', /telepon/],
      [{ story: `${story} Beliau adalah ODGJ yang dulu dipasung.` }, 'story', /“odgj”/],
      [{ title: 'Bantu korban perdagangan orang pulang' }, 'title', /perdagangan orang/],
      [{ story: `${story} Ia mantan pengguna narkoba.` }, 'story', /“narkoba”/],
      [{ story: `${story} Status HIV positif.` }, 'story', /“hiv”/],
      [{ title: 'Pulihkan korban kekerasan seksual' }, 'title', /kekerasan seksual/],
    ];
    for (const [overrides, path, message] of refused) {
      const res = await call(
        'POST',
        '/api/fundraising/campaigns',
        'worker',
        campaignBody(ownCase, overrides),
      );
      expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'fundraising.public_text', fields: [{ path, message }] });
    }
    const en = await call(
      'POST',
      '/api/fundraising/campaigns',
      'worker',
      campaignBody(ownCase, { story: `${story} Mantan pecandu NAPZA.` }),
      'en',
    );
    expect(en.json().fields[0].message).toMatch(/sensitive condition/);
    expect(await campaignCount()).toBe(before);
  });

  it('is for the case’s worker and head only: others get 404, central staff and finance 403', async () => {
    expect((await call('POST', '/api/fundraising/campaigns', 'head', campaignBody(ownCase))).statusCode).toBe(
      201,
    );
    for (const who of ['workerB', 'headB', 'colleague']) {
      const res = await call('POST', '/api/fundraising/campaigns', who, campaignBody(ownCase));
      expect(res.statusCode, who).toBe(404);
      expect(res.json().fields).toEqual([{ path: 'caseId', message: expect.any(String) }]);
    }
    for (const who of ['central', 'finance']) {
      expect((await call('POST', '/api/fundraising/campaigns', who, campaignBody(ownCase))).statusCode).toBe(
        403,
      );
    }
  });
});

describe('consent and going live', () => {
  it('refuses to activate without consent, then without a link; live after both', async () => {
    let c = await createCampaign();
    const noConsent = await call('POST', `/api/fundraising/campaigns/${c.id}/activate`, 'worker', {
      version: c.version,
    });
    expect(noConsent.statusCode).toBe(409);
    expect(noConsent.json()).toMatchObject({
      code: 'fundraising.consent_required',
      fields: [{ path: 'consent', message: expect.stringMatching(/persetujuan/) }],
    });

    const badConsent = await call(
      'POST',
      `/api/fundraising/campaigns/${c.id}/consent`,
      'worker',
      consent(c.version, { publishStory: false, consentedOn: '2999-01-01' }),
    );
    // The date schema refuses a consent dated after today first; the story rule then speaks.
    expect(badConsent.statusCode).toBe(400);
    expect(badConsent.json().fields.map((f: { path: string }) => f.path)).toEqual(['consentedOn']);
    const noStory = await call(
      'POST',
      `/api/fundraising/campaigns/${c.id}/consent`,
      'worker',
      consent(c.version, { publishStory: false }),
    );
    expect(noStory.statusCode).toBe(400);
    expect(noStory.json().fields.map((f: { path: string }) => f.path)).toEqual(['publishStory']);
    const noName = await call('POST', `/api/fundraising/campaigns/${c.id}/consent`, 'worker', {
      ...consent(c.version, { givenBy: 'guardian' }),
      giverName: '',
    });
    expect(noName.json().fields.map((f: { path: string }) => f.path)).toEqual(['giverName']);

    const given = await call(
      'POST',
      `/api/fundraising/campaigns/${c.id}/consent`,
      'worker',
      consent(c.version, { givenBy: 'guardian', giverName: 'Yohanes (kakak)', publishPhoto: true }),
    );
    expect(given.statusCode, given.body).toBe(200);
    c = given.json();
    expect(c.consent).toMatchObject({
      givenBy: 'guardian',
      giverName: 'Yohanes (kakak)',
      publishStory: true,
      publishPhoto: true,
      documentNumber: 'PS-01/2026',
    });

    const noLink = await call('POST', `/api/fundraising/campaigns/${c.id}/activate`, 'worker', {
      version: c.version,
    });
    expect(noLink.statusCode).toBe(409);
    expect(noLink.json()).toMatchObject({
      code: 'fundraising.url_required',
      fields: [{ path: 'campaignUrl' }],
    });

    const edited = await call('PUT', `/api/fundraising/campaigns/${c.id}`, 'worker', {
      ...fields(c),
      campaignUrl: 'https://kitabisa.com/campaign/bantumaria',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    c = edited.json();
    const live = await call('POST', `/api/fundraising/campaigns/${c.id}/activate`, 'worker', {
      version: c.version,
    });
    expect(live.statusCode, live.body).toBe(200);
    expect(live.json()).toMatchObject({ status: 'active', startsOn: expect.any(String) });
    expect(live.json().activatedAt).not.toBeNull();
    // The giver's name reaches the audit log masked.
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'fundraising_campaign'), eq(auditLog.entityId, c.id)));
    const name = rows.flatMap((r) => r.changes).find((ch) => ch.field === 'consentGiverName' && ch.after);
    expect(name?.after).toMatch(/^Yoha\*+kak\)$/);
  });

  it('a live campaign keeps its link and passes the text guard on every edit', async () => {
    const c = await activeCampaign(0);
    const noLink = await call('PUT', `/api/fundraising/campaigns/${c.id}`, 'worker', {
      ...fields(c),
      campaignUrl: null,
    });
    expect(noLink.json()).toMatchObject({
      code: 'fundraising.url_required',
      fields: [{ path: 'campaignUrl' }],
    });
    const leak = await call('PUT', `/api/fundraising/campaigns/${c.id}`, 'worker', {
      ...fields(c),
      story: `${story} WA 0812 3456 7890`,
    });
    expect(leak.json()).toMatchObject({ code: 'fundraising.public_text', fields: [{ path: 'story' }] });
    const read = await call('GET', `/api/fundraising/campaigns/${c.id}`, 'worker');
    expect(read.json()).toMatchObject({ version: c.version, story });
  });

  it('answers 409 to a stale version, and one of two concurrent edits wins', async () => {
    const c = await createCampaign();
    const first = await call('PUT', `/api/fundraising/campaigns/${c.id}`, 'worker', {
      ...fields(c),
      targetRupiah: 12_000_000,
    });
    expect(first.statusCode).toBe(200);
    const stale = await call('PUT', `/api/fundraising/campaigns/${c.id}`, 'head', {
      ...fields(c),
      targetRupiah: 15_000_000,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('fundraising.version_conflict');
    const current = first.json() as Campaign;
    const both = await Promise.all(
      [20_000_000, 30_000_000].map((target) =>
        call('PUT', `/api/fundraising/campaigns/${c.id}`, 'worker', {
          ...fields(current),
          targetRupiah: target,
        }),
      ),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const staleConsent = await call(
      'POST',
      `/api/fundraising/campaigns/${c.id}/consent`,
      'worker',
      consent(1),
    );
    expect(staleConsent.json().code).toBe('fundraising.version_conflict');
  });
});

/**
 * Sends `n` requests at once. On PostgreSQL they are held at the door: a second connection
 * locks the campaign's row until all `n` are waiting on a lock, then lets go, so they truly
 * meet inside their transactions (HTTP requests through `inject` otherwise arrive one after
 * the other). Without the service's own row lock they would all read the same totals.
 */
const racing = async <T>(campaignId: string, n: number, send: () => Promise<T>): Promise<T[]> => {
  if (t.database.kind !== 'postgres') return Promise.all(Array.from({ length: n }, send));
  const gate = new pg.Client({ connectionString: t.database.url });
  await gate.connect();
  try {
    await gate.query('begin');
    await gate.query('select id from fundraising_campaigns where id = $1 for update', [campaignId]);
    const sent = Promise.all(Array.from({ length: n }, send));
    const deadline = Date.now() + 15_000;
    for (;;) {
      // pg_stat_activity is a snapshot held for the transaction: take a fresh one each time.
      await gate.query('select pg_stat_clear_snapshot()');
      const { rows } = await gate.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
          where datname = current_database() and state = 'active' and wait_event_type = 'Lock'
            and pid <> pg_backend_pid()`,
      );
      if ((rows[0]?.n ?? 0) >= n) break;
      if (Date.now() > deadline) throw new Error(`only ${rows[0]?.n} of ${n} requests reached the lock`);
      await new Promise((r) => setTimeout(r, 20));
    }
    await gate.query('commit');
    return await sent;
  } finally {
    await gate.end();
  }
};

describe('the raised amount and disbursements', () => {
  it('changes the raised amount only through dated updates, keeping the history', async () => {
    let c = await activeCampaign(0);
    for (const [raised, note] of [
      [4_500_000, 'Minggu pertama'],
      [12_750_000, 'Melampaui target berkat donatur besar'],
    ] as const) {
      const res = await call('POST', `/api/fundraising/campaigns/${c.id}/updates`, 'worker', {
        reportedOn: today(),
        raisedRupiah: raised,
        note,
        version: c.version,
      });
      expect(res.statusCode, res.body).toBe(200);
      c = res.json();
    }
    expect(c.raisedRupiah).toBe(12_750_000);
    expect(c.updates).toEqual([
      expect.objectContaining({ raisedRupiah: 4_500_000, previousRaisedRupiah: 0, note: 'Minggu pertama' }),
      expect.objectContaining({ raisedRupiah: 12_750_000, previousRaisedRupiah: 4_500_000 }),
    ]);
    expect((c.updates as { by: string }[])[0]!.by).toBe('Pengguna Uji');
    // The raised amount is not a field of the campaign form: a PUT cannot set it.
    const put = await call('PUT', `/api/fundraising/campaigns/${c.id}`, 'worker', {
      ...fields(c),
      raisedRupiah: 99,
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().raisedRupiah).toBe(12_750_000);
    const float = await call('POST', `/api/fundraising/campaigns/${c.id}/updates`, 'worker', {
      reportedOn: today(),
      raisedRupiah: 100.5,
      note: 'pecahan',
      version: put.json().version,
    });
    expect(float.json().fields[0].path).toBe('raisedRupiah');
    const draft = await createCampaign();
    const early = await call('POST', `/api/fundraising/campaigns/${draft.id}/updates`, 'worker', {
      reportedOn: today(),
      raisedRupiah: 1000,
      note: 'belum tayang',
      version: draft.version,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('fundraising.status');
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entity, 'fundraising_update'));
    expect(audited.length).toBeGreaterThanOrEqual(2);
  });

  it('pays out to the beneficiary by the head only, never more than raised, a retry once', async () => {
    const c = await activeCampaign(5_000_000);
    expect((await disburse(c.id, 1_000_000, uuidv7(), 'worker')).statusCode).toBe(403);
    expect((await disburse(c.id, 1_000_000, uuidv7(), 'finance')).statusCode).toBe(403);
    expect((await disburse(c.id, 1_000_000, uuidv7(), 'central')).statusCode).toBe(403);
    expect((await disburse(c.id, 1_000_000, uuidv7(), 'headB')).statusCode).toBe(404);

    const key = uuidv7();
    const first = await disburse(c.id, 3_000_000, key);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ disbursedRupiah: 3_000_000, can: { disburse: true } });
    const retried = await disburse(c.id, 3_000_000, key);
    expect(retried.statusCode).toBe(200);
    expect(retried.json().disbursedRupiah).toBe(3_000_000);
    expect(retried.json().disbursements).toHaveLength(1);

    const over = await disburse(c.id, 2_000_001);
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({
      code: 'fundraising.over_disbursed',
      fields: [{ path: 'amountRupiah', message: expect.stringContaining('Rp2.000.000') }],
    });
    expect((await disburse(c.id, 2_000_000)).json().disbursedRupiah).toBe(5_000_000);

    const current = (await call('GET', `/api/fundraising/campaigns/${c.id}`, 'head')).json();
    const below = await call('POST', `/api/fundraising/campaigns/${c.id}/updates`, 'worker', {
      reportedOn: today(),
      raisedRupiah: 4_000_000,
      note: 'Koreksi biaya platform',
      version: current.version,
    });
    expect(below.statusCode).toBe(409);
    expect(below.json()).toMatchObject({
      code: 'fundraising.raised_below_disbursed',
      fields: [{ path: 'raisedRupiah' }],
    });
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entity, 'fundraising_disbursement'));
    const mine = audited.filter((r) =>
      r.changes.some((ch) => ch.field === 'campaignId' && ch.after === c.id),
    );
    expect(mine).toHaveLength(2);
    expect(mine[0]!.changes.find((ch) => ch.field === 'recipientName')?.after).toMatch(/^RSUD\*+/);
  });

  // As with the last bed (placements.int.test.ts) this runs on both databases, but only
  // PostgreSQL proves it: PGlite has one connection, so there the requests simply queue.
  it('never pays out more than raised: concurrent disbursements where only one fits', async () => {
    const c = await activeCampaign(1_000_000);
    const results = await racing(c.id, 8, () => disburse(c.id, 600_000));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((s) => s === 200)).toHaveLength(1);
    expect(codes.filter((s) => s === 409)).toHaveLength(7);
    for (const r of results.filter((x) => x.statusCode === 409))
      expect(r.json().code).toBe('fundraising.over_disbursed');
    const [row] = await t.database.db
      .select()
      .from(fundraisingCampaigns)
      .where(eq(fundraisingCampaigns.id, c.id));
    expect(row!.disbursedRupiah).toBe(600_000);
    const paid = await t.database.db
      .select()
      .from(fundraisingDisbursements)
      .where(eq(fundraisingDisbursements.campaignId, c.id));
    expect(paid).toHaveLength(1);
  });

  it('the same retried disbursement sent twice at once is recorded once', async () => {
    const c = await activeCampaign(1_000_000);
    const key = uuidv7();
    const results = await racing(c.id, 2, () => disburse(c.id, 400_000, key));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    const paid = await t.database.db
      .select()
      .from(fundraisingDisbursements)
      .where(eq(fundraisingDisbursements.campaignId, c.id));
    expect(paid).toHaveLength(1);
  });
});

describe('closing', () => {
  it('closes a live campaign, still pays out after, and cannot cancel once money went out', async () => {
    const c = await activeCampaign(2_000_000);
    const closed = await call('POST', `/api/fundraising/campaigns/${c.id}/close`, 'worker', {
      outcome: 'closed',
      note: 'Masa kampanye selesai',
      version: c.version,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closeNote: 'Masa kampanye selesai' });
    const paid = await disburse(c.id, 2_000_000);
    expect(paid.statusCode).toBe(200);
    const edit = await call('PUT', `/api/fundraising/campaigns/${c.id}`, 'worker', fields(paid.json()));
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toMatchObject({
      code: 'fundraising.status',
      message: expect.stringMatching(/selesai/),
    });

    const other = await activeCampaign(1_000_000);
    expect((await disburse(other.id, 500_000)).statusCode).toBe(200);
    const latest = (await call('GET', `/api/fundraising/campaigns/${other.id}`, 'worker')).json();
    const cancel = await call('POST', `/api/fundraising/campaigns/${other.id}/close`, 'worker', {
      outcome: 'cancelled',
      note: 'Keluarga menarik persetujuan',
      version: latest.version,
    });
    expect(cancel.json().code).toBe('fundraising.cancel_after_disbursement');

    const draft = await createCampaign();
    const dropped = await call('POST', `/api/fundraising/campaigns/${draft.id}/close`, 'worker', {
      outcome: 'cancelled',
      note: 'Dibiayai BPJS',
      version: draft.version,
    });
    expect(dropped.json().status).toBe('cancelled');
  });
});

describe('who sees which campaign', () => {
  let plain: Campaign;
  let sensitive: Campaign;
  let colleagues: Campaign;

  beforeAll(async () => {
    plain = await createCampaign(ownCase, 'worker', { title: 'Kursi roda untuk Ibu Maria di Kupang' });
    sensitive = await createCampaign(sensitiveCase, 'worker', { title: 'Biaya berobat Bapak Yakobus' });
    colleagues = await createCampaign(colleaguesCase, 'head', { title: 'Modal warung Ibu Ester' });
  });

  it('another centre’s staff and a colleague not on the case get 404', async () => {
    for (const who of ['workerB', 'headB']) {
      expect((await call('GET', `/api/fundraising/campaigns/${plain.id}`, who)).statusCode).toBe(404);
      expect(
        (await call('PUT', `/api/fundraising/campaigns/${plain.id}`, who, fields(plain))).statusCode,
      ).toBe(404);
      expect((await call('GET', `/api/fundraising/by-case/${ownCase}`, who)).statusCode).toBe(404);
    }
    expect((await call('GET', `/api/fundraising/campaigns/${plain.id}`, 'colleague')).statusCode).toBe(404);
    expect((await call('GET', `/api/fundraising/campaigns/${colleagues.id}`, 'worker')).statusCode).toBe(404);
    const list = await call('POST', '/api/fundraising/campaigns/list', 'workerB', {});
    expect(list.json().items).toEqual([]);
  });

  it('central staff read nationally, never write, and never see a sensitive case’s campaign', async () => {
    const read = await call('GET', `/api/fundraising/campaigns/${plain.id}`, 'central');
    expect(read.statusCode).toBe(200);
    expect(read.json().can).toEqual({ manage: false, disburse: false });
    expect(
      (await call('PUT', `/api/fundraising/campaigns/${plain.id}`, 'central', fields(plain))).statusCode,
    ).toBe(403);
    expect(
      (await call('POST', `/api/fundraising/campaigns/${plain.id}/activate`, 'central', { version: 1 }))
        .statusCode,
    ).toBe(403);
    expect((await call('GET', `/api/fundraising/campaigns/${sensitive.id}`, 'central')).statusCode).toBe(404);
    expect((await call('GET', `/api/fundraising/by-case/${sensitiveCase}`, 'central')).statusCode).toBe(404);
    const list = await call('POST', '/api/fundraising/campaigns/list', 'central', { pageSize: 100 });
    const ids = list.json().items.map((c: { id: string }) => c.id);
    expect(ids).toContain(plain.id);
    expect(ids).toContain(colleagues.id);
    expect(ids).not.toContain(sensitive.id);
  });

  it('the head sees every campaign of the centre; reading a sensitive one is audited', async () => {
    const list = await call('POST', '/api/fundraising/campaigns/list', 'head', { pageSize: 100 });
    const ids = list.json().items.map((c: { id: string }) => c.id);
    expect(ids).toEqual(expect.arrayContaining([plain.id, sensitive.id, colleagues.id]));
    expect((await call('GET', `/api/fundraising/campaigns/${sensitive.id}`, 'head')).statusCode).toBe(200);
    const reads = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'read'),
          eq(auditLog.entity, 'fundraising_campaign'),
          eq(auditLog.entityId, sensitive.id),
        ),
      );
    expect(reads.length).toBeGreaterThanOrEqual(1);
  });

  it('lists with filters, title search and paging; the case page lists its campaigns', async () => {
    const search = await call('POST', '/api/fundraising/campaigns/list', 'head', { q: 'kursi RODA' });
    expect(search.json().items.map((c: { id: string }) => c.id)).toEqual([plain.id]);
    const drafts = await call('POST', '/api/fundraising/campaigns/list', 'head', {
      status: 'draft',
      platform: 'kitabisa',
      centerId: centerA,
      pageSize: 2,
      page: 1,
    });
    expect(drafts.statusCode).toBe(200);
    expect(drafts.json().items).toHaveLength(2);
    expect(drafts.json().total).toBeGreaterThan(2);
    expect(drafts.json().items.every((c: { status: string }) => c.status === 'draft')).toBe(true);
    const elsewhere = await call('POST', '/api/fundraising/campaigns/list', 'head', { centerId: centerB });
    expect(elsewhere.json().total).toBe(0);
    const pct = await call('POST', '/api/fundraising/campaigns/list', 'head', { q: '100%_' });
    expect(pct.json().total).toBe(0);

    const byCase = await call('GET', `/api/fundraising/by-case/${sensitiveCase}`, 'worker');
    expect(byCase.statusCode).toBe(200);
    expect(byCase.json()).toMatchObject({ canCreate: true, items: [{ id: sensitive.id }] });
    const centralView = await call('GET', `/api/fundraising/by-case/${ownCase}`, 'central');
    expect(centralView.json().canCreate).toBe(false);
    expect(centralView.json().items.length).toBeGreaterThan(0);
  });
});
