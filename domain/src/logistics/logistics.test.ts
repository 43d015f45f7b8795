import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proposeDispatch, type WarehouseAvailability } from './dispatch-proposal.ts';
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
});

describe('dispatch proposal', () => {
  const site = { regionCode: '53.01.05.2003', latitude: -10.2, longitude: 123.6 };
  const w = (
    id: string,
    regionCode: string,
    lat: number | null,
    lon: number | null,
    available: number,
  ): WarehouseAvailability => ({
    warehouseId: id,
    regionCode,
    latitude: lat,
    longitude: lon,
    available,
  });

  it('ships from the nearest warehouse with stock and splits when one is not enough', () => {
    const result = proposeDispatch(800, site, [
      w('makassar', '73.71', -5.14, 119.42, 5000),
      w('kupang', '53.71', -10.17, 123.6, 500),
      w('naibonat', '53.01', -10.05, 123.85, 0),
      w('soe', '53.04', -9.86, 124.28, 200),
    ]);
    expect(result.lines.map((l) => [l.warehouseId, l.quantity])).toEqual([
      ['kupang', 500],
      ['soe', 200],
      ['makassar', 100],
    ]);
    expect(result.shortfall).toBe(0);
  });

  it('without coordinates puts the same province first', () => {
    const noCoords = { regionCode: '53.01.05.2003', latitude: null, longitude: null };
    const result = proposeDispatch(10, noCoords, [
      w('jakarta', '31.71', null, null, 100),
      w('kupang', '53.71', null, null, 100),
    ]);
    expect(result.lines).toEqual([{ warehouseId: 'kupang', quantity: 10, distanceKm: null }]);
  });

  it('never proposes more than is in stock, and covers the need whenever total stock allows (property)', () => {
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
          const total = stock.reduce((s, x) => s + x.available, 0);
          const proposed = lines.reduce((s, l) => s + l.quantity, 0);
          for (const line of lines) {
            const source = stock.find((x) => x.warehouseId === line.warehouseId)!;
            expect(line.quantity).toBeGreaterThan(0);
            expect(line.quantity).toBeLessThanOrEqual(source.available);
          }
          expect(new Set(lines.map((l) => l.warehouseId)).size).toBe(lines.length);
          expect(proposed).toBe(Math.min(need, total));
          expect(shortfall).toBe(need - proposed);
          if (total >= need) expect(shortfall).toBe(0);
          // Nearest first: distances along the proposal never decrease.
          const known = lines.flatMap((l) => (l.distanceKm === null ? [] : [l.distanceKm]));
          expect(known).toEqual([...known].sort((a, b) => a - b));
        },
      ),
    );
  });
});
