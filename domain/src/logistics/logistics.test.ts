import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withinCoverage } from './disaster-coverage.ts';
import { aboveMinimum, proposeDispatch, type WarehouseAvailability } from './dispatch-proposal.ts';
import { issuableLots, type Lot, pickFefo } from './fefo.ts';

const today = '2026-11-22';
const day = fc
  .integer({ min: -60, max: 400 })
  .map((d) => new Date(Date.UTC(2026, 10, 22 + d)).toISOString().slice(0, 10));
const lot = fc.record({
  lotId: fc.uuid(),
  quantity: fc.integer({ min: 0, max: 500 }),
  expiresOn: fc.option(day, { nil: null }),
  receivedAt: fc
    .date({ min: new Date('2025-01-01'), max: new Date('2026-11-22'), noInvalidDate: true })
    .map((d) => d.toISOString()),
});

describe('FEFO picking', () => {
  it('takes the first-expiring lot first, undated lots last, and never an expired one', () => {
    const lots: Lot[] = [
      { lotId: 'blanket', quantity: 50, expiresOn: null, receivedAt: '2026-01-01T00:00:00Z' },
      { lotId: 'rice-march', quantity: 10, expiresOn: '2027-03-01', receivedAt: '2026-10-01T00:00:00Z' },
      { lotId: 'rice-dec', quantity: 10, expiresOn: '2026-12-01', receivedAt: '2026-11-01T00:00:00Z' },
      { lotId: 'rice-old', quantity: 99, expiresOn: '2026-11-01', receivedAt: '2026-06-01T00:00:00Z' },
    ];
    expect(pickFefo(lots, 25, today)).toEqual({
      picks: [
        { lotId: 'rice-dec', quantity: 10 },
        { lotId: 'rice-march', quantity: 10 },
        { lotId: 'blanket', quantity: 5 },
      ],
      short: 0,
    });
    expect(pickFefo(lots, 100, today).short).toBe(30);
  });

  it('never takes more than a lot holds, gives all it can, and goes in expiry order (property)', () => {
    fc.assert(
      fc.property(fc.array(lot, { maxLength: 12 }), fc.integer({ min: 0, max: 3000 }), (lots, quantity) => {
        const unique = lots.filter((l, i) => lots.findIndex((m) => m.lotId === l.lotId) === i);
        const { picks, short } = pickFefo(unique, quantity, today);
        const usable = issuableLots(unique, today);
        const available = usable.reduce((s, l) => s + l.quantity, 0);
        const taken = picks.reduce((s, p) => s + p.quantity, 0);
        expect(taken).toBe(Math.min(quantity, available));
        expect(short).toBe(quantity - taken);
        for (const p of picks) {
          const source = unique.find((l) => l.lotId === p.lotId)!;
          expect(p.quantity).toBeGreaterThan(0);
          expect(p.quantity).toBeLessThanOrEqual(source.quantity);
          expect(source.expiresOn === null || source.expiresOn >= today).toBe(true);
        }
        // Picks are a prefix of the FEFO order: every lot before the last one picked is emptied.
        const order = usable.map((l) => l.lotId);
        picks.forEach((p, i) => {
          expect(order[i]).toBe(p.lotId);
          if (i < picks.length - 1) expect(p.quantity).toBe(usable[i]!.quantity);
        });
      }),
    );
  });
});

const warehouse = fc.record({
  warehouseId: fc.uuid(),
  regionCode: fc.constantFrom('32.75', '32.16', '33.23', '53.01', '53.71', '73.71'),
  latitude: fc.option(fc.double({ min: -11, max: 6, noNaN: true }), { nil: null }),
  longitude: fc.option(fc.double({ min: 95, max: 141, noNaN: true }), { nil: null }),
  available: fc.integer({ min: 0, max: 2000 }),
  minimum: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2500 })),
});

