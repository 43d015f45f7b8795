import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineKm, type RoutingCenter, rankCenters } from './score.ts';

const center = (c: Partial<RoutingCenter> & { id: string }): RoutingCenter => ({
  name: c.id,
  coverage: [],
  regionCode: '31.71',
  latitude: null,
  longitude: null,
  bedCapacity: 50,
  occupiedBeds: 10,
  socialWorkers: 10,
  activeCases: 100,
  specialtyClusters: [],
  archived: false,
  ...c,
});

// A person in Kota Kupang (53.71), NTT.
const kupang = { regionCode: '53.71.01.1001', latitude: -10.1772, longitude: 123.607 };

describe('haversineKm', () => {
  it('measures known distances', () => {
    // Jakarta (Monas) to Bandung (Gedung Sate): about 117 km in a straight line.
    expect(haversineKm(-6.1754, 106.8272, -6.9025, 107.6188)).toBeCloseTo(119, -1);
    expect(haversineKm(-10.1772, 123.607, -10.1772, 123.607)).toBe(0);
  });
});

describe('rankCenters', () => {
  it('sends an ODGJ person to the nearby children’s centre that covers them, not the far specialist', () => {
    const children = center({
      id: 'naibonat',
      name: 'Sentra Efata Kupang',
      coverage: ['53.71', '53.01'],
      regionCode: '53.01',
      latitude: -10.05,
      longitude: 123.85,
      specialtyClusters: ['child'],
    });
    const odgj = center({
      id: 'galih-pakuan',
      name: 'Sentra Phala Martha Sukabumi',
      coverage: ['32'],
      regionCode: '32.02',
      latitude: -6.92,
      longitude: 106.93,
      specialtyClusters: ['odgj'],
    });
    const ranked = rankCenters({ ...kupang, modality: 'residential' }, [odgj, children]);
    expect(ranked.map((r) => r.centerId)).toEqual(['naibonat', 'galih-pakuan']);
    expect(ranked[0]!.reasons.map((r) => r.code)).toEqual(['beds_free', 'covers_regency', 'distance_km']);
    expect(ranked[1]!.reasons.map((r) => r.code)).toEqual(['beds_free', 'outside_coverage', 'distance_km']);
  });

  it('ranks regency coverage before province coverage before none', () => {
    const ranked = rankCenters({ ...kupang, modality: 'community' }, [
      center({ id: 'none', coverage: ['52'], latitude: -10.18, longitude: 123.61 }),
      center({ id: 'province', coverage: ['53'], latitude: -8.5, longitude: 121 }),
      center({ id: 'regency', coverage: ['53.71'], latitude: -9, longitude: 124.9 }),
    ]);
    expect(ranked.map((r) => r.centerId)).toEqual(['regency', 'province', 'none']);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
    expect(ranked[1]!.score).toBeGreaterThan(ranked[2]!.score);
  });

  it('puts a full residential centre after those with beds, but keeps it listed', () => {
    const ranked = rankCenters({ ...kupang, modality: 'residential' }, [
      center({
        id: 'full',
        coverage: ['53'],
        bedCapacity: 40,
        occupiedBeds: 40,
        latitude: -10.18,
        longitude: 123.6,
      }),
      center({
        id: 'room',
        coverage: ['53'],
        bedCapacity: 40,
        occupiedBeds: 30,
        latitude: -8.6,
        longitude: 120.5,
      }),
    ]);
    expect(ranked.map((r) => r.centerId)).toEqual(['room', 'full']);
    expect(ranked[0]!.reasons).toContainEqual({ code: 'beds_free', value: 10 });
    expect(ranked[1]!.reasons.map((r) => r.code)).toEqual([
      'after_centers_with_room',
      'no_beds',
      'covers_province',
      'distance_km',
    ]);
  });

  // The issue as a new user met it: Naibonat full, Kabupaten Kupang person, residential ODGJ case.
  const naibonat = center({
    id: 'naibonat',
    coverage: ['53.01', '53.71', '53.02'],
    regionCode: '53.01.06.1003',
    latitude: -10.077,
    longitude: 123.862,
    bedCapacity: 120,
    occupiedBeds: 120,
  });
  const ende = center({
    id: 'ende',
    coverage: ['53.08', '53.07', '53.06'],
    regionCode: '53.08.19.1002',
    latitude: -8.841,
    longitude: 121.66,
    bedCapacity: 50,
    occupiedBeds: 31,
  });
  const mataram = center({
    id: 'mataram',
    coverage: ['52'],
    regionCode: '52.71.01.1005',
    latitude: -8.58,
    longitude: 116.085,
  });
  const temanggung = center({
    id: 'temanggung',
    name: 'Balai Besar "Kartini" di Temanggung',
    coverage: ['33.23'],
    regionCode: '33.23.03.1001',
    latitude: -7.3156,
    longitude: 110.1745,
  });
  // Oelamasi, the seat of Kabupaten Kupang.
  const oelamasi = { regionCode: '53.01.05.2003', latitude: -10.0915, longitude: 123.8555 };

  it('sends a Kabupaten Kupang person past a full Naibonat to the nearest centre with room, not to Java', () => {
    const ranked = rankCenters({ ...oelamasi, modality: 'residential' }, [
      temanggung,
      mataram,
      naibonat,
      ende,
    ]);
    expect(ranked.map((r) => r.centerId)).toEqual(['ende', 'mataram', 'temanggung', 'naibonat']);
    expect(ranked[0]!.distanceKm).toBeGreaterThan(250);
    expect(ranked[0]!.distanceKm).toBeLessThan(350);
    expect(ranked[3]!.distanceKm).toBeLessThan(5);
    expect(ranked[3]!.reasons.slice(0, 2)).toEqual([
      { code: 'after_centers_with_room' },
      { code: 'no_beds' },
    ]);
    // With a bed free again Naibonat is first: the rule is room, not a penalty for being near.
    const freed = rankCenters({ ...oelamasi, modality: 'residential' }, [
      temanggung,
      mataram,
      { ...naibonat, occupiedBeds: 119 },
      ende,
    ]);
    expect(freed[0]!.centerId).toBe('naibonat');
    expect(freed[0]!.reasons.some((r) => r.code === 'after_centers_with_room')).toBe(false);
  });

  it('keeps the reason away when no centre has room: the list is still ranked by coverage and distance', () => {
    const ranked = rankCenters({ ...oelamasi, modality: 'residential' }, [
      { ...ende, occupiedBeds: 50 },
      naibonat,
    ]);
    expect(ranked.map((r) => r.centerId)).toEqual(['naibonat', 'ende']);
    expect(ranked.flatMap((r) => r.reasons).some((r) => r.code === 'after_centers_with_room')).toBe(false);
  });

  it('prefers a lower caseload for family and community work, then the nearer centre', () => {
    const ranked = rankCenters({ ...kupang, modality: 'family' }, [
      center({
        id: 'busy-near',
        coverage: ['53'],
        activeCases: 400,
        socialWorkers: 10,
        latitude: -10.2,
        longitude: 123.6,
      }),
      center({
        id: 'ok-far',
        coverage: ['53'],
        activeCases: 150,
        socialWorkers: 10,
        latitude: -8.6,
        longitude: 120.5,
      }),
      center({
        id: 'ok-near',
        coverage: ['53'],
        activeCases: 200,
        socialWorkers: 10,
        latitude: -10.1,
        longitude: 123.7,
      }),
      center({
        id: 'no-workers',
        coverage: ['53'],
        activeCases: 0,
        socialWorkers: 0,
        latitude: -10.2,
        longitude: 123.6,
      }),
    ]);
    expect(ranked.map((r) => r.centerId)).toEqual(['ok-near', 'ok-far', 'busy-near', 'no-workers']);
    expect(ranked[0]!.reasons).toContainEqual({ code: 'caseload_ok', value: 20 });
    expect(ranked[2]!.reasons).toContainEqual({ code: 'caseload_high', value: 40 });
    expect(ranked[3]!.reasons).toContainEqual({ code: 'caseload_high' });
  });

  it('ranks an unknown distance last among otherwise equal centres', () => {
    const ranked = rankCenters({ ...kupang, modality: 'residential' }, [
      center({ id: 'unknown', coverage: ['53'] }),
      center({ id: 'far', coverage: ['53'], latitude: -8.6, longitude: 120.5 }),
    ]);
    expect(ranked.map((r) => r.centerId)).toEqual(['far', 'unknown']);
    expect(ranked[1]!.distanceKm).toBeNull();
    expect(ranked[1]!.reasons).toContainEqual({ code: 'distance_unknown' });
    // Without the person's position every distance is unknown.
    expect(
      rankCenters({ regionCode: '53.71', modality: 'residential' }, [
        center({ id: 'x', latitude: 1, longitude: 1 }),
      ])[0]!.distanceKm,
    ).toBeNull();
  });

  it('leaves out archived centres', () => {
    const ranked = rankCenters({ ...kupang, modality: 'residential' }, [
      center({ id: 'old', coverage: ['53.71'], archived: true }),
      center({ id: 'new', coverage: ['53'] }),
    ]);
    expect(ranked.map((r) => r.centerId)).toEqual(['new']);
  });

  const arbCenter = fc.record({
    id: fc.uuid(),
    name: fc.constantFrom('Balai A', 'Balai B', 'Sentra C'),
    coverage: fc.array(fc.constantFrom('53', '53.71', '53.01', '32', '32.01', '11.71'), { maxLength: 3 }),
    regionCode: fc.constantFrom('53.71', '32.01'),
    latitude: fc.option(fc.double({ min: -11, max: 6, noNaN: true }), { nil: null }),
    longitude: fc.option(fc.double({ min: 95, max: 141, noNaN: true }), { nil: null }),
    bedCapacity: fc.integer({ min: 0, max: 200 }),
    occupiedBeds: fc.integer({ min: 0, max: 200 }),
    socialWorkers: fc.integer({ min: 0, max: 40 }),
    activeCases: fc.integer({ min: 0, max: 1000 }),
    specialtyClusters: fc.subarray(['child', 'disability', 'elderly', 'napza', 'odgj']),
    archived: fc.boolean(),
  });
  const arbInput = fc.record({
    regionCode: fc.constantFrom('53.71.01.1001', '53.01', '32.01.01', '11'),
    latitude: fc.option(fc.double({ min: -11, max: 6, noNaN: true }), { nil: null }),
    longitude: fc.option(fc.double({ min: 95, max: 141, noNaN: true }), { nil: null }),
    modality: fc.constantFrom('family' as const, 'community' as const, 'residential' as const),
  });

  it('returns a permutation of the non-archived centres', () => {
    fc.assert(
      fc.property(arbInput, fc.array(arbCenter, { maxLength: 12 }), (input, centers) => {
        const ids = rankCenters(input, centers).map((r) => r.centerId);
        expect([...ids].sort()).toEqual(
          centers
            .filter((c) => !c.archived)
            .map((c) => c.id)
            .sort(),
        );
      }),
    );
  });

  const hasRoom = (r: { reasons: { code: string }[] }) =>
    r.reasons.some((x) => x.code === 'beds_free' || x.code === 'caseload_ok');
  const covers = (r: { reasons: { code: string }[] }) =>
    !r.reasons.some((x) => x.code === 'outside_coverage');

  it('ranks every centre with room above every centre without, and says so on those without', () => {
    fc.assert(
      fc.property(arbInput, fc.array(arbCenter, { maxLength: 12 }), (input, centers) => {
        const ranked = rankCenters(input, centers);
        const firstFull = ranked.findIndex((r) => !hasRoom(r));
        if (firstFull >= 0) expect(ranked.slice(firstFull).every((r) => !hasRoom(r))).toBe(true);
        const anyRoom = ranked.some(hasRoom);
        for (const r of ranked)
          expect(r.reasons.some((x) => x.code === 'after_centers_with_room')).toBe(anyRoom && !hasRoom(r));
      }),
    );
  });

  it('within the same room, ranks a covering centre above a non-covering one, and scores in rank order', () => {
    fc.assert(
      fc.property(arbInput, fc.array(arbCenter, { maxLength: 12 }), (input, centers) => {
        const ranked = rankCenters(input, centers);
        for (const room of [true, false]) {
          const band = ranked.filter((r) => hasRoom(r) === room);
          const firstOutside = band.findIndex((r) => !covers(r));
          if (firstOutside >= 0) expect(band.slice(firstOutside).every((r) => !covers(r))).toBe(true);
        }
        for (let i = 1; i < ranked.length; i++)
          expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
      }),
    );
  });

  it('never lets a historical specialty change the ranking', () => {
    fc.assert(
      fc.property(
        arbInput,
        fc.array(arbCenter, { maxLength: 10 }),
        fc.array(fc.subarray(['child', 'disability', 'elderly', 'napza', 'odgj']), { maxLength: 10 }),
        (input, centers, specialties) => {
          const relabelled = centers.map((c, i) => ({ ...c, specialtyClusters: specialties[i] ?? [] }));
          expect(rankCenters(input, relabelled)).toEqual(rankCenters(input, centers));
        },
      ),
    );
  });
});
