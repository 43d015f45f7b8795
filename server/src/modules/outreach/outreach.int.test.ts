import { eq } from 'drizzle-orm';
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
import { cases } from '../cases/cases.tables.ts';
import { getCenter } from '../centers/centers.service.ts';
import { persons } from '../persons/persons.tables.ts';

/** Outreach → TPS → balai or family (seed 004's PWTC pattern), through HTTP. */
let t: TestContext;
let center: string;
let otherCenter: string;
const users: Record<string, TestUser> = {};
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  center = (await buildCenter(t.database, { bedCapacity: 20, occupiedBeds: 5 })).id;
  otherCenter = (await buildCenter(t.database)).id;
  const build = async (
    name: string,
    role: 'social_worker' | 'center_head' | 'central',
    centerId: string | null,
  ) => {
    users[name] = await buildUser(t.database, [{ role, centerId }]);
    cookies[name] = await signIn(t.app, users[name]!);
  };
  await build('worker', 'social_worker', center);
  await build('head', 'center_head', center);
  await build('elsewhere', 'social_worker', otherCenter);
  await build('central', 'central', null);
}, 90_000);
afterAll(() => t?.close());

const call = (method: 'GET' | 'POST', url: string, who: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: asUser(cookies[who]!),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const found = (name: string) => ({
  fullName: name,
  sex: 'male',
  birthYearEstimate: 1975,
  clusters: ['social_deviance_trafficking'],
  urgency: 'high',
  problem: 'Tidur di emperan toko, tidak ada keluarga.',
});
const run = (people: unknown[], extra: Record<string, unknown> = {}) => ({
  centerId: center,
  team: 'Rudi, Sinta, Pak Jono (Satpol PP)',
  date: '2026-11-21',
  place: 'Stasiun Bekasi',
  regionCode: '32.75.01.1001',
  notes: 'Penjangkauan malam',
  assignedWorkerId: users.worker!.id,
  people,
  ...extra,
});
const shelter = async (capacity: number) => {
  const res = await call('POST', '/api/outreach/shelters', 'head', {
    name: `GOR Patriot ${Math.random().toString(36).slice(2, 6)}`,
    centerId: center,
    regionCode: '32.75.01.1001',
    address: 'Jl. Ahmad Yani',
    capacity,
    openedOn: '2026-11-01',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; occupied: number };
};
const occupied = async (id: string) =>
  (await call('GET', `/api/outreach/shelters/${id}`, 'worker')).json().occupied;
const move = (caseId: string, body: Record<string, unknown>, who = 'worker') =>
  call('POST', `/api/outreach/cases/${caseId}/move`, who, { date: '2026-11-21', ...body });
const count = async (table: typeof persons | typeof cases) =>
  (await t.database.db.select().from(table)).length;

describe('an outreach run', () => {
  it('records the team and two people found, registering each quickly with a case opened through outreach', async () => {
    const res = await call(
      'POST',
      '/api/outreach/runs',
      'worker',
      run([found('Laki-laki kaos merah'), found('Pak Darto')]),
    );
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.people).toHaveLength(2);
    expect(
      body.people.every(
        (p: { caseNumber: string; current: unknown }) => /^ATN-/.test(p.caseNumber) && p.current === null,
      ),
    ).toBe(true);
    const list = await call('POST', '/api/outreach/runs/list', 'head', {});
    expect(list.json().items[0]).toMatchObject({ id: body.id, found: 2 });
    expect((await call('POST', '/api/outreach/runs/list', 'elsewhere', {})).json().total).toBe(0);
  });

  it('writes nothing when one row is refused', async () => {
    const before = [await count(persons), await count(cases)];
    const bad = await call(
      'POST',
      '/api/outreach/runs',
      'worker',
      run([found('Satu'), { ...found('Dua'), birthYearEstimate: null }]),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { path: string }) => f.path)).toEqual(['people.1.birthYearEstimate']);
    const wrongWorker = await call(
      'POST',
      '/api/outreach/runs',
      'worker',
      run([found('Satu'), found('Dua')], { assignedWorkerId: users.elsewhere!.id }),
    );
    expect(wrongWorker.statusCode).toBe(400);
    const tomorrowSomewhere = await call(
      'POST',
      '/api/outreach/runs',
      'worker',
      run([found('Satu')], { date: '2999-01-01' }),
    );
    // Refused by the date schema (an event is not after today anywhere in Indonesia), naming the bound.
    expect(tomorrowSomewhere.json()).toMatchObject({
      code: 'request.validation_failed',
      fields: [
        { path: 'date', message: expect.stringMatching(/^Tanggal tidak boleh setelah \d+ \w+ \d{4}\.$/) },
      ],
    });
    expect([await count(persons), await count(cases)]).toEqual(before);
  });
});