describe('dispatch proposal', () => {
  const site = { regionCode: '53.01.05.2003', latitude: -10.2, longitude: 123.6 };
  const w = (
    id: string,
    regionCode: string,
    lat: number | null,
    lon: number | null,
    available: number,
    minimum = 0,
  ): WarehouseAvailability => ({
    warehouseId: id,
    regionCode,
    latitude: lat,
    longitude: lon,
    available,
    minimum,
  });
  const sent = (lines: { warehouseId: string; quantity: number; belowMinimum: number }[]) =>
    lines.map((l) => [l.warehouseId, l.quantity, l.belowMinimum]);

  it('ships from the nearest warehouse with stock and splits when one is not enough', () => {
    const result = proposeDispatch(800, site, [
      w('makassar', '73.71', -5.14, 119.42, 5000),
      w('kupang', '53.71', -10.17, 123.6, 500),
      w('naibonat', '53.01', -10.05, 123.85, 0),
      w('soe', '53.04', -9.86, 124.28, 200),
    ]);
    expect(sent(result.lines)).toEqual([
      ['kupang', 500, 0],
      ['soe', 200, 0],
      ['makassar', 100, 0],
    ]);
    expect(result.shortfall).toBe(0);
  });

  it('keeps a warehouse’s minimum while others have stock above theirs: Bekasi 10 tents (minimum 20), Jakarta 100', () => {
    const flood = { regionCode: '32.75.01.1002', latitude: -6.25, longitude: 107.0 };
    const result = proposeDispatch(30, flood, [
      w('bekasi', '32.75.01.1002', -6.247, 106.99, 10, 20),
      w('jakarta', '31.75.10.1006', -6.314, 106.86, 100),
    ]);
    // Bekasi is nearer, so it is listed — with nothing taken, so the person sees why.
    expect(sent(result.lines)).toEqual([
      ['bekasi', 0, 0],
      ['jakarta', 30, 0],
    ]);
    expect(result.shortfall).toBe(0);
  });

  it('takes what lies above the minimum from the nearest first, then from the next', () => {
    const result = proposeDispatch(120, site, [
      w('kupang', '53.71', -10.17, 123.6, 100, 40),
      w('ende', '53.08', -8.84, 121.66, 90, 20),
      w('makassar', '73.71', -5.14, 119.42, 500, 100),
    ]);
    expect(sent(result.lines)).toEqual([
      ['kupang', 60, 0],
      ['ende', 60, 0],
    ]);
  });

  it('dips below minimums only when the stock above them is not enough, nearest first, never below zero', () => {
    const result = proposeDispatch(100, site, [
      w('kupang', '53.71', -10.17, 123.6, 50, 40),
      w('ende', '53.08', -8.84, 121.66, 60, 30),
    ]);
    // Above the minimums: 10 + 30 = 40. The other 60 come from below them, Kupang (nearest) first.
    expect(sent(result.lines)).toEqual([
      ['kupang', 50, 40],
      ['ende', 50, 20],
    ]);
    expect(result.shortfall).toBe(0);
    const short = proposeDispatch(200, site, [w('kupang', '53.71', -10.17, 123.6, 50, 80)]);
    expect(sent(short.lines)).toEqual([['kupang', 50, 50]]);
    expect(short.shortfall).toBe(150);
  });

  it('sends an NTT flood to NTT warehouses before Java, however much Java holds', () => {
    const result = proposeDispatch(50, site, [
      w('jakarta', '31.75', -6.31, 106.86, 1000),
      w('temanggung', '33.23', -7.32, 110.17, 500),
      w('naibonat', '53.01', -10.08, 123.85, 80, 20),
    ]);
    expect(result.lines[0]).toMatchObject({ warehouseId: 'naibonat', quantity: 50, belowMinimum: 0 });
  });

  it('without coordinates puts the same regency, then the same province first', () => {
    const noCoords = { regionCode: '53.01.05.2003', latitude: null, longitude: null };
    const result = proposeDispatch(150, noCoords, [
      w('jakarta', '31.71', null, null, 100),
      w('kota-kupang', '53.71', null, null, 100),
      w('naibonat', '53.01', null, null, 100),
    ]);
    expect(sent(result.lines)).toEqual([
      ['naibonat', 100, 0],
      ['kota-kupang', 50, 0],
    ]);
    expect(result.lines[0]!.distanceKm).toBeNull();
  });

  it('covers the need whenever stock allows, above the minimums first, nearest first, never more than a warehouse holds (property)', () => {
    fc.assert(
      fc.property(
        fc.array(warehouse, { maxLength: 10 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.option(
          fc.record({
            latitude: fc.double({ min: -11, max: 6, noNaN: true }),
            longitude: fc.double({ min: 95, max: 141, noNaN: true }),
          }),
          { nil: null },
        ),
        (warehouses, need, coords) => {
          const stock = warehouses.filter(
            (x, i) => warehouses.findIndex((y) => y.warehouseId === x.warehouseId) === i,
          );
          const where = {
            regionCode: '53.01.05.2003',
            latitude: coords?.latitude ?? null,
            longitude: coords?.longitude ?? null,
          };
          const { lines, shortfall } = proposeDispatch(need, where, stock);
          const source = (id: string) => stock.find((x) => x.warehouseId === id)!;
          const total = stock.reduce((s, x) => s + x.available, 0);
          const spareTotal = stock.reduce((s, x) => s + aboveMinimum(x), 0);
          const proposed = lines.reduce((s, l) => s + l.quantity, 0);
          for (const line of lines) {
            const from = source(line.warehouseId);
            expect(line.quantity).toBeGreaterThanOrEqual(0);
            // Never below zero: a line takes at most what the warehouse holds.
            expect(line.quantity).toBeLessThanOrEqual(from.available);
            expect(line.belowMinimum).toBeGreaterThanOrEqual(0);
            expect(line.belowMinimum).toBeLessThanOrEqual(line.quantity);
            // What goes below the minimum is exactly what the line takes past the spare.
            expect(line.belowMinimum).toBe(Math.max(0, line.quantity - aboveMinimum(from)));
            // A line with nothing is a warehouse held at its minimum, nearer than one that sends.
            if (line.quantity === 0) expect(aboveMinimum(from)).toBe(0);
          }
          if (lines.length > 0) expect(lines.at(-1)!.quantity).toBeGreaterThan(0);
          expect(new Set(lines.map((l) => l.warehouseId)).size).toBe(lines.length);
          expect(proposed).toBe(Math.min(need, total));
          expect(shortfall).toBe(need - proposed);
          if (total >= need) expect(shortfall).toBe(0);
          // Minimums are touched only when the stock above all of them is not enough, and then
          // by exactly the missing part.
          const below = lines.reduce((s, l) => s + l.belowMinimum, 0);
          expect(below).toBe(Math.max(0, Math.min(need, total) - spareTotal));
          // Nearest first: distances along the proposal never decrease…
          const known = lines.flatMap((l) => (l.distanceKm === null ? [] : [l.distanceKm]));
          expect(known).toEqual([...known].sort((a, b) => a - b));
          // …and a farther warehouse gives from its spare only once every nearer one gave all of its.
          lines.forEach((line, i) => {
            if (line.quantity - line.belowMinimum === 0) return;
            for (const nearer of lines.slice(0, i)) {
              expect(nearer.quantity - nearer.belowMinimum).toBe(aboveMinimum(source(nearer.warehouseId)));
            }
          });
        },
      ),
    );
  });
});

describe('a disaster inside a centre’s coverage', () => {
  const naibonat = ['53.01', '53.71', '53.04'];
  it('holds the covered regencies and everything under them, not the wider province or a neighbour', () => {
    expect(withinCoverage('53.01', naibonat)).toBe(true);
    expect(withinCoverage('53.01.06.1003', naibonat)).toBe(true);
    expect(withinCoverage('53.71.01', naibonat)).toBe(true);
    expect(withinCoverage('53', naibonat)).toBe(false);
    expect(withinCoverage('53.08.19.1002', naibonat)).toBe(false);
    expect(withinCoverage('53.01', [])).toBe(false);
    expect(withinCoverage('32.75.01.1002', ['32'])).toBe(true);
  });
});
