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
    expect(ranked[0]!.reasons.map((r) => r.code)).toEqual(['covers_regency', 'beds_free', 'distance_km']);
    expect(ranked[1]!.reasons.map((r) => r.code)).toEqual(['outside_coverage', 'beds_free', 'distance_km']);
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
    expect(ranked[1]!.reasons).toContainEqual({ code: 'no_beds' });
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

  it('always ranks a covering centre above a non-covering one', () => {
    fc.assert(
      fc.property(arbInput, fc.array(arbCenter, { maxLength: 12 }), (input, centers) => {
        const ranked = rankCenters(input, centers);
        const covering = (id: string) =>
          !ranked.find((r) => r.centerId === id)!.reasons.some((x) => x.code === 'outside_coverage');
        const firstOutside = ranked.findIndex((r) => !covering(r.centerId));
        if (firstOutside >= 0)
          expect(ranked.slice(firstOutside).every((r) => !covering(r.centerId))).toBe(true);
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
