import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asUser,
  buildCenter,
  buildUser,
  createTestApp,
  signIn,
  type TestContext,
  testOrigin,
} from '../../../test/app.ts';
import { regionNames } from '../regions/regions.service.ts';
import { escalateOverdueTickets } from './escalation.ts';
import { issueFormToken } from './form-token.ts';
import { serasiTickets } from './serasi.tables.ts';

/**
 * What a desk officer expects of the queue beyond the code: words of the description and of
 * the place, one centre's queue among several, the metrics over a chosen period, and the
 * server's own timeline sentences handed to the web as codes it can word in English.
 */
let t: TestContext;
let bekasi: string;
let kupangA: string;
let kupangB: string;
const cookies: Record<string, string> = {};

const bekasiVillage = '32.75.01.1001';
const kupangVillage = '53.71.01.1001';

beforeAll(async () => {
  t = await createTestApp();
  bekasi = (await buildCenter(t.database, { coverage: ['32.75'] })).id;
  const kupang = { regionCode: kupangVillage, coverage: ['53.71'], latitude: -10.17, longitude: 123.6 };
  kupangA = (await buildCenter(t.database, kupang)).id;
  kupangB = (await buildCenter(t.database, { ...kupang, latitude: -10.2 })).id;
  const build = async (name: string, roles: Parameters<typeof buildUser>[1]) => {
    cookies[name] = await signIn(t.app, await buildUser(t.database, roles));
  };
  await build('deskBekasi', [{ role: 'desk_officer', centerId: bekasi }]);
  await build('deskKupang', [
    { role: 'desk_officer', centerId: kupangA },
    { role: 'desk_officer', centerId: kupangB },
  ]);
  await build('central', [{ role: 'central', centerId: null }]);
}, 90_000);
afterAll(() => t?.close());

let caller = 0;
const publicGet = (url: string, lang = 'id') =>
  t.app.inject({
    method: 'GET',
    url,
    remoteAddress: `10.1.0.${++caller % 250}`,
    headers: { origin: testOrigin, 'accept-language': lang },
  });