describe('the run list', () => {
  it('finds runs by words of the team or the place, every word matching, wildcards taken literally', async () => {
    const record = async (team: string, place: string) => {
      const res = await call('POST', '/api/outreach/runs', 'worker', run([found('Cari')], { team, place }));
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const terminal = await record('Tim Kenanga (Satpol PP)', 'Terminal Kranji');
    const market = await record('Tim Melati', 'Pasar Kranji 100% ramai');
    const search = async (q: string, who = 'worker') =>
      (await call('POST', '/api/outreach/runs/list', who, { q }))
        .json()
        .items.map((r: { id: string }) => r.id);

    expect(await search('kranji')).toEqual(expect.arrayContaining([terminal, market]));
    expect(await search('KENANGA')).toEqual([terminal]);
    expect(await search('satpol terminal')).toEqual([terminal]);
    expect(await search('satpol pasar')).toEqual([]);
    expect(await search('100%')).toEqual([market]);
    expect(await search('%')).toEqual([market]);
    expect(await search('_')).toEqual([]);
    expect(await search('kranji', 'elsewhere')).toEqual([]);
    const long = await call('POST', '/api/outreach/runs/list', 'worker', { q: 'x'.repeat(101) });
    expect(long.statusCode).toBe(400);
    expect(long.json().fields.map((f: { path: string }) => f.path)).toEqual(['q']);
  });
});

describe('shelter, balai, family', () => {
  it('places two people in a TPS, refuses a third when full, moves one to the balai and one home; occupancy follows', async () => {
    const people = (
      await call(
        'POST',
        '/api/outreach/runs',
        'worker',
        run([found('Orang A'), found('Orang B'), found('Orang C')]),
      )
    ).json().people;
    const [a, b, c] = people as { caseId: string }[];
    const gor = await shelter(2);
    const noShelter = await move(a!.caseId, { to: 'shelter' });
    expect(noShelter.json().fields.map((f: { path: string }) => f.path)).toEqual(['shelterId']);

    expect((await move(a!.caseId, { to: 'shelter', shelterId: gor.id })).statusCode).toBe(200);
    expect((await move(b!.caseId, { to: 'shelter', shelterId: gor.id })).statusCode).toBe(200);
    expect(await occupied(gor.id)).toBe(2);
    const full = await move(c!.caseId, { to: 'shelter', shelterId: gor.id });
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe('outreach.shelter_full');

    const bedsBefore = (await getCenter(t.database.db, center)).occupiedBeds;
    const future = await move(a!.caseId, { to: 'center', date: '2999-01-01' });
    expect(future.json()).toMatchObject({
      code: 'request.validation_failed',
      fields: [
        { path: 'date', message: expect.stringMatching(/^Tanggal tidak boleh setelah \d+ \w+ \d{4}\.$/) },
      ],
    });
    const early = await move(a!.caseId, { to: 'center', date: '2026-11-01' });
    expect(early.json()).toMatchObject({ code: 'outreach.date_before_stay', fields: [{ path: 'date' }] });
    const toBalai = await move(a!.caseId, {
      to: 'center',
      date: '2026-11-23',
      note: 'Perlu rehabilitasi lanjutan',
    });
    expect(toBalai.statusCode, toBalai.body).toBe(200);
    expect(
      toBalai.json().items.map((s: { kind: string; endedOn: string | null }) => [s.kind, s.endedOn]),
    ).toEqual([
      ['shelter', '2026-11-23'],
      ['center', null],
    ]);
    expect(await occupied(gor.id)).toBe(1);
    expect((await getCenter(t.database.db, center)).occupiedBeds).toBe(bedsBefore + 1);
    // Every move is in the audit log: the stay ended and the stay begun.
    const moves = await t.database.db.select().from(auditLog).where(eq(auditLog.entity, 'stay'));
    expect(moves.filter((r) => r.action === 'update').length).toBeGreaterThanOrEqual(1);
    expect(moves.filter((r) => r.action === 'create').length).toBeGreaterThanOrEqual(3);
    const caseA = (await call('GET', `/api/cases/${a!.caseId}`, 'worker')).json();
    expect(caseA.placement).toMatchObject({ centerId: center });

    // Home to the family: the bed is given back.
    expect((await move(a!.caseId, { to: 'family', date: '2026-11-23' })).statusCode).toBe(200);
    expect((await getCenter(t.database.db, center)).occupiedBeds).toBe(bedsBefore);
    // The case's timeline says where the person went, as a code the web words in the reader's language.
    const timeline = (await call('GET', `/api/cases/${a!.caseId}`, 'worker')).json().timeline as {
      kind: string;
      summary: string;
      message: { code: string; params: Record<string, string> } | null;
    }[];
    expect(timeline.find((e) => e.kind === 'placement_ended')).toMatchObject({
      summary: 'Penempatan berakhir, pindah: Keluarga',
      message: { code: 'placement_moved', params: { destination: 'family' } },
    });
    expect((await move(a!.caseId, { to: 'family', date: '2026-11-23' })).json().code).toBe(
      'outreach.same_place',
    );

    const run2 = (await call('POST', '/api/outreach/runs/list', 'worker', {})).json().items[0];
    const detail = (await call('GET', `/api/outreach/runs/${run2.id}`, 'worker')).json();
    expect(detail.people.map((p: { current: { kind: string } | null }) => p.current?.kind ?? null)).toEqual([
      'family',
      'shelter',
      null,
    ]);
    expect((await move(b!.caseId, { to: 'family' }, 'central')).statusCode).toBe(403);
    expect((await move(b!.caseId, { to: 'family' }, 'elsewhere')).statusCode).toBe(404);
    const closing = await call('POST', `/api/outreach/shelters/${gor.id}/close`, 'head', {
      closedOn: '2026-12-01',
      version: 1,
    });
    expect(closing.json().code).toBe('outreach.shelter_occupied');
  });

  it("refuses a move into another centre's TPS: not found on shelterId, its occupancy untouched", async () => {
    const [p] = (await call('POST', '/api/outreach/runs', 'worker', run([found('Orang G')]))).json()
      .people as { caseId: string }[];
    const theirs = await call('POST', '/api/outreach/shelters', 'elsewhere', {
      name: 'GOR Balai Lain',
      centerId: otherCenter,
      regionCode: '32.75.01.1001',
      address: null,
      capacity: 10,
      openedOn: '2026-11-01',
    });
    expect(theirs.statusCode, theirs.body).toBe(201);
    const audited = (await t.database.db.select().from(auditLog)).length;
    const res = await move(p!.caseId, { to: 'shelter', shelterId: theirs.json().id });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'outreach.not_found', fields: [{ path: 'shelterId' }] });
    expect(res.body).not.toContain('GOR Balai Lain');
    const after = await call('GET', `/api/outreach/shelters/${theirs.json().id}`, 'elsewhere');
    expect(after.json().occupied).toBe(0);
    expect((await t.database.db.select().from(auditLog)).length).toBe(audited);
    expect((await call('GET', `/api/outreach/cases/${p!.caseId}/stays`, 'worker')).json().items).toEqual([]);
  });

  it('never passes a shelter capacity: concurrent moves into the last place, exactly one wins', async () => {
    const people = (
      await call(
        'POST',
        '/api/outreach/runs',
        'worker',
        run([found('Orang D'), found('Orang E'), found('Orang F')]),
      )
    ).json().people;
    const gor = await shelter(1);
    const results = await Promise.all(
      (people as { caseId: string }[]).map((p) => move(p.caseId, { to: 'shelter', shelterId: gor.id })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    expect(await occupied(gor.id)).toBe(1);
  });
});
