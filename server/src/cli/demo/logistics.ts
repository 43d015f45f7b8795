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
import { demoItems, demoWarehouses } from './logistics.data.ts';

const day = (offset: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

/**
 * Logistics in the demo: the relief items, a warehouse at every balai that has one ("Gudang",
 * `logistics.data.ts`) — the ministry's central warehouse at Sentra Handayani, Jakarta — with
 * relief stock and minimum levels, one lot close to expiry and one item below its minimum in
 * Bekasi, and the 2026 sembako targets with some packages already handed out — so the
 * warehouse page shows alerts, the target page a percentage, and a flood anywhere a
 * proposal from its own region first.
 */
export const loadDemoLogistics = async (db: Db, userIds: Map<string, string>) => {
  const items = new Map<string, string>();
  for (const item of demoItems) {
    items.set(item.code, (await createItem({ db, context: systemContext, input: item })).id);
  }

  const officerAt = (username: string | null, centerId: string): Actor => ({
    userId: (username && userIds.get(username)) || 'demo',
    name: username ?? 'demo',
    email: '',
    username,
    assignments: [{ role: 'warehouse_officer', centerId }],
  });
  const created = new Map<string, { id: string; centerId: string }>();
  for (const w of demoWarehouses) {
    const center = await getCenter(db, (await centerIdByCode(db, w.centerCode))!);
    const warehouse = await createWarehouse({
      db,
      context: systemContext,
      input: {
        centerId: center.id,
        kind: w.kind,
        name: w.name,
        regionCode: center.regionCode,
        address: center.street,
        latitude: center.latitude,
        longitude: center.longitude,
      },
    });
    const officer = officerAt(w.officer, center.id);
    await recordReceipt({
      db,
      context: systemContext,
      actor: officer,
      warehouseId: warehouse.id,
      input: {
        source: 'procurement',
        sourceName: w.sourceName,
        documentNumber: `BAST/${Math.floor(Math.random() * 900 + 100)}/XI/2026`,
        receivedOn: day(-10),
        note: null,
        lines: w.stock.map((l) => ({
          itemId: items.get(l.code)!,
          quantity: l.quantity,
          lotNumber: l.expiresIn ? `LOT-${l.code}-${l.expiresIn}` : null,
          expiresOn: l.expiresIn ? day(l.expiresIn) : null,
        })),
        idempotencyKey: uuidv7(),
      },
    });
    for (const m of w.minimums) {
      await setMinimum({
        db,
        context: systemContext,
        actor: officer,
        warehouseId: warehouse.id,
        input: { itemId: items.get(m.code)!, minimumQuantity: m.minimum },
      });
    }
    created.set(w.centerCode, { id: warehouse.id, centerId: center.id });
  }
  const bekasi = created.get(demoCenterCodes.bekasi)!;
  const temanggung = created.get(demoCenterCodes.temanggung)!;

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