const call = (method: 'GET' | 'POST', url: string, who: string, payload?: unknown, lang = 'id') =>
  t.app.inject({
    method,
    url,
    headers: { ...asUser(cookies[who]!), 'accept-language': lang },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const file = async (description: string, regionCode = bekasiVillage) => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/serasi/tickets',
    remoteAddress: `10.2.0.${++caller % 250}`,
    headers: { origin: testOrigin },
    payload: {
      type: 'help_request',
      description,
      regionCode,
      landmark: 'Dekat pasar',
      anonymous: true,
      consentAccepted: true,
      consentVersion: '2026-11',
      formToken: issueFormToken(t.secret, new Date(Date.now() - 10_000)),
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const [row] = await t.database.db
    .select()
    .from(serasiTickets)
    .where(eq(serasiTickets.code, res.json().code));
  return row!;
};

const listed = async (who: string, body: Record<string, unknown>) => {
  const res = await call('POST', '/api/serasi/tickets/list', who, { pageSize: 100, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((i: { id: string }) => i.id) as string[];
};

describe('searching the desk queue', () => {
  it('finds words of the description, within the desk’s own coverage only; % and _ are letters', async () => {
    const goat = await file('Nenek tinggal sendiri bersama kambingnya, rumah hampir roboh, butuh bantuan.');
    const other = await file('Anak putus sekolah bekerja di bengkel sepanjang hari tanpa upah.');
    expect(await listed('deskBekasi', { q: 'KAMBINGNYA' })).toEqual([goat.id]);
    expect(await listed('deskBekasi', { q: 'bengkel sepanjang' })).toEqual([other.id]);
    expect(await listed('deskKupang', { q: 'kambingnya' })).toEqual([]);
    expect(await listed('central', { q: 'kambingnya' })).toEqual([goat.id]);
    expect(await listed('deskBekasi', { q: '%' })).toEqual([]);
    expect(await listed('deskBekasi', { q: 'kambing_ya' })).toEqual([]);
    // The code still finds exactly one ticket.
    expect(await listed('deskBekasi', { q: goat.code })).toEqual([goat.id]);
    // …as people copy it from a note: small letters, spaces for dashes.
    expect(await listed('deskBekasi', { q: goat.code.toLowerCase().replaceAll('-', ' ') })).toEqual([
      goat.id,
    ]);
    const tracked = await t.app.inject({
      method: 'GET',
      url: `/api/serasi/track/${goat.code.toLowerCase().replaceAll('-', '')}`,
    });
    expect(tracked.statusCode, tracked.body).toBe(200);
  });

  it('finds the tickets of a village or district by its name', async () => {
    const names = await regionNames(t.database.db, [kupangVillage, '53.71.01', bekasiVillage, '32.75.01']);
    const inKupang = await file(
      'Seorang bapak tidur di emperan toko setiap malam, sakit-sakitan.',
      kupangVillage,
    );
    const inBekasi = await file('Seorang bapak tidur di emperan toko setiap malam, sakit-sakitan.');
    const byVillage = await listed('central', { q: names.get(kupangVillage)! });
    expect(byVillage).toContain(inKupang.id);
    expect(byVillage).not.toContain(inBekasi.id);
    const byDistrict = await listed('central', { q: names.get('53.71.01')! });
    expect(byDistrict).toContain(inKupang.id);
    expect(byDistrict).not.toContain(inBekasi.id);
    expect(await listed('central', { q: names.get('32.75.01')! })).toContain(inBekasi.id);
  });
});

describe('one centre’s queue', () => {
  it('shows the tickets assigned to the centre and the unassigned ones it covers', async () => {
    const toA = await file('Lansia ditemukan di terminal, tidak ingat alamat rumahnya.', kupangVillage);
    const open = await file('Anak jalanan tidur di bawah jembatan, tanpa keluarga.', kupangVillage);
    expect(toA.coveringCenterIds.sort()).toEqual([kupangA, kupangB].sort());
    const assigned = await call('POST', `/api/serasi/tickets/${toA.id}/assign`, 'deskKupang', {
      centerId: kupangA,
      version: toA.version,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const ofA = await listed('deskKupang', { centerId: kupangA });
    expect(ofA).toEqual(expect.arrayContaining([toA.id, open.id]));
    const ofB = await listed('deskKupang', { centerId: kupangB });
    expect(ofB).toContain(open.id);
    expect(ofB).not.toContain(toA.id);
    // Another desk's centre adds nothing outside the user's scope.
    expect(await listed('deskBekasi', { centerId: kupangA })).toEqual([]);
  });
});

describe('desk metrics over a period', () => {
  it('counts only tickets filed in the chosen WIB days, both included, and names a reversed period', async () => {
    const row = await file('Penyandang disabilitas netra butuh tongkat dan pelatihan orientasi.');
    // Filed on 15 March 2026, 23:30 WIB.
    await t.database.db
      .update(serasiTickets)
      .set({ filedAt: new Date('2026-03-15T16:30:00Z') })
      .where(eq(serasiTickets.id, row.id));
    const total = async (from: string, to: string) => {
      const res = await call('GET', `/api/serasi/metrics?from=${from}&to=${to}`, 'deskBekasi');
      expect(res.statusCode, res.body).toBe(200);
      return res.json().byTypeAndStatus.reduce((n: number, r: { count: number }) => n + r.count, 0);
    };
    expect(await total('2026-03-15', '2026-03-15')).toBe(1);
    expect(await total('2026-03-01', '2026-03-14')).toBe(0);
    expect(await total('2026-03-16', '2026-03-31')).toBe(0);
    const reversed = await call(
      'GET',
      '/api/serasi/metrics?from=2026-03-16&to=2026-03-01',
      'deskBekasi',
      undefined,
      'en',
    );
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().fields).toEqual([
      { path: 'to', message: 'The end date cannot be before the start date.' },
    ]);
  });
});

describe('the server’s own timeline sentences', () => {
  it('reach /lacak and the desk as codes with parameters, so an English reader gets English; officers’ words stay as written', async () => {
    const row = await file(
      'Ibu hamil tinggal di gubuk tanpa air bersih, suami pergi merantau.',
      kupangVillage,
    );
    const [centre] = (await call('GET', `/api/serasi/tickets/${row.id}`, 'deskKupang')).json()
      .suggestedCenters;
    let ticket = (
      await call('POST', `/api/serasi/tickets/${row.id}/assign`, 'deskKupang', {
        centerId: centre.centerId,
        version: row.version,
      })
    ).json();
    ticket = (
      await call('POST', `/api/serasi/tickets/${row.id}/answer`, 'deskKupang', {
        text: 'Petugas akan datang besok pagi.',
        version: ticket.version,
      })
    ).json();
    const tracked = await publicGet(`/api/serasi/track/${row.code}`, 'en');
    expect(tracked.statusCode).toBe(200);
    expect(tracked.json().answers).toEqual([
      expect.objectContaining({ kind: 'filed', message: { code: 'filed', params: {} } }),
      expect.objectContaining({
        kind: 'assigned',
        message: { code: 'assigned', params: { center: centre.centerName } },
      }),
      {
        at: expect.any(String),
        kind: 'public_answer',
        text: 'Petugas akan datang besok pagi.',
        message: null,
      },
    ]);

    await escalateOverdueTickets(t.database.db, new Date(Date.now() + 400 * 3_600_000));
    const timeline = (await call('GET', `/api/serasi/tickets/${row.id}`, 'deskKupang')).json().timeline;
    expect(timeline.at(-1)).toMatchObject({ kind: 'escalated', message: { code: 'escalated_central' } });
  });
});
