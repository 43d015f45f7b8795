import { photoMaxBytes } from '@atensi/domain';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asUser,
  buildCenter,
  buildUser,
  createTestApp,
  signIn,
  type TestContext,
  type TestUser,
  testOrigin,
} from '../../../test/app.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { rowsOf } from '../../platform/db/client.ts';
import { cases } from '../cases/cases.tables.ts';
import { escalateOverdueTickets } from './escalation.ts';
import { issueFormToken } from './form-token.ts';
import { serasiLimits } from './serasi.routes.ts';
import { serasiTickets } from './serasi.tables.ts';

/**
 * SERASI end to end through HTTP: public filing (form token, honeypot, photo check, rate
 * limit), public tracking that leaks nothing internal, the desk queue by coverage, triage
 * into a case, SLA escalation with a controlled clock, and desk metrics.
 */
let t: TestContext;
let bekasi: string;
let kupang: string;
const users: Record<string, TestUser> = {};
const cookies: Record<string, string> = {};

const bekasiVillage = '32.75.01.1001';
const kupangVillage = '53.71.01.1001';
const onePixelPng =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

beforeAll(async () => {
  t = await createTestApp();
  bekasi = (await buildCenter(t.database, { coverage: ['32.75'] })).id;
  kupang = (
    await buildCenter(t.database, {
      regionCode: kupangVillage,
      coverage: ['53.71'],
      latitude: -10.17,
      longitude: 123.6,
    })
  ).id;
  const build = async (
    name: string,
    role: 'desk_officer' | 'center_head' | 'social_worker' | 'central' | 'admin',
    centerId: string | null,
  ) => {
    users[name] = await buildUser(t.database, [{ role, centerId }]);
    cookies[name] = await signIn(t.app, users[name]!);
  };
  await build('deskBekasi', 'desk_officer', bekasi);
  await build('headBekasi', 'center_head', bekasi);
  await build('workerBekasi', 'social_worker', bekasi);
  await build('deskKupang', 'desk_officer', kupang);
  await build('central', 'central', null);
  await build('admin', 'admin', null);
}, 90_000);
afterAll(() => t?.close());

