import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, buildUser, createTestApp, signIn, type TestContext } from '../../../test/app.ts';
import { demoCenterCodes, demoCenters } from '../../cli/demo/centers.data.ts';
import { createCenter } from '../centers/centers.service.ts';
import { centers } from '../centers/centers.tables.ts';
import { systemContext } from '../users/first-admin.ts';

/**
 * The routing a new user met (issue 11): the demo's forty-odd real-looking centres, Naibonat full,
 * a residential ODGJ case for a person in a village of Kabupaten Kupang.
 */
let t: TestContext;
let cookie: string;
const idByCode = new Map<string, string>();
const codeById = new Map<string, string>();
const regionOf = new Map<string, string>();

type Item = { centerId: string; distanceKm: number | null; reasons: { code: string; value?: number }[] };
type Answer = {
  items: Item[];
  origin: { kind: string; seat: string | null; regencyCode: string | null } | null;
};

const kupangVillage = '53.01.05.2003';
const naibonat = demoCenters.find((c) => c.code === demoCenterCodes.kupang)!;

beforeAll(async () => {
  t = await createTestApp();
  for (const input of demoCenters) {
    const { id } = await createCenter({ db: t.database.db, context: systemContext, input });
    idByCode.set(input.code, id);
    codeById.set(id, input.code);
    regionOf.set(id, input.regionCode);
  }
  const worker = await buildUser(t.database, [
    { role: 'social_worker', centerId: idByCode.get(naibonat.code)! },
  ]);
  cookie = await signIn(t.app, worker);
}, 120_000);
afterAll(() => t?.close());

const setNaibonatOccupied = (occupiedBeds: number) =>
  t.database.db.update(centers).set({ occupiedBeds }).where(eq(centers.code, naibonat.code));

const recommend = async (body: Record<string, unknown>): Promise<Answer> => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/routing/recommendations',
    headers: asUser(cookie),
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

const hasRoom = (i: Item) => i.reasons.some((r) => r.code === 'beds_free');
const inJava = (i: Item) =>
  ['31', '32', '33', '34', '35', '36'].includes(regionOf.get(i.centerId)!.slice(0, 2));
const inNtt = (i: Item) => regionOf.get(i.centerId)!.startsWith('53.');

describe('routing with the demo centres', () => {
  it('sends a Kabupaten Kupang person past a full Naibonat to the nearest centre with room, with distances', async () => {
    await setNaibonatOccupied(naibonat.bedCapacity);
    const { items, origin } = await recommend({ regionCode: kupangVillage, modality: 'residential' });
    // Measured from Oelamasi, the seat of Kabupaten Kupang: every centre has a distance.
    expect(origin).toMatchObject({ kind: 'regency_seat', seat: 'Oelamasi', regencyCode: '53.01' });
    expect(items).toHaveLength(demoCenters.length);
    expect(items.every((i) => i.distanceKm !== null)).toBe(true);

    const first = items[0]!;
    expect(hasRoom(first)).toBe(true);
    expect(codeById.get(first.centerId)).toBe('LRSLU-FLOBAMORA');
    expect(first.distanceKm).toBeGreaterThan(250);
    expect(first.distanceKm).toBeLessThan(400);
    expect(first.reasons).toContainEqual({ code: 'distance_km', value: Math.round(first.distanceKm!) });

    // Naibonat, a few km away, is behind every centre with room and says why.
    const at = items.findIndex((i) => i.centerId === idByCode.get(naibonat.code));
    expect(items.slice(0, at).every(hasRoom)).toBe(true);
    expect(items.slice(at).some(hasRoom)).toBe(false);
    expect(items[at]!.distanceKm).toBeLessThan(10);
    expect(items[at]!.reasons.slice(0, 2)).toEqual([
      { code: 'after_centers_with_room' },
      { code: 'no_beds' },
    ]);

    // Never Java while an NTT centre with room is still below it.
    const lastNttWithRoom = items.findLastIndex((i) => inNtt(i) && hasRoom(i));
    expect(items.slice(0, lastNttWithRoom).some(inJava)).toBe(false);
    // Those with room come nearest first within the same coverage (all outside here).
    const withRoom = items.filter(hasRoom);
    for (let i = 1; i < withRoom.length; i++)
      expect(withRoom[i - 1]!.distanceKm!).toBeLessThanOrEqual(withRoom[i]!.distanceKm!);
  });

  it('puts Naibonat first again when a bed is free, a few kilometres from Oelamasi', async () => {
    await setNaibonatOccupied(naibonat.bedCapacity - 1);
    const { items } = await recommend({ regionCode: kupangVillage, modality: 'residential' });
    expect(items[0]).toMatchObject({ centerId: idByCode.get(naibonat.code) });
    expect(items[0]!.reasons).toContainEqual({ code: 'beds_free', value: 1 });
    expect(items[0]!.reasons).toContainEqual({ code: 'covers_regency' });
    expect(items[0]!.distanceKm).toBeLessThan(10);
    expect(items.flatMap((i) => i.reasons).some((r) => r.code === 'after_centers_with_room')).toBe(false);
  });

  it('measures from a position when the caller gives one, and knows no distance for a province alone', async () => {
    // Found in Kota Kupang by an outreach team.
    const found = await recommend({
      regionCode: kupangVillage,
      modality: 'residential',
      latitude: -10.1647,
      longitude: 123.5795,
    });
    expect(found.origin).toMatchObject({ kind: 'position', seat: null });
    const toNaibonat = found.items.find((i) => i.centerId === idByCode.get(naibonat.code))!;
    expect(toNaibonat.distanceKm).toBeGreaterThan(25);
    expect(toNaibonat.distanceKm).toBeLessThan(45);

    const province = await recommend({ regionCode: '53', modality: 'residential' });
    expect(province.origin).toBeNull();
    expect(province.items.every((i) => i.distanceKm === null)).toBe(true);
  });

  it('measures to a centre entered without coordinates from the seat of its regency', async () => {
    const input = {
      ...naibonat,
      code: 'T-NOCOORD',
      name: 'Loka Uji Tanpa Koordinat',
      latitude: null,
      longitude: null,
    };
    const { id } = await createCenter({ db: t.database.db, context: systemContext, input });
    const { items } = await recommend({ regionCode: kupangVillage, modality: 'residential' });
    const entered = items.find((i) => i.centerId === id)!;
    // Naibonat's regency is Kabupaten Kupang, whose seat (Oelamasi) is also the person's origin.
    expect(entered.distanceKm).toBe(0);
    expect(entered.reasons).toContainEqual({ code: 'distance_km', value: 0 });
  });
});
