import { todayInZone } from '@atensi/domain';
import { and, eq, isNull } from 'drizzle-orm';
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
import { casePlacements } from '../cases/cases.tables.ts';
import { getCenter } from '../centers/centers.service.ts';

/**
 * One truth for where a person is (decision 0014): the outreach stays and the case's balai
 * placement agree whichever side moves them — outreach, the case page, a transfer, a closure.
 */
let t: TestContext;
let center: string;
let otherCenter: string;
const users: Record<string, TestUser> = {};
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  center = (await buildCenter(t.database, { bedCapacity: 20, occupiedBeds: 5 })).id;
  otherCenter = (await buildCenter(t.database)).id;
  const build = async (name: string, role: 'social_worker' | 'center_head', centerId: string) => {
    users[name] = await buildUser(t.database, [{ role, centerId }]);
    cookies[name] = await signIn(t.app, users[name]!);
  };
  await build('worker', 'social_worker', center);
  await build('head', 'center_head', center);
  await build('otherHead', 'center_head', otherCenter);
  await build('otherWorker', 'social_worker', otherCenter);
}, 90_000);
afterAll(() => t?.close());

const call = (url: string, who: string, payload?: unknown, language = 'id') =>
  t.app.inject({
    method: payload === undefined ? 'GET' : 'POST',
    url,
    headers: { ...asUser(cookies[who]!), 'accept-language': language },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const ok = async (url: string, who: string, payload?: unknown) => {
  const res = await call(url, who, payload);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** A person found on an outreach run, with the case opened for them. */
const foundCase = async (): Promise<string> => {
  const res = await call('/api/outreach/runs', 'worker', {
    centerId: center,
    team: 'Tim malam',
    date: '2026-11-21',
    place: 'Pasar Baru',
    regionCode: '32.75.01.1001',
    assignedWorkerId: users.worker!.id,
    people: [
      {
        fullName: `Orang ${Math.random().toString(36).slice(2, 7)}`,
        sex: 'female',
        birthYearEstimate: 1960,
        clusters: ['elderly'],
        urgency: 'high',
        problem: 'Tidur di emperan pasar.',
      },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().people[0].caseId;
};
const shelter = async (capacity: number): Promise<string> => {
  const res = await call('/api/outreach/shelters', 'head', {
    name: `GOR ${Math.random().toString(36).slice(2, 7)}`,
    centerId: center,
    regionCode: '32.75.01.1001',
    capacity,
    openedOn: '2026-11-01',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
};
const move = (caseId: string, body: Record<string, unknown>, who = 'worker') =>
  call(`/api/outreach/cases/${caseId}/move`, who, { date: '2026-11-21', ...body });
const stays = async (caseId: string, who = 'worker') =>
  (await ok(`/api/outreach/cases/${caseId}/stays`, who)).items.map(
    (s: { kind: string; endedOn: string | null }) => [s.kind, s.endedOn === null ? 'open' : 'ended'],
  );
const occupied = async (shelterId: string) =>
  (await ok(`/api/outreach/shelters/${shelterId}`, 'worker')).occupied as number;
const beds = async () => (await getCenter(t.database.db, center)).occupiedBeds;
const openPlacements = async (caseId: string) =>
  (
    await t.database.db
      .select()
      .from(casePlacements)
      .where(and(eq(casePlacements.caseId, caseId), isNull(casePlacements.endedAt)))
  ).length;

describe('the balai placement and the stays agree', () => {
  it('ending a balai placement on the case page ends the stay and frees the bed; the person can be moved again', async () => {
    const caseId = await foundCase();
    const gor = await shelter(5);
    expect((await move(caseId, { to: 'shelter', shelterId: gor })).statusCode).toBe(200);
    const before = await beds();
    expect((await move(caseId, { to: 'center', date: '2026-11-22' })).statusCode).toBe(200);
    expect(await beds()).toBe(before + 1);

    const ended = await ok(`/api/cases/${caseId}/placement/end`, 'worker', { reason: 'Dijemput keluarga' });
    expect(ended.placement).toBeNull();
    expect(await beds()).toBe(before);
    expect(await stays(caseId)).toEqual([
      ['shelter', 'ended'],
      ['center', 'ended'],
    ]);

    // Before, the open balai stay made every later move fail with `case.not_placed`.
    const home = await move(caseId, { to: 'family', date: todayInZone('WIB') });
    expect(home.statusCode, home.body).toBe(200);
    expect(await stays(caseId)).toEqual([
      ['shelter', 'ended'],
      ['center', 'ended'],
      ['family', 'open'],
    ]);
    expect(await beds()).toBe(before);
  });

  it('a placement from the case page moves the person out of the TPS into the balai', async () => {
    const caseId = await foundCase();
    const gor = await shelter(5);
    await move(caseId, { to: 'shelter', shelterId: gor });
    expect(await occupied(gor)).toBe(1);
    const before = await beds();

    const placed = await ok(`/api/cases/${caseId}/placement`, 'worker', {});
    expect(placed.placement).toMatchObject({ centerId: center });
    expect(await beds()).toBe(before + 1);
    expect(await occupied(gor)).toBe(0);
    expect(await stays(caseId)).toEqual([
      ['shelter', 'ended'],
      ['center', 'open'],
    ]);

    // Moving on from there gives the bed back through the same placement.
    expect((await move(caseId, { to: 'community', date: todayInZone('WIB') })).statusCode).toBe(200);
    expect(await beds()).toBe(before);
    expect(await openPlacements(caseId)).toBe(0);
  });

  it('an accepted transfer ends the open TPS stay: the shelter counts the person out', async () => {
    const caseId = await foundCase();
    const gor = await shelter(5);
    await move(caseId, { to: 'shelter', shelterId: gor });
    expect(await occupied(gor)).toBe(1);

    let c = await ok(`/api/cases/${caseId}`, 'worker');
    c = await ok(`/api/cases/${caseId}/transfer`, 'worker', {
      toCenterId: otherCenter,
      reason: 'Keluarga tinggal di wilayah balai lain',
      version: c.version,
    });
    // Only the decision moves the person: a pending request leaves the stay as it is.
    expect(await occupied(gor)).toBe(1);
    await ok(`/api/cases/${caseId}/transfer/accept`, 'otherHead', {
      assignedWorkerId: users.otherWorker!.id,
      version: c.version,
    });
    expect(await occupied(gor)).toBe(0);
    expect(await stays(caseId, 'otherHead')).toEqual([['shelter', 'ended']]);
  });

  it('an approved closure ends the open TPS stay, and a closed case held in the balai gives its bed back', async () => {
    const inShelter = await foundCase();
    const inBalai = await foundCase();
    const gor = await shelter(5);
    await move(inShelter, { to: 'shelter', shelterId: gor });
    const before = await beds();
    await move(inBalai, { to: 'center' });
    expect(await beds()).toBe(before + 1);

    const close = async (caseId: string) => {
      let c = await ok(`/api/cases/${caseId}`, 'worker');
      for (const to of ['assessment', 'planning', 'intervention', 'termination_requested']) {
        c = await ok(`/api/cases/${caseId}/stage`, 'worker', { to, version: c.version });
      }
      return ok(`/api/cases/${caseId}/closure`, 'head', {
        version: c.version,
        outcomes: {
          basicNeedsMet: true,
          ownIncome: false,
          mobilityImproved: false,
          familyCanCare: true,
          servicesComplete: true,
          summary: 'Kembali ke keluarga.',
        },
      });
    };
    await close(inShelter);
    expect(await occupied(gor)).toBe(0);
    expect(await stays(inShelter)).toEqual([['shelter', 'ended']]);

    const closed = await close(inBalai);
    expect(closed).toMatchObject({ stage: 'termination', placement: null });
    expect(await beds()).toBe(before);
    expect(await stays(inBalai)).toEqual([['center', 'ended']]);
  });

  it('refuses to move a closed case, in the reader’s language', async () => {
    const caseId = await foundCase();
    let c = await ok(`/api/cases/${caseId}`, 'worker');
    for (const to of ['assessment', 'planning', 'intervention', 'termination_requested']) {
      c = await ok(`/api/cases/${caseId}/stage`, 'worker', { to, version: c.version });
    }
    await ok(`/api/cases/${caseId}/closure`, 'head', {
      version: c.version,
      outcomes: {
        basicNeedsMet: true,
        ownIncome: false,
        mobilityImproved: false,
        familyCanCare: true,
        servicesComplete: false,
        summary: 'Pulang ke kampung.',
      },
    });
    const gor = await shelter(5);
    const refused = await move(caseId, { to: 'shelter', shelterId: gor });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'outreach.case_closed' });
    expect(refused.json().message).toMatch(/ditutup/);
    const english = await call(
      `/api/outreach/cases/${caseId}/move`,
      'worker',
      { to: 'family', date: '2026-11-21' },
      'en',
    );
    expect(english.json().message).toMatch(/closed/);
    expect(await occupied(gor)).toBe(0);
    expect(await stays(caseId)).toEqual([]);
  });

  it('a move home and the case page ending the placement at once leave them agreeing', async () => {
    const caseId = await foundCase();
    const before = await beds();
    await move(caseId, { to: 'center' });
    expect(await beds()).toBe(before + 1);
    const results = await Promise.all([
      move(caseId, { to: 'family', date: todayInZone('WIB') }),
      call(`/api/cases/${caseId}/placement/end`, 'worker', { reason: 'Pulang ke keluarga' }),
    ]);
    // Whichever runs second finds the bed already given back (409) or simply records the move home.
    expect(results[0]!.statusCode).toBe(200);
    expect([200, 409]).toContain(results[1]!.statusCode);
    expect(await beds()).toBe(before);
    expect(await openPlacements(caseId)).toBe(0);
    const history = await stays(caseId);
    expect(history.filter(([, state]: string[]) => state === 'open')).toEqual([['family', 'open']]);
    expect(history).toContainEqual(['center', 'ended']);
  });
});
