import type { CreateCenterInput } from '@atensi/domain';
import { demoCenterCodes, demoCenters } from './centers.data.ts';

/** The demo's relief items, by code. */
export const demoItems = [
  { code: 'SBK-01', name: 'Paket sembako', category: 'food', unit: 'paket', perishable: true },
  { code: 'SLM-01', name: 'Selimut', category: 'shelter', unit: 'lembar', perishable: false },
  { code: 'TND-01', name: 'Tenda keluarga', category: 'shelter', unit: 'unit', perishable: false },
  {
    code: 'HYG-01',
    name: 'Paket kebersihan (hygiene kit)',
    category: 'hygiene_kit',
    unit: 'paket',
    perishable: false,
  },
  { code: 'MKB-01', name: 'Makanan bayi', category: 'baby_needs', unit: 'dus', perishable: true },
] as const;
export type DemoItemCode = (typeof demoItems)[number]['code'];

/** One receipt line: `expiresIn` days from today for perishables. */
export type DemoStockLine = { code: DemoItemCode; quantity: number; expiresIn?: number };

export type DemoWarehouse = {
  centerCode: string;
  name: string;
  kind: 'center' | 'central';
  /** The demo officer who receives the stock, or null where the demo has no officer (the system does). */
  officer: string | null;
  sourceName: string;
  /** One receipt; lots of one item may come with different expiry dates. */
  stock: DemoStockLine[];
  /** Minimum levels (stok penyangga): what the balai keeps for its own area. */
  minimums: { code: DemoItemCode; minimum: number }[];
};

/** "Gudang Balai Pangudi Luhur Bekasi" from `Balai … "Pangudi Luhur" di Bekasi`. */
const warehouseName = (c: CreateCenterInput): string => {
  const kind = { balai_besar: 'Balai Besar', balai: 'Balai', loka: 'Loka', sentra: 'Sentra' }[c.type];
  const match = /"([^"]+)" di (.+)$/.exec(c.name);
  return match ? `Gudang ${kind} ${match[1]} ${match[2]}` : `Gudang ${c.name}`;
};

/** Java's provinces: served from the central warehouse in Jakarta and the big Java balai. */
const java = new Set(['31', '32', '33', '34', '35', '36']);

/**
 * A balai in Java keeps food and hygiene kits for its own area; shelter goods come from the
 * central warehouse, Bekasi and Temanggung, a day's drive away.
 */
const javaKit: Pick<DemoWarehouse, 'stock' | 'minimums'> = {
  stock: [
    { code: 'SBK-01', quantity: 80, expiresIn: 120 },
    { code: 'HYG-01', quantity: 40 },
  ],
  minimums: [
    { code: 'SBK-01', minimum: 20 },
    { code: 'HYG-01', minimum: 10 },
  ],
};

/**
 * Outside Java a balai holds a full regional buffer, since a shipment from Java takes days
 * (the seeds' point: balai all over Indonesia as logistics warehouses, so relief is not slow).
 */
const regionalKit: Pick<DemoWarehouse, 'stock' | 'minimums'> = {
  stock: [
    { code: 'SBK-01', quantity: 100, expiresIn: 120 },
    { code: 'SLM-01', quantity: 60 },
    { code: 'TND-01', quantity: 20 },
    { code: 'HYG-01', quantity: 40 },
  ],
  minimums: [
    { code: 'SBK-01', minimum: 20 },
    { code: 'SLM-01', minimum: 10 },
    { code: 'TND-01', minimum: 5 },
    { code: 'HYG-01', minimum: 10 },
  ],
};

/** The warehouses whose stock the demo's stories and browser tests rely on. */
const named: DemoWarehouse[] = [
  {
    centerCode: demoCenterCodes.bekasi,
    name: 'Gudang Balai Pangudi Luhur Bekasi',
    kind: 'center',
    officer: 'gudang.bekasi',
    sourceName: 'Perum BULOG Divre Jawa Barat',
    // One lot close to expiry; tents below their minimum (the warehouse page's two alerts).
    stock: [
      { code: 'SBK-01', quantity: 120, expiresIn: 20 },
      { code: 'SBK-01', quantity: 180, expiresIn: 150 },
      { code: 'SLM-01', quantity: 200 },
      { code: 'TND-01', quantity: 10 },
    ],
    minimums: [{ code: 'TND-01', minimum: 20 }],
  },
  {
    centerCode: demoCenterCodes.temanggung,
    name: 'Gudang Balai Besar Kartini Temanggung',
    kind: 'center',
    officer: 'gudang.temanggung',
    sourceName: 'Perum BULOG Divre Jawa Tengah',
    stock: [
      { code: 'SBK-01', quantity: 500, expiresIn: 120 },
      { code: 'SLM-01', quantity: 150 },
      { code: 'HYG-01', quantity: 80 },
    ],
    minimums: [],
  },
  {
    centerCode: 'SENTRA-HANDAYANI',
    name: 'Gudang Pusat Kemensos (Jakarta)',
    kind: 'central',
    officer: null,
    sourceName: 'Direktorat Perlindungan Sosial Korban Bencana Alam',
    stock: [
      { code: 'TND-01', quantity: 100 },
      { code: 'SLM-01', quantity: 400 },
      { code: 'MKB-01', quantity: 60, expiresIn: 200 },
    ],
    minimums: [],
  },
  {
    centerCode: demoCenterCodes.kupang,
    name: 'Gudang Balai Naibonat Kupang',
    kind: 'center',
    officer: null,
    sourceName: 'Perum BULOG Kanwil Nusa Tenggara Timur',
    // The hub for Timor, Rote, Sabu and Alor: an NTT flood is supplied from here first.
    stock: [
      { code: 'SBK-01', quantity: 150, expiresIn: 120 },
      { code: 'SLM-01', quantity: 120 },
      { code: 'TND-01', quantity: 40 },
      { code: 'HYG-01', quantity: 60 },
      { code: 'MKB-01', quantity: 30, expiresIn: 180 },
    ],
    minimums: [
      { code: 'SBK-01', minimum: 30 },
      { code: 'SLM-01', minimum: 20 },
      { code: 'TND-01', minimum: 10 },
      { code: 'HYG-01', minimum: 10 },
    ],
  },
];

/**
 * Every demo balai whose facilities include a warehouse ("Gudang") gets one with relief stock:
 * the named ones above first (Bekasi, Temanggung, the central warehouse hosted by Sentra
 * Handayani, Naibonat), then every other balai, with the kit of its region.
 */
export const demoWarehouses: DemoWarehouse[] = [
  ...named,
  ...demoCenters
    .filter((c) => c.facilities.includes('warehouse') && !named.some((w) => w.centerCode === c.code))
    .map((c) => ({
      centerCode: c.code,
      name: warehouseName(c),
      kind: 'center' as const,
      officer: null,
      sourceName: 'Perum BULOG',
      ...(java.has(c.regionCode.slice(0, 2)) ? javaKit : regionalKit),
    })),
];
