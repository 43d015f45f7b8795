import { type DisasterSite, proposeDispatch, type WarehouseAvailability } from '@atensi/domain';
import { describe, expect, it } from 'vitest';
import { demoCenterCodes, demoCenters } from './centers.data.ts';
import { type DemoItemCode, demoItems, demoWarehouses } from './logistics.data.ts';

const centerOf = (code: string) => demoCenters.find((c) => c.code === code)!;
const held = (w: (typeof demoWarehouses)[number], code: DemoItemCode) =>
  w.stock.filter((l) => l.code === code).reduce((s, l) => s + l.quantity, 0);

/** The demo's warehouses as the proposal sees them: at their centre, with their stock of one item. */
const availability = (code: DemoItemCode): WarehouseAvailability[] =>
  demoWarehouses.map((w) => {
    const c = centerOf(w.centerCode);
    return {
      warehouseId: w.name,
      regionCode: c.regionCode,
      latitude: c.latitude,
      longitude: c.longitude,
      available: held(w, code),
      minimum: w.minimums.find((m) => m.code === code)?.minimum ?? 0,
    };
  });
const provinceOf = (warehouseName: string) =>
  centerOf(demoWarehouses.find((w) => w.name === warehouseName)!.centerCode).regionCode.slice(0, 2);

describe('demo warehouses', () => {
  it('one at every balai whose facilities include a warehouse, the central one at Sentra Handayani', () => {
    const withWarehouse = demoCenters.filter((c) => c.facilities.includes('warehouse')).map((c) => c.code);
    expect(demoWarehouses.map((w) => w.centerCode).sort()).toEqual([...withWarehouse].sort());
    expect(demoWarehouses.filter((w) => w.kind === 'central').map((w) => w.centerCode)).toEqual([
      'SENTRA-HANDAYANI',
    ]);
    expect(new Set(demoWarehouses.map((w) => w.name)).size).toBe(demoWarehouses.length);
    // Several regions, not only Java: every island group the centres are in.
    const provinces = new Set(demoWarehouses.map((w) => centerOf(w.centerCode).regionCode.slice(0, 2)));
    for (const p of ['11', '12', '53', '61', '73', '81', '91']) expect(provinces.has(p), p).toBe(true);
  });

  it('hold relief stock with expiry on perishables; only Bekasi’s tents are below their minimum', () => {
    const perishable = new Set<string>(demoItems.filter((i) => i.perishable).map((i) => i.code));
    const below: string[] = [];
    for (const w of demoWarehouses) {
      expect(w.stock.length, w.name).toBeGreaterThan(0);
      for (const line of w.stock) {
        expect(line.quantity).toBeGreaterThan(0);
        expect(line.expiresIn !== undefined, `${w.name} ${line.code}`).toBe(perishable.has(line.code));
      }
      for (const m of w.minimums) if (held(w, m.code) < m.minimum) below.push(`${w.centerCode} ${m.code}`);
    }
    expect(below).toEqual([`${demoCenterCodes.bekasi} TND-01`]);
  });

  it('supply an NTT flood from NTT first, whatever the item', () => {
    // A flood post in Kupang Tengah, Kabupaten Kupang.
    const site: DisasterSite = { regionCode: '53.01.05.2003', latitude: -10.15, longitude: 123.75 };
    for (const code of ['SBK-01', 'SLM-01', 'TND-01', 'HYG-01'] as const) {
      const { lines } = proposeDispatch(50, site, availability(code));
      expect(provinceOf(lines[0]!.warehouseId), code).toBe('53');
      expect(lines[0]!.belowMinimum, code).toBe(0);
    }
  });

  it('keep Bekasi’s tents at their minimum: a Bekasi flood’s tents come from the central warehouse', () => {
    const bekasi = centerOf(demoCenterCodes.bekasi);
    const site: DisasterSite = { regionCode: bekasi.regionCode, latitude: -6.25, longitude: 107.0 };
    const { lines } = proposeDispatch(30, site, availability('TND-01'));
    expect(lines.map((l) => [l.warehouseId, l.quantity])).toEqual([
      ['Gudang Balai Pangudi Luhur Bekasi', 0],
      ['Gudang Pusat Kemensos (Jakarta)', 30],
    ]);
  });
});