let caller = 0;
/** Each call from its own address unless one is given: only the rate-limit test shares one. */
const publicCall = (
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
  ip = `10.0.0.${++caller % 250}`,
) =>
  t.app.inject({
    method,
    url,
    remoteAddress: ip,
    headers: { origin: testOrigin },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: asUser(cookies[who]!),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const description = 'Seorang laki-laki dipasung keluarganya di rumah kebun, tidak pernah berobat.';
const report = (extra: Record<string, unknown> = {}, issuedAt = new Date(Date.now() - 10_000)) => ({
  type: 'report_person',
  subject: 'odgj',
  description,
  regionCode: bekasiVillage,
  landmark: 'Rumah kebun di belakang masjid Al-Ikhlas',
  anonymous: false,
  reporterName: 'Maria Ndun',
  reporterContact: '0812-3456-7890',
  consentAccepted: true,
  consentVersion: '2026-11',
  formToken: issueFormToken(t.secret, issuedAt),
  ...extra,
});

const file = async (extra: Record<string, unknown> = {}) => {
  const res = await publicCall('POST', '/api/serasi/tickets', report(extra));
  expect(res.statusCode, res.body).toBe(201);
  const { code } = res.json();
  const [row] = await t.database.db.select().from(serasiTickets).where(eq(serasiTickets.code, code));
  return row!;
};
const ticketCount = async () =>
  (await t.database.db.select({ id: serasiTickets.id }).from(serasiTickets)).length;

describe('filing a ticket in public', () => {
  it('gives a tracking code for a report with a photo, without signing in', async () => {
    const form = await publicCall('GET', '/api/serasi/form');
    expect(form.statusCode).toBe(200);
    expect(form.json().consentVersion).toBe('2026-11');
    const res = await publicCall(
      'POST',
      '/api/serasi/tickets',
      report({ photo: { contentType: 'image/png', dataBase64: onePixelPng } }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().code).toMatch(/^SRS-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
  });

  it('refuses a form sent at once, replayed, or filled by a bot, and writes nothing', async () => {
    const before = await ticketCount();
    const fast = await publicCall('POST', '/api/serasi/tickets', report({}, new Date()));
    expect(fast.json()).toMatchObject({ code: 'serasi.form_too_fast' });
    const forged = await publicCall(
      'POST',
      '/api/serasi/tickets',
      report({ formToken: '1700000000000.abc.def' }),
    );
    expect(forged.json().code).toBe('serasi.form_invalid');
    const bot = await publicCall('POST', '/api/serasi/tickets', report({ website: 'http://spam.example' }));
    expect(bot.statusCode).toBe(400);
    const body = report();
    expect((await publicCall('POST', '/api/serasi/tickets', body)).statusCode).toBe(201);
    const replay = await publicCall('POST', '/api/serasi/tickets', body);
    expect(replay.statusCode).toBe(409);
    expect(replay.json().code).toBe('serasi.form_used');
    expect(await ticketCount()).toBe(before + 1);
  });

  it('names the fields to fix: subject, reporter, consent, village, photo', async () => {
    const before = await ticketCount();
    const missing = await publicCall(
      'POST',
      '/api/serasi/tickets',
      report({ subject: null, reporterName: null, consentAccepted: false }),
    );
    expect(missing.statusCode).toBe(400);
    expect(
      missing
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['consentAccepted']);
    const crossField = await publicCall(
      'POST',
      '/api/serasi/tickets',
      report({ subject: null, reporterName: null }),
    );
    expect(
      crossField
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['reporterName', 'subject']);
    const regency = await publicCall('POST', '/api/serasi/tickets', report({ regionCode: '32.75' }));
    expect(regency.json()).toMatchObject({
      code: 'serasi.village_required',
      fields: [{ path: 'regionCode' }],
    });
    const notAPng = await publicCall(
      'POST',
      '/api/serasi/tickets',
      report({
        photo: { contentType: 'image/png', dataBase64: Buffer.from('GIF89a not a png').toString('base64') },
      }),
    );
    expect(notAPng.json()).toMatchObject({ code: 'serasi.photo_invalid', fields: [{ path: 'photo' }] });
    expect(await ticketCount()).toBe(before);
  });

  it('refuses a real PNG over 3 MB with 400 naming the photo, and files nothing', async () => {
    const before = await ticketCount();
    // A PNG signature then zeros: the right type by its bytes, one byte block over the limit,
    // and still within the length the schema lets through, so the size check itself answers.
    const png = Buffer.concat([
      Buffer.from(onePixelPng, 'base64').subarray(0, 16),
      Buffer.alloc(photoMaxBytes + 3 - 16),
    ]);
    const res = await publicCall(
      'POST',
      '/api/serasi/tickets',
      report({ photo: { contentType: 'image/png', dataBase64: png.toString('base64') } }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'serasi.photo_invalid', fields: [{ path: 'photo' }] });
    expect(res.json().message).toMatch(/3 MB/);
    expect(await ticketCount()).toBe(before);
  });

  it('limits one network address without blocking another', async () => {
    const ip = '203.0.113.7';
    const statuses: number[] = [];
    for (let i = 0; i <= serasiLimits.file.limit; i++) {
      statuses.push((await publicCall('POST', '/api/serasi/tickets', report(), ip)).statusCode);
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(serasiLimits.file.limit);
    const refused = await publicCall('POST', '/api/serasi/tickets', report(), ip);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json().message).toMatch(/Terlalu banyak/);
    expect((await publicCall('POST', '/api/serasi/tickets', report(), '198.51.100.9')).statusCode).toBe(201);
    // Addresses are never stored, only salted hashes.
    const keys = rowsOf<{ key: string }>(await t.database.db.execute(sql`select key from rate_limit_hits`));
    expect(keys.some((k) => k.key.includes('203.0.113.7'))).toBe(false);
  });
});

describe('the public tracking page', () => {
  it('shows status and public answers, never the description, the people, the place or internal notes', async () => {
    const row = await file();
    const note = 'Catatan internal: ayah pelapor mantan narapidana.';
    let ticket = (await call('GET', `/api/serasi/tickets/${row.id}`, 'deskBekasi')).json();
    ticket = (
      await call('POST', `/api/serasi/tickets/${row.id}/note`, 'deskBekasi', {
        text: note,
        version: ticket.version,
      })
    ).json();
    ticket = (
      await call('POST', `/api/serasi/tickets/${row.id}/answer`, 'deskBekasi', {
        text: 'Petugas akan datang besok pagi.',
        version: ticket.version,
      })
    ).json();
    const res = await publicCall('GET', `/api/serasi/track/${row.code.toLowerCase()}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: row.code, status: 'in_progress', area: expect.any(String) });
    expect(res.json().answers.map((a: { text: string }) => a.text)).toContain(
      'Petugas akan datang besok pagi.',
    );
    for (const secret of [
      note,
      description,
      'Maria Ndun',
      '0812',
      'masjid Al-Ikhlas',
      bekasiVillage,
      row.id,
    ]) {
      expect(res.body).not.toContain(secret);
    }
    expect((await publicCall('GET', '/api/serasi/track/SRS-00000-00000')).statusCode).toBe(404);
  });
});

describe('the desk', () => {
  it('shows a ticket to the desks covering its region only; central reads but does not triage; reads are audited', async () => {
    const row = await file();
    const listed = await call('POST', '/api/serasi/tickets/list', 'deskBekasi', { q: row.code });
    expect(listed.json().items.map((i: { id: string }) => i.id)).toEqual([row.id]);
    expect(listed.json().items[0]).toMatchObject({ status: 'new', overdue: false, escalationLevel: 0 });
    expect(JSON.stringify(listed.json())).not.toContain(description);
    const elsewhere = await call('POST', '/api/serasi/tickets/list', 'deskKupang', { q: row.code });
    expect(elsewhere.json().total).toBe(0);
    expect((await call('GET', `/api/serasi/tickets/${row.id}`, 'deskKupang')).statusCode).toBe(404);
    const central = await call('GET', `/api/serasi/tickets/${row.id}`, 'central');
    expect(central.statusCode).toBe(200);
    expect(central.json().can.triage).toBe(false);
    const answer = await call('POST', `/api/serasi/tickets/${row.id}/answer`, 'central', {
      text: 'Halo semua',
      version: 1,
    });
    expect(answer.statusCode).toBe(403);
    const reads = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, row.id));
    expect(reads.filter((r) => r.action === 'read').length).toBeGreaterThanOrEqual(1);
    // The reporter's details never reach the audit log in clear.
    expect(JSON.stringify(reads.map((r) => r.changes))).not.toContain('Maria Ndun');
  });

  it('triages: assigns a covering centre, opens a case with a quick registration, closes; stale versions get 409', async () => {
    const row = await file();
    let ticket = (await call('GET', `/api/serasi/tickets/${row.id}`, 'deskBekasi')).json();
    expect(ticket.suggestedCenters.map((c: { centerId: string }) => c.centerId)).toEqual([bekasi]);
    const wrong = await call('POST', `/api/serasi/tickets/${row.id}/assign`, 'deskBekasi', {
      centerId: kupang,
      version: 1,
    });
    expect(wrong.json()).toMatchObject({
      code: 'serasi.center_not_covering',
      fields: [{ path: 'centerId' }],
    });
    ticket = (
      await call('POST', `/api/serasi/tickets/${row.id}/assign`, 'deskBekasi', {
        centerId: bekasi,
        version: 1,
      })
    ).json();
    expect(ticket).toMatchObject({
      status: 'in_progress',
      centerId: bekasi,
      firstRespondedAt: expect.any(String),
    });
    const stale = await call('POST', `/api/serasi/tickets/${row.id}/note`, 'deskBekasi', {
      text: 'Catatan lama',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);

    const casesBefore = (await t.database.db.select({ id: cases.id }).from(cases)).length;
    const badWorker = await call('POST', `/api/serasi/tickets/${row.id}/case`, 'deskBekasi', {
      version: ticket.version,
      person: { fullName: 'Laki-laki di rumah kebun', sex: 'male', birthYearEstimate: 1980 },
      centerId: bekasi,
      assignedWorkerId: users.deskKupang!.id,
      clusters: ['odgj'],
      urgency: 'critical',
      modality: 'residential',
      problem: 'Dipasung keluarga; perlu asesmen dan rujukan RSJ.',
    });
    expect(badWorker.statusCode).toBe(400);
    // Person, case and ticket change together or not at all.
    expect((await t.database.db.select({ id: cases.id }).from(cases)).length).toBe(casesBefore);
    const opened = await call('POST', `/api/serasi/tickets/${row.id}/case`, 'deskBekasi', {
      version: ticket.version,
      person: { fullName: 'Laki-laki di rumah kebun', sex: 'male', birthYearEstimate: 1980 },
      centerId: bekasi,
      assignedWorkerId: users.workerBekasi!.id,
      clusters: ['odgj'],
      urgency: 'critical',
      modality: 'residential',
      problem: 'Dipasung keluarga; perlu asesmen dan rujukan RSJ.',
    });
    expect(opened.statusCode, opened.body).toBe(200);
    ticket = opened.json();
    expect(ticket.caseNumber).toMatch(/^ATN-/);
    const [made] = await t.database.db.select().from(cases).where(eq(cases.id, ticket.caseId));
    expect(made).toMatchObject({
      intakeChannel: 'serasi',
      intakeReference: row.code,
      assignedWorkerId: users.workerBekasi!.id,
      sensitive: true,
    });
    const again = await call('POST', `/api/serasi/tickets/${row.id}/link-case`, 'deskBekasi', {
      caseId: ticket.caseId,
      version: ticket.version,
    });
    expect(again.json().code).toBe('serasi.already_has_case');

    ticket = (
      await call('POST', `/api/serasi/tickets/${row.id}/close`, 'headBekasi', {
        publicText: 'Sudah ditangani oleh balai, terima kasih atas laporan Anda.',
        version: ticket.version,
      })
    ).json();
    expect(ticket.status).toBe('closed');
    const afterClose = await call('POST', `/api/serasi/tickets/${row.id}/note`, 'deskBekasi', {
      text: 'Terlambat',
      version: ticket.version,
    });
    expect(afterClose.json().code).toBe('serasi.closed');
    const tracked = (await publicCall('GET', `/api/serasi/track/${row.code}`)).json();
    expect(tracked.status).toBe('closed');
    expect(tracked.answers.map((a: { text: string }) => a.text)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('ditindaklanjuti'),
        expect.stringContaining('Sudah ditangani'),
      ]),
    );
  });
});

describe('incoming referrals', () => {
  it('records a referral from another programme as a ticket the covering desk triages into a case marked as referred in', async () => {
    const bad = await call('POST', '/api/serasi/tickets/incoming', 'deskBekasi', {
      fromAgency: 'Pendamping PKH Kel. Margahayu',
      type: 'report_person',
      description: 'Lansia tinggal sendiri, tidak mampu mengurus diri.',
      regionCode: bekasiVillage,
    });
    expect(bad.json().fields.map((f: { path: string }) => f.path)).toEqual(['subject']);
    const res = await call('POST', '/api/serasi/tickets/incoming', 'deskBekasi', {
      fromAgency: 'Pendamping PKH Kel. Margahayu',
      letterNumber: '045/PKH/XI/2026',
      type: 'report_person',
      subject: 'abandoned_elder',
      description: 'Lansia tinggal sendiri, tidak mampu mengurus diri, keluarga di luar kota.',
      regionCode: bekasiVillage,
      landmark: 'Gang Mawar 3',
      contactName: 'Ibu Sumarni',
      contactPhone: '0812-0000-1111',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id, code } = res.json();
    expect(code).toMatch(/^SRS-/);
    const [created] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(created).toMatchObject({ action: 'create', actorId: users.deskBekasi!.id });
    // The contact's details never reach the audit log in clear.
    expect(JSON.stringify(created!.changes)).not.toContain('0812-0000-1111');
    const listed = await call('POST', '/api/serasi/tickets/list', 'deskBekasi', { q: code });
    expect(listed.json().items[0]).toMatchObject({ id, source: 'referral', status: 'new' });
    const ticket = (await call('GET', `/api/serasi/tickets/${id}`, 'deskBekasi')).json();
    expect(ticket).toMatchObject({
      referredBy: 'Pendamping PKH Kel. Margahayu',
      referralLetter: '045/PKH/XI/2026',
    });
    const opened = await call('POST', `/api/serasi/tickets/${id}/case`, 'deskBekasi', {
      version: ticket.version,
      person: { fullName: 'Mbah Sarinah', sex: 'female', birthYearEstimate: 1945 },
      centerId: bekasi,
      assignedWorkerId: users.workerBekasi!.id,
      clusters: ['elderly'],
      urgency: 'high',
      modality: 'family',
      problem: 'Lansia tinggal sendiri; rujukan PKH.',
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const [made] = await t.database.db.select().from(cases).where(eq(cases.id, opened.json().caseId));
    expect(made).toMatchObject({ intakeChannel: 'referral_in', intakeReference: '045/PKH/XI/2026' });
    // The referring agency follows it with the code like anyone.
    const tracked = (await publicCall('GET', `/api/serasi/track/${code}`)).json();
    expect(tracked.answers[0].text).toContain('Rujukan dari Pendamping PKH');
    expect((await call('POST', '/api/serasi/tickets/incoming', 'central', {})).statusCode).toBe(403);
  });
});

describe('two officers at once', () => {
  it('lets one of two concurrent triage steps on the same version win; the other gets 409', async () => {
    const row = await file();
    const [a, b] = await Promise.all([
      call('POST', `/api/serasi/tickets/${row.id}/answer`, 'deskBekasi', {
        text: 'Kami segera ke lokasi.',
        version: 1,
      }),
      call('POST', `/api/serasi/tickets/${row.id}/answer`, 'headBekasi', {
        text: 'Tim balai berangkat.',
        version: 1,
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const tracked = (await publicCall('GET', `/api/serasi/track/${row.code}`)).json();
    expect(tracked.answers).toHaveLength(2); // "filed" and the one answer that won
  });
});

describe('service levels and escalation (controlled clock)', () => {
  const fileAt = async (at: Date, extra: Record<string, unknown> = {}) => {
    const res = await publicCall('POST', '/api/serasi/tickets', report(extra));
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await t.database.db
      .select()
      .from(serasiTickets)
      .where(eq(serasiTickets.code, res.json().code));
    // Filed "at" the given time: the clock moves the ticket, not the test's wait.
    const shift = Date.now() - at.getTime();
    await t.database.db
      .update(serasiTickets)
      .set({
        filedAt: at,
        firstResponseDueAt: new Date(row!.firstResponseDueAt.getTime() - shift),
        resolutionDueAt: new Date(row!.resolutionDueAt.getTime() - shift),
      })
      .where(eq(serasiTickets.id, row!.id));
    return row!;
  };

  it('escalates an unanswered ticket to the head after 24 hours, to central a day later, once each', async () => {
    const filed = new Date('2026-11-01T08:00:00Z');
    const row = await fileAt(filed, { regionCode: kupangVillage });
    const hours = (h: number) => new Date(filed.getTime() + h * 3_600_000);
    expect(await escalateOverdueTickets(t.database.db, hours(23))).toBe(0);
    expect(await escalateOverdueTickets(t.database.db, hours(25))).toBe(1);
    expect(await escalateOverdueTickets(t.database.db, hours(26))).toBe(0);
    const [one] = await t.database.db.select().from(serasiTickets).where(eq(serasiTickets.id, row.id));
    expect(one!.escalationLevel).toBe(1);
    expect(await escalateOverdueTickets(t.database.db, hours(49))).toBe(1);
    const [two] = await t.database.db.select().from(serasiTickets).where(eq(serasiTickets.id, row.id));
    expect(two!.escalationLevel).toBe(2);
    const escalated = await call('POST', '/api/serasi/tickets/list', 'central', {
      escalated: true,
      q: row.code,
    });
    expect(escalated.json().items[0]).toMatchObject({ escalationLevel: 2, overdue: true });
    const timeline = (await call('GET', `/api/serasi/tickets/${row.id}`, 'deskKupang')).json().timeline;
    expect(
      timeline.filter((e: { kind: string; public: boolean }) => e.kind === 'escalated' && !e.public),
    ).toHaveLength(2);
  });

  it('uses the service levels the administrator sets for new tickets', async () => {
    const res = await call('PUT', '/api/serasi/sla', 'admin', {
      items: [{ type: 'question', firstResponseHours: 4, resolutionHours: 48 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.find((s: { type: string }) => s.type === 'question')).toMatchObject({
      firstResponseHours: 4,
    });
    const bad = await call('PUT', '/api/serasi/sla', 'admin', {
      items: [{ type: 'question', firstResponseHours: 0, resolutionHours: 48 }],
    });
    expect(bad.json().fields[0].path).toBe('items.0.firstResponseHours');
    const row = await file({ type: 'question', subject: null });
    expect(row.firstResponseDueAt.getTime() - row.filedAt.getTime()).toBe(4 * 3_600_000);
    expect((await call('PUT', '/api/serasi/sla', 'deskBekasi', { items: [] })).statusCode).toBe(403);
  });

  it('reports SLA compliance and the median time to first response for the desk', async () => {
    const metricsCenter = (
      await buildCenter(t.database, { coverage: ['53.01'], regionCode: '53.01.05.2003' })
    ).id;
    const desk = await buildUser(t.database, [{ role: 'desk_officer', centerId: metricsCenter }]);
    cookies.deskMetrics = await signIn(t.app, desk);
    const now = Date.now();
    const late = await fileAt(new Date(now - 30 * 3_600_000), { regionCode: '53.01.05.2003' });
    const onTime = await fileAt(new Date(now), { regionCode: '53.01.05.2003' });
    await fileAt(new Date(now), { regionCode: '53.01.05.2003' });
    for (const r of [late, onTime]) {
      const res = await call('POST', `/api/serasi/tickets/${r.id}/answer`, 'deskMetrics', {
        text: 'Sedang kami tangani.',
        version: 1,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const m = (await call('GET', '/api/serasi/metrics', 'deskMetrics')).json();
    expect(m.slaCompliancePercent).toBe(50);
    expect(m.medianFirstResponseHours).toBeCloseTo(15, 0);
    expect(m.open).toBe(3);
    expect(m.overdue).toBe(0);
    expect(m.byTypeAndStatus).toEqual(
      expect.arrayContaining([
        { type: 'report_person', status: 'in_progress', count: 2 },
        { type: 'report_person', status: 'new', count: 1 },
      ]),
    );
  });
});
