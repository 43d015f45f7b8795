import { uuidv7 } from 'uuidv7';
import { centerIdByCode, getCenter } from '../../modules/centers/centers.service.ts';
import { createTarget, recordDistribution } from '../../modules/logistics/distributions.service.ts';
import { createItem } from '../../modules/logistics/items.service.ts';
import { recordReceipt, setMinimum } from '../../modules/logistics/stock-writes.ts';
import { createWarehouse } from '../../modules/logistics/warehouses.service.ts';
import { systemContext } from '../../modules/users/first-admin.ts';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { demoCenterCodes } from './centers.data.ts';

const day = (offset: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

/**
 * Logistics in the demo: the relief items, the warehouses of Bekasi and Temanggung and the
 * ministry's central warehouse (hosted by Sentra Handayani, Jakarta), stock with one lot
 * close to expiry and one item below its minimum, and the 2026 sembako targets with some
 * packages already handed out — so the warehouse page shows alerts and the target page a
 * percentage from the first start.
 */
export const loadDemoLogistics = async (db: Db, userIds: Map<string, string>) => {
  const items = new Map<string, string>();
  for (const item of [
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
  ] as const) {
    items.set(item.code, (await createItem({ db, context: systemContext, input: item })).id);
  }

  const warehouseOf = async (code: string, name: string, kind: 'center' | 'central') => {
    const center = await getCenter(db, (await centerIdByCode(db, code))!);
    const warehouse = await createWarehouse({
      db,
      context: systemContext,
      input: {
        centerId: center.id,
        kind,
        name,
        regionCode: center.regionCode,
        address: center.street,
        latitude: center.latitude,
        longitude: center.longitude,
      },
    });
    return { id: warehouse.id, centerId: center.id };
  };
  const bekasi = await warehouseOf(demoCenterCodes.bekasi, 'Gudang Balai Pangudi Luhur Bekasi', 'center');
  const temanggung = await warehouseOf(
    demoCenterCodes.temanggung,
    'Gudang Balai Besar Kartini Temanggung',
    'center',
  );
  const central = await warehouseOf('SENTRA-HANDAYANI', 'Gudang Pusat Kemensos (Jakarta)', 'central');

  const officerAt = (username: string, centerId: string): Actor => ({
    userId: userIds.get(username) ?? 'demo',
    name: username,
    email: '',
    username,
    assignments: [{ role: 'warehouse_officer', centerId }],
  });
  const receive = async (
    w: { id: string; centerId: string },
    officer: string,
    sourceName: string,
    lines: { code: string; quantity: number; expiresIn?: number }[],
  ) =>
    recordReceipt({
      db,
      context: systemContext,
      actor: officerAt(officer, w.centerId),
      warehouseId: w.id,
      input: {
        source: 'procurement',
        sourceName,
        documentNumber: `BAST/${Math.floor(Math.random() * 900 + 100)}/XI/2026`,
        receivedOn: day(-10),
        note: null,
        lines: lines.map((l) => ({
          itemId: items.get(l.code)!,
          quantity: l.quantity,
          lotNumber: l.expiresIn ? `LOT-${l.code}-${l.expiresIn}` : null,
          expiresOn: l.expiresIn ? day(l.expiresIn) : null,
        })),
        idempotencyKey: uuidv7(),
      },
    });
  await receive(bekasi, 'gudang.bekasi', 'Perum BULOG Divre Jawa Barat', [
    { code: 'SBK-01', quantity: 120, expiresIn: 20 },
    { code: 'SBK-01', quantity: 180, expiresIn: 150 },
    { code: 'SLM-01', quantity: 200 },
    { code: 'TND-01', quantity: 10 },
  ]);
  await setMinimum({
    db,
    context: systemContext,
    actor: officerAt('gudang.bekasi', bekasi.centerId),
    warehouseId: bekasi.id,
    input: { itemId: items.get('TND-01')!, minimumQuantity: 20 },
  });
  await receive(temanggung, 'gudang.temanggung', 'Perum BULOG Divre Jawa Tengah', [
    { code: 'SBK-01', quantity: 500, expiresIn: 120 },
    { code: 'SLM-01', quantity: 150 },
    { code: 'HYG-01', quantity: 80 },
  ]);
  await receive(central, 'gudang.bekasi', 'Direktorat Perlindungan Sosial Korban Bencana Alam', [
    { code: 'TND-01', quantity: 100 },
    { code: 'SLM-01', quantity: 400 },
    { code: 'MKB-01', quantity: 60, expiresIn: 200 },
  ]);

  // This year's targets, so the demo (and the browser tests built on it) never age into an empty period.
  const year = day(0).slice(0, 4);
  for (const w of [bekasi, temanggung]) {
    await createTarget({
      db,
      context: systemContext,
      actor: {
        userId: 'demo',
        name: 'demo',
        email: '',
        username: null,
        assignments: [{ role: 'central', centerId: null }],
      },
      input: {
        program: 'sembako',
        period: year,
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        warehouseId: w.id,
        itemId: items.get('SBK-01')!,
        targetQuantity: w === bekasi ? 400 : 600,
      },
    });
  }
  await recordDistribution({
    db,
    context: systemContext,
    actor: officerAt('gudang.bekasi', bekasi.centerId),
    warehouseId: bekasi.id,
    input: {
      itemId: items.get('SBK-01')!,
      program: 'sembako',
      // Three days ago, but inside this year's target period on its first days too.
      distributedOn: day(-3) < `${year}-01-01` ? `${year}-01-01` : day(-3),
      place: 'Aula Kelurahan Margahayu',
      recipients: [
        { kind: 'household', personId: null, name: 'Keluarga Sutarno', householdSize: 4, quantity: 40 },
        { kind: 'household', personId: null, name: 'Keluarga Rohimah', householdSize: 6, quantity: 60 },
      ],
      note: 'Penyaluran sembako kelompok lansia',
      idempotencyKey: uuidv7(),
    },
  });
};
