import { and, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asUser,
  buildCenter,
  buildUser,
  createTestApp,
  signIn,
  type TestContext,
} from '../../../test/app.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { disasters, stockBalances, stockMovements, warehouses } from './logistics.tables.ts';
import { verifyStock } from './stock-verify.ts';

let t: TestContext;
let centerA: string;
let centerB: string;
type Who =
  | 'officerA'
  | 'officerA2'
  | 'headA'
  | 'officerB'
  | 'central'
  | 'admin'
  | 'officerJakarta'
  | 'officerKupang'
  | 'officerMataram'
  | 'headKupang';
const cookie: Record<Who, string> = {
  officerA: '',
  officerA2: '',
  headA: '',
  officerB: '',
  central: '',
  admin: '',
  officerJakarta: '',
  officerKupang: '',
  officerMataram: '',
  headKupang: '',
};
let rice: string;
let tent: string;
let warehouseA: string;
let warehouseB: string;

const day = (offset: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};
const today = day(0);

const call = async (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  who: keyof typeof cookie,
  payload?: unknown,
) =>
  t.app.inject({
    method,
    url,
    headers: asUser(cookie[who]),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const ok = async (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  who: keyof typeof cookie,
  payload?: unknown,
) => {
  const res = await call(method, url, who, payload);
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};

const receipt = (
  lines: { itemId: string; quantity: number; expiresOn?: string | null; lotNumber?: string }[],
) => ({
  source: 'donation',
  sourceName: 'PT Donatur Peduli',
  documentNumber: `BAST-${Math.random().toString(36).slice(2, 8)}`,
  receivedOn: today,
  note: null,
  lines: lines.map((l) => ({ lotNumber: null, expiresOn: null, ...l })),
  idempotencyKey: uuidv7(),
});

const newWarehouse = async (
  centerId: string,
  name: string,
  regionCode: string,
  lat: number | null,
  lon: number | null,
) =>
  (
    await ok('POST', '/api/logistics/warehouses', 'admin', {
      centerId,
      name,
      regionCode,
      address: null,
      latitude: lat,
      longitude: lon,
    })
  ).id as string;

const stockOf = async (warehouseId: string, itemId: string, who: keyof typeof cookie = 'central') => {
  const page = await ok('GET', `/api/logistics/warehouses/${warehouseId}/stock`, who);
  return page.lines.find((l: { itemId: string }) => l.itemId === itemId) as
    | {
        quantity: number;
        available: number;
        low: boolean;
        lots: { id: string; quantity: number; expiresOn: string | null; expiry: string }[];
      }
    | undefined;
};

beforeAll(async () => {
  t = await createTestApp();
  centerA = (await buildCenter(t.database)).id;
  centerB = (
    await buildCenter(t.database, { regionCode: '33.23.01.2001', latitude: -7.31, longitude: 110.17 })
  ).id;
  const users = {
    officerA: [{ role: 'warehouse_officer' as const, centerId: centerA }],
    officerA2: [{ role: 'warehouse_officer' as const, centerId: centerA }],
    headA: [{ role: 'center_head' as const, centerId: centerA }],
    officerB: [{ role: 'warehouse_officer' as const, centerId: centerB }],
    central: [{ role: 'central' as const, centerId: null }],
    admin: [{ role: 'admin' as const, centerId: null }],
  };
  for (const [key, roles] of Object.entries(users)) {
    cookie[key as keyof typeof cookie] = await signIn(t.app, await buildUser(t.database, roles));
  }
  const code = Math.random().toString(36).slice(2, 6).toUpperCase();
  rice = (
    await ok('POST', '/api/logistics/items', 'central', {
      code: `SBK-${code}`,
      name: `Paket sembako ${code}`,
      category: 'food',
      unit: 'paket',
      perishable: true,
    })
  ).id;
  tent = (
    await ok('POST', '/api/logistics/items', 'central', {
      code: `TND-${code}`,
      name: `Tenda keluarga ${code}`,
      category: 'shelter',
      unit: 'unit',
      perishable: false,
    })
  ).id;
  warehouseA = await newWarehouse(centerA, 'Gudang Balai A', '32.75.01.1001', -6.24, 106.99);
  warehouseB = await newWarehouse(centerB, 'Gudang Balai B', '33.23.01.2001', -7.31, 110.17);
}, 120_000);
afterAll(() => t?.close());

describe('receipts and FEFO', () => {
  it('receives lots with expiry, refuses perishables without one, and issues first-expiring first', async () => {
    const missing = await call(
      'POST',
      `/api/logistics/warehouses/${warehouseA}/receipts`,
      'officerA',
      receipt([{ itemId: rice, quantity: 5 }]),
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields[0].path).toBe('lines.0.expiresOn');
    const expired = await call(
      'POST',
      `/api/logistics/warehouses/${warehouseA}/receipts`,
      'officerA',
      receipt([{ itemId: rice, quantity: 5, expiresOn: day(-1) }]),
    );
    expect(expired.statusCode).toBe(400);
    expect(await stockOf(warehouseA, rice)).toBeUndefined();

    const r = await ok(
      'POST',
      `/api/logistics/warehouses/${warehouseA}/receipts`,
      'officerA',
      receipt([
        { itemId: rice, quantity: 30, expiresOn: day(200), lotNumber: 'LATE' },
        { itemId: rice, quantity: 20, expiresOn: day(20), lotNumber: 'SOON' },
        { itemId: tent, quantity: 15 },
      ]),
    );
    expect(r.movementIds).toHaveLength(3);
    const before = (await stockOf(warehouseA, rice))!;
    expect(before.quantity).toBe(50);
    expect(before.lots.map((l) => [l.quantity, l.expiry])).toEqual([
      [20, 'near_expiry'],
      [30, 'ok'],
    ]);

    await ok('POST', `/api/logistics/warehouses/${warehouseA}/issues`, 'officerA', {
      itemId: rice,
      quantity: 25,
      issuedOn: today,
      purpose: 'Dapur umum balai',
      documentNumber: null,
      idempotencyKey: uuidv7(),
    });
    const after = (await stockOf(warehouseA, rice))!;
    // 20 from the lot expiring soon, then 5 from the later one.
    expect(after.lots.map((l) => l.quantity)).toEqual([25]);
    expect(after.lots[0]!.expiresOn).toBe(day(200));
    expect(after.quantity).toBe(25);

    const tooMuch = await call('POST', `/api/logistics/warehouses/${warehouseA}/issues`, 'officerA', {
      itemId: rice,
      quantity: 26,
      issuedOn: today,
      purpose: 'Terlalu banyak',
      documentNumber: null,
      idempotencyKey: uuidv7(),
    });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().message).toContain('tersedia 25');
    expect((await stockOf(warehouseA, rice))!.quantity).toBe(25);
  });

  it('never issues an expired lot; it waits for a write-off that the ledger records', async () => {
    const w = await newWarehouse(centerA, 'Gudang Kedaluwarsa A', '32.75.01.1001', null, null);
    await ok(
      'POST',
      `/api/logistics/warehouses/${w}/receipts`,
      'officerA',
      receipt([{ itemId: rice, quantity: 8, expiresOn: day(3) }]),
    );
    // The lot expires: move its date into the past the way time would.
    await t.database.db.execute(sql`update stock_lots set expires_on = ${day(-2)} where warehouse_id = ${w}`);
    const line = (await stockOf(w, rice))!;
    expect(line).toMatchObject({ quantity: 8, available: 0 });
    expect(line.lots[0]!.expiry).toBe('expired');
    const issue = await call('POST', `/api/logistics/warehouses/${w}/issues`, 'officerA', {
      itemId: rice,
      quantity: 1,
      issuedOn: today,
      purpose: 'Coba lot kedaluwarsa',
      documentNumber: null,
      idempotencyKey: uuidv7(),
    });
    expect(issue.statusCode).toBe(409);
    await ok('POST', `/api/logistics/warehouses/${w}/write-offs`, 'officerA', {
      lotId: line.lots[0]!.id,
      reason: 'Kedaluwarsa, dimusnahkan dengan berita acara',
      idempotencyKey: uuidv7(),
    });
    expect((await stockOf(w, rice))?.quantity ?? 0).toBe(0);
    const ledger = await ok('POST', `/api/logistics/warehouses/${w}/movements/list`, 'officerA', {});
    expect(ledger.items.map((m: { kind: string; quantity: number }) => [m.kind, m.quantity])).toEqual([
      ['write_off', -8],
      ['receipt', 8],
    ]);
  });

  it('flags stock below its minimum level', async () => {
    const page = await ok('PUT', `/api/logistics/warehouses/${warehouseA}/minimums`, 'officerA', {
      itemId: tent,
      minimumQuantity: 100,
    });
    expect(page.lines.find((l: { itemId: string }) => l.itemId === tent).low).toBe(true);
    expect(page.warehouse.lowStockCount).toBeGreaterThanOrEqual(1);
  });
});

describe('idempotency keys', () => {
  it('records a retried receipt once and answers the first result; refuses the key with another body', async () => {
    const body = receipt([{ itemId: tent, quantity: 4 }]);
    const w = await newWarehouse(centerA, 'Gudang Idempotensi', '32.75.01.1001', null, null);
    const first = await call('POST', `/api/logistics/warehouses/${w}/receipts`, 'officerA', body);
    const again = await call('POST', `/api/logistics/warehouses/${w}/receipts`, 'officerA', body);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual({ ...first.json(), replayed: true });
    expect((await stockOf(w, tent))!.quantity).toBe(4);
    const changed = await call('POST', `/api/logistics/warehouses/${w}/receipts`, 'officerA', {
      ...body,
      lines: [{ ...body.lines[0], quantity: 40 }],
    });
    expect(changed.statusCode).toBe(422);
    expect(changed.json().code).toBe('idempotency.key_reused');
    expect((await stockOf(w, tent))!.quantity).toBe(4);
  });

  it('records a retried distribution once, even when the retries arrive together', async () => {
    const w = await newWarehouse(centerA, 'Gudang Penyaluran Ganda', '32.75.01.1001', null, null);
    await ok(
      'POST',
      `/api/logistics/warehouses/${w}/receipts`,
      'officerA',
      receipt([{ itemId: tent, quantity: 10 }]),
    );
    const body = {
      itemId: tent,
      program: 'disaster_relief',
      distributedOn: today,
      place: 'Balai desa',
      recipients: [{ kind: 'household', name: 'Keluarga Sutrisno', householdSize: 4, quantity: 1 }],
      note: null,
      idempotencyKey: uuidv7(),
    };
    const answers = await Promise.all(
      [1, 2, 3].map(() => call('POST', `/api/logistics/warehouses/${w}/distributions`, 'officerA', body)),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect((await stockOf(w, tent))!.quantity).toBe(9);
  });
});

describe('scope', () => {
  it('officers act only in their own centre’s warehouses; heads read; central reads all; admin no stock', async () => {
    expect((await call('GET', `/api/logistics/warehouses/${warehouseA}/stock`, 'officerB')).statusCode).toBe(
      404,
    );
    const foreign = await call(
      'POST',
      `/api/logistics/warehouses/${warehouseA}/receipts`,
      'officerB',
      receipt([{ itemId: tent, quantity: 1 }]),
    );
    expect(foreign.statusCode).toBe(404);
    const head = await call(
      'POST',
      `/api/logistics/warehouses/${warehouseA}/receipts`,
      'headA',
      receipt([{ itemId: tent, quantity: 1 }]),
    );
    expect(head.statusCode).toBe(403);
    expect((await call('GET', `/api/logistics/warehouses/${warehouseA}/stock`, 'headA')).statusCode).toBe(
      200,
    );
    expect((await call('GET', `/api/logistics/warehouses/${warehouseB}/stock`, 'central')).statusCode).toBe(
      200,
    );
    expect((await call('GET', `/api/logistics/warehouses/${warehouseA}/stock`, 'admin')).statusCode).toBe(
      403,
    );
    const list = await ok('POST', '/api/logistics/distributions/list', 'officerB', {});
    expect(list.items.every((d: { warehouseId: string }) => d.warehouseId !== warehouseA)).toBe(true);
  });
});

describe('the warehouse register', () => {
  it('lists every warehouse, the reader’s own centre’s first', async () => {
    const mine = await ok('POST', '/api/logistics/warehouses/list', 'officerB', { pageSize: 100 });
    const all = await ok('POST', '/api/logistics/warehouses/list', 'central', { pageSize: 100 });
    expect(mine.total).toBe(all.total);
    // "Gudang Balai B" sorts after "Gudang Balai A…", yet comes first for B's officer.
    expect(mine.items[0].centerId).toBe(centerB);
    expect(all.items[0].centerId).not.toBe(centerB);
  });
});

describe('stock count adjustments', () => {
  it('moves stock only when the head approves, and never on the requester’s own approval', async () => {
    const w = await newWarehouse(centerA, 'Gudang Opname', '32.75.01.1001', null, null);
    await ok(
      'POST',
      `/api/logistics/warehouses/${w}/receipts`,
      'officerA',
      receipt([{ itemId: tent, quantity: 12 }]),
    );
    const lot = (await stockOf(w, tent))!.lots[0]!;
    const same = await call('POST', `/api/logistics/warehouses/${w}/adjustments`, 'officerA', {
      lotId: lot.id,
      countedQuantity: 12,
      reason: 'Hitung ulang',
      countedOn: today,
    });
    expect(same.statusCode).toBe(400);
    const adj = await ok('POST', `/api/logistics/warehouses/${w}/adjustments`, 'officerA', {
      lotId: lot.id,
      countedQuantity: 10,
      reason: 'Dua tenda rusak terkena banjir gudang',
      countedOn: today,
    });
    expect((await stockOf(w, tent))!.quantity).toBe(12);
    expect(
      (
        await call('POST', `/api/logistics/adjustments/${adj.id}/decision`, 'officerA', {
          approve: true,
          note: null,
        })
      ).statusCode,
    ).toBe(403);
    const decided = await ok('POST', `/api/logistics/adjustments/${adj.id}/decision`, 'headA', {
      approve: true,
      note: 'Sesuai BA',
    });
    expect(decided.status).toBe('approved');
    expect((await stockOf(w, tent))!.quantity).toBe(10);
    expect(
      (
        await call('POST', `/api/logistics/adjustments/${adj.id}/decision`, 'headA', {
          approve: false,
          note: null,
        })
      ).statusCode,
    ).toBe(409);
  });
});

describe('disaster dispatch, receipt at the post, distribution, targets', () => {
  it('proposes nearest warehouses first with a split, moves stock only on acceptance, and counts the distribution against the target', async () => {
    const item = (
      await ok('POST', '/api/logistics/items', 'central', {
        code: `BLK-${Math.random().toString(36).slice(2, 6)}`,
        name: 'Selimut',
        category: 'shelter',
        unit: 'lembar',
        perishable: false,
      })
    ).id;
    await ok(
      'POST',
      `/api/logistics/warehouses/${warehouseA}/receipts`,
      'officerA',
      receipt([{ itemId: item, quantity: 60 }]),
    );
    await ok(
      'POST',
      `/api/logistics/warehouses/${warehouseB}/receipts`,
      'officerB',
      receipt([{ itemId: item, quantity: 100 }]),
    );
    const disaster = await ok('POST', '/api/logistics/disasters', 'central', {
      name: 'Banjir Bekasi Uji',
      type: 'flood',
      regionCodes: ['32'],
      startedOn: today,
      estimatedAffected: 1200,
      description: null,
      responsibleCenterId: centerA,
      siteName: 'Posko GOR Uji',
      siteRegionCode: '32.75.01.1001',
      siteLatitude: -6.25,
      siteLongitude: 107.0,
    });
    expect(disaster.provinceCodes).toEqual(['32']);
    const withNeed = await ok('PUT', `/api/logistics/disasters/${disaster.id}/needs`, 'central', {
      itemId: item,
      quantity: 100,
      note: null,
    });
    const needId = withNeed.needs[0].id;
    const proposal = await ok(
      'GET',
      `/api/logistics/disasters/${disaster.id}/needs/${needId}/proposal`,
      'central',
    );
    expect(
      proposal.lines.map((l: { warehouseId: string; quantity: number }) => [l.warehouseId, l.quantity]),
    ).toEqual([
      [warehouseA, 60],
      [warehouseB, 40],
    ]);
    expect(proposal.shortfall).toBe(0);
    // Nothing moved yet.
    expect((await stockOf(warehouseA, item))!.quantity).toBe(60);

    const accept = {
      lines: proposal.lines.map((l: { warehouseId: string; quantity: number }) => ({
        warehouseId: l.warehouseId,
        quantity: l.quantity,
      })),
      vehicle: 'B 1234 XY',
      driverName: 'Pak Darto',
      note: null,
      idempotencyKey: uuidv7(),
    };
    const over = await call(
      'POST',
      `/api/logistics/disasters/${disaster.id}/needs/${needId}/dispatches`,
      'central',
      {
        ...accept,
        lines: [{ warehouseId: warehouseB, quantity: 101 }],
        idempotencyKey: uuidv7(),
      },
    );
    expect(over.statusCode).toBe(400);
    const sent = await ok(
      'POST',
      `/api/logistics/disasters/${disaster.id}/needs/${needId}/dispatches`,
      'central',
      accept,
    );
    expect(sent.dispatches).toHaveLength(2);
    expect((await stockOf(warehouseA, item))?.quantity ?? 0).toBe(0);
    expect((await stockOf(warehouseB, item))!.quantity).toBe(60);
    const again = await ok(
      'POST',
      `/api/logistics/disasters/${disaster.id}/needs/${needId}/dispatches`,
      'central',
      accept,
    );
    expect(again.dispatches.map((d: { id: string }) => d.id)).toEqual(
      sent.dispatches.map((d: { id: string }) => d.id),
    );
    const met = await call(
      'POST',
      `/api/logistics/disasters/${disaster.id}/needs/${needId}/dispatches`,
      'central',
      {
        ...accept,
        idempotencyKey: uuidv7(),
      },
    );
    expect(met.statusCode).toBe(409);

    const pdf = await call(
      'GET',
      `/api/logistics/dispatches/${sent.dispatches[0].id}/waybill.pdf`,
      'central',
    );
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // The post (run by balai A) confirms: all of A's, 38 of B's 40 with a note.
    const fromB = sent.dispatches.find((d: { fromWarehouseId: string }) => d.fromWarehouseId === warehouseB);
    const fromA = sent.dispatches.find((d: { fromWarehouseId: string }) => d.fromWarehouseId === warehouseA);
    expect(fromB.canReceive).toBe(false);
    expect(
      (
        await call('POST', `/api/logistics/dispatches/${fromB.id}/receive`, 'officerB', {
          receivedOn: today,
          lines: fromB.lines.map((l: { id: string; quantitySent: number }) => ({
            lineId: l.id,
            quantityReceived: l.quantitySent,
            discrepancyNote: null,
          })),
          version: fromB.version,
        })
      ).statusCode,
    ).toBe(403);
    const short = await call('POST', `/api/logistics/dispatches/${fromB.id}/receive`, 'officerA', {
      receivedOn: today,
      lines: [{ lineId: fromB.lines[0].id, quantityReceived: 38, discrepancyNote: null }],
      version: fromB.version,
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().fields[0].path).toBe('lines.0.discrepancyNote');
    const receivedB = await ok('POST', `/api/logistics/dispatches/${fromB.id}/receive`, 'officerA', {
      receivedOn: today,
      lines: [
        { lineId: fromB.lines[0].id, quantityReceived: 38, discrepancyNote: 'Dua lembar basah dan sobek' },
      ],
      version: fromB.version,
    });
    expect(receivedB).toMatchObject({ status: 'received', hasDiscrepancy: true });
    await ok('POST', `/api/logistics/dispatches/${fromA.id}/receive`, 'officerA', {
      receivedOn: today,
      lines: fromA.lines.map((l: { id: string; quantitySent: number }) => ({
        lineId: l.id,
        quantityReceived: l.quantitySent,
        discrepancyNote: null,
      })),
      version: fromA.version,
    });
    expect(
      (
        await call('POST', `/api/logistics/dispatches/${fromA.id}/receive`, 'officerA', {
          receivedOn: today,
          lines: fromA.lines.map((l: { id: string; quantitySent: number }) => ({
            lineId: l.id,
            quantityReceived: l.quantitySent,
            discrepancyNote: null,
          })),
          version: fromA.version + 1,
        })
      ).statusCode,
    ).toBe(409);
    const site = disaster.siteWarehouseId as string;
    expect((await stockOf(site, item, 'officerA'))!.quantity).toBe(98);
    const read = await ok('GET', `/api/logistics/disasters/${disaster.id}`, 'officerB');
    expect(read.needs[0]).toMatchObject({ quantity: 100, dispatched: 100, received: 98 });

    // A target at the post, then a distribution to two households counts against it.
    const target = await ok('POST', '/api/logistics/targets', 'central', {
      program: 'disaster_relief',
      period: '2026',
      periodStart: day(-30),
      periodEnd: day(30),
      warehouseId: site,
      itemId: item,
      targetQuantity: 80,
    });
    expect(target).toMatchObject({ target: 80, realised: 0, percent: 0 });
    await ok('POST', `/api/logistics/warehouses/${site}/distributions`, 'officerA', {
      itemId: item,
      program: 'disaster_relief',
      distributedOn: today,
      place: 'Tenda pengungsian RW 05',
      recipients: [
        { kind: 'household', name: 'Keluarga Ahmad', householdSize: 5, quantity: 5 },
        { kind: 'individual', name: 'Ibu Sumarni', quantity: 2 },
      ],
      note: null,
      idempotencyKey: uuidv7(),
    });
    const report = await ok('POST', '/api/logistics/targets/report', 'central', {
      program: 'disaster_relief',
      period: '2026',
    });
    const row = report.rows.find((r: { id: string }) => r.id === target.id);
    expect(row).toMatchObject({ target: 80, realised: 7, percent: 8.75 });
    const xlsx = await call('POST', '/api/logistics/targets/report.xlsx', 'central', {
      program: 'disaster_relief',
      period: '2026',
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(xlsx.headers['content-disposition']).toBe(
      'attachment; filename=capaian-target-disaster_relief-2026.xlsx',
    );
    // A careless client's period label: a 400 naming the field, never a 500 in Fastify's raw shape
    // from a raw character in the file name (issue 10 point 11).
    const odd = await call('POST', '/api/logistics/targets/report.xlsx', 'central', {
      program: 'disaster_relief',
      period: '2026 ✓',
    });
    expect(odd.statusCode).toBe(400);
    expect(odd.json()).toMatchObject({ code: 'request.validation_failed', fields: [{ path: 'period' }] });

    // Every change is in the audit log, the recipients' names are not.
    const audited = await t.database.db
      .select({ entity: auditLog.entity, changes: auditLog.changes })
      .from(auditLog)
      .where(eq(auditLog.entity, 'distribution'))
      .orderBy(auditLog.seq);
    expect(audited.length).toBeGreaterThan(0);
    expect(JSON.stringify(audited)).not.toContain('Sumarni');
    const dispatchAudit = await t.database.db
      .select({ id: auditLog.entityId })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'dispatch'), eq(auditLog.entityId, fromB.id)))
      .orderBy(auditLog.seq);
    expect(dispatchAudit).toHaveLength(2);
  });
});

describe('dispatch proposals keep each warehouse’s minimum level, nearest first', () => {
  let centerJakarta: string;
  let centerKupang: string;
  let warehouseJakarta: string;
  let warehouseKupang: string;

  beforeAll(async () => {
    centerJakarta = (
      await buildCenter(t.database, {
        regionCode: '31.75.10.1006',
        latitude: -6.314,
        longitude: 106.86,
        coverage: ['31'],
      })
    ).id;
    // Naibonat, Kabupaten Kupang: covers Kabupaten and Kota Kupang.
    centerKupang = (
      await buildCenter(t.database, {
        regionCode: '53.01.06.1003',
        latitude: -10.077,
        longitude: 123.862,
        coverage: ['53.01', '53.71'],
      })
    ).id;
    cookie.officerJakarta = await signIn(
      t.app,
      await buildUser(t.database, [{ role: 'warehouse_officer', centerId: centerJakarta }]),
    );
    cookie.officerKupang = await signIn(
      t.app,
      await buildUser(t.database, [{ role: 'warehouse_officer', centerId: centerKupang }]),
    );
    cookie.headKupang = await signIn(
      t.app,
      await buildUser(t.database, [{ role: 'center_head', centerId: centerKupang }]),
    );
    warehouseJakarta = await newWarehouse(
      centerJakarta,
      'Gudang Uji Jakarta',
      '31.75.10.1006',
      -6.314,
      106.86,
    );
    // No coordinates of its own: it stands where its centre stands.
    warehouseKupang = await newWarehouse(centerKupang, 'Gudang Uji Naibonat', '53.01.06.1003', null, null);
  });

  const freshItem = async (name: string) =>
    (
      await ok('POST', '/api/logistics/items', 'central', {
        code: `MIN-${Math.random().toString(36).slice(2, 8)}`,
        name,
        category: 'shelter',
        unit: 'unit',
        perishable: false,
      })
    ).id as string;
  const stockUp = async (warehouseId: string, who: Who, itemId: string, quantity: number, minimum = 0) => {
    await ok(
      'POST',
      `/api/logistics/warehouses/${warehouseId}/receipts`,
      who,
      receipt([{ itemId, quantity }]),
    );
    if (minimum > 0) {
      await ok('PUT', `/api/logistics/warehouses/${warehouseId}/minimums`, who, {
        itemId,
        minimumQuantity: minimum,
      });
    }
  };
  const flood = (who: Who, over: Record<string, unknown> = {}) =>
    call('POST', '/api/logistics/disasters', who, {
      name: 'Banjir Uji',
      type: 'flood',
      regionCodes: ['32.75'],
      startedOn: today,
      estimatedAffected: 500,
      description: null,
      responsibleCenterId: centerA,
      siteName: 'Posko Uji',
      siteRegionCode: '32.75.01.1001',
      siteLatitude: -6.25,
      siteLongitude: 107.0,
      ...over,
    });
  const needFor = async (disasterId: string, itemId: string, quantity: number, who: Who = 'central') =>
    (
      await ok('PUT', `/api/logistics/disasters/${disasterId}/needs`, who, { itemId, quantity, note: null })
    ).needs.find((n: { itemId: string }) => n.itemId === itemId).id as string;
  type Line = {
    warehouseId: string;
    quantity: number;
    available: number;
    minimum: number;
    belowMinimum: number;
    canSend: boolean;
    distanceKm: number | null;
  };
  const proposalOf = async (disasterId: string, needId: string, who: Who = 'central') =>
    (await ok('GET', `/api/logistics/disasters/${disasterId}/needs/${needId}/proposal`, who)) as {
      lines: Line[];
      shortfall: number;
    };

  it('Bekasi with 10 tents (minimum 20) and Jakarta with 100: takes from Jakarta, and dips below Bekasi’s minimum only for what Jakarta cannot cover', async () => {
    const tents = await freshItem('Tenda uji minimum');
    await stockUp(warehouseA, 'officerA', tents, 10, 20);
    await stockUp(warehouseJakarta, 'officerJakarta', tents, 100);
    const disaster = (await flood('central')).json();
    const needId = await needFor(disaster.id, tents, 30);

    const first = await proposalOf(disaster.id, needId);
    expect(first.lines.map((l) => [l.warehouseId, l.quantity, l.belowMinimum])).toEqual([
      // Bekasi is nearest: listed, with nothing taken, so the person sees it was kept at its minimum.
      [warehouseA, 0, 0],
      [warehouseJakarta, 30, 0],
    ]);
    expect(first.lines[0]).toMatchObject({ available: 10, minimum: 20 });
    expect(first.lines[0]!.distanceKm!).toBeLessThan(first.lines[1]!.distanceKm!);
    expect(first.shortfall).toBe(0);

    // 120 tents: Jakarta's 100 first, then Bekasi's 10 below its minimum — never below zero.
    await needFor(disaster.id, tents, 120);
    const more = await proposalOf(disaster.id, needId);
    expect(more.lines.map((l) => [l.warehouseId, l.quantity, l.belowMinimum])).toEqual([
      [warehouseA, 10, 10],
      [warehouseJakarta, 100, 0],
    ]);
    expect(more.shortfall).toBe(10);
    // Nothing moved.
    expect((await stockOf(warehouseA, tents))!.quantity).toBe(10);
  });

  it('supplies an NTT flood from the NTT warehouse first, with or without the post’s coordinates', async () => {
    const blankets = await freshItem('Selimut uji NTT');
    await stockUp(warehouseA, 'officerA', blankets, 500);
    await stockUp(warehouseJakarta, 'officerJakarta', blankets, 1000);
    await stockUp(warehouseKupang, 'officerKupang', blankets, 80, 20);
    const fromJava: string[] = [];
    for (const [lat, lon] of [
      [-10.15, 123.75],
      [null, null],
    ]) {
      const disaster = (
        await flood('central', {
          name: 'Banjir Kupang Uji',
          regionCodes: ['53.01'],
          responsibleCenterId: centerKupang,
          siteRegionCode: '53.01.05.2003',
          siteLatitude: lat,
          siteLongitude: lon,
        })
      ).json();
      const needId = await needFor(disaster.id, blankets, 50);
      const proposal = await proposalOf(disaster.id, needId);
      expect(
        proposal.lines.map((l) => [l.warehouseId, l.quantity]),
        `site at ${lat}, ${lon}`,
      ).toEqual([[warehouseKupang, 50]]);
      // 100 blankets: the 60 above Naibonat's minimum, then the nearest in Java, before Naibonat's buffer.
      await needFor(disaster.id, blankets, 100);
      const split = await proposalOf(disaster.id, needId);
      expect(split.lines[0]).toMatchObject({ warehouseId: warehouseKupang, quantity: 60, belowMinimum: 0 });
      expect(split.lines.reduce((sum, l) => sum + l.quantity, 0)).toBe(100);
      expect(split.lines.every((l) => l.belowMinimum === 0)).toBe(true);
      fromJava.push(split.lines[1]!.warehouseId);
    }
    // Without its coordinates the post stands at the seat of Kabupaten Kupang: the same Java warehouse is nearest.
    expect(fromJava[1]).toBe(fromJava[0]);
  });

  it('places a post and a warehouse that have no coordinates at their regency’s seat: NTB before Java for Kupang', async () => {
    const blankets = await freshItem('Selimut uji NTB');
    // Mataram (Kota Mataram, NTB): a centre and its warehouse entered without coordinates.
    const centerMataram = (
      await buildCenter(t.database, {
        regionCode: '52.71.01.1004',
        latitude: null,
        longitude: null,
        coverage: ['52'],
      })
    ).id;
    cookie.officerMataram = await signIn(
      t.app,
      await buildUser(t.database, [{ role: 'warehouse_officer', centerId: centerMataram }]),
    );
    const warehouseMataram = await newWarehouse(
      centerMataram,
      'Gudang Uji Mataram',
      '52.71.01.1004',
      null,
      null,
    );
    await stockUp(warehouseJakarta, 'officerJakarta', blankets, 1000);
    await stockUp(warehouseMataram, 'officerMataram', blankets, 100);
    const disaster = (
      await flood('central', {
        name: 'Banjir Kupang Tanpa Titik',
        regionCodes: ['53.01'],
        responsibleCenterId: centerKupang,
        siteRegionCode: '53.01.05.2003',
        siteLatitude: null,
        siteLongitude: null,
      })
    ).json();
    const needId = await needFor(disaster.id, blankets, 50);
    const proposal = await proposalOf(disaster.id, needId);
    expect(proposal.lines.map((l) => [l.warehouseId, l.quantity])).toEqual([[warehouseMataram, 50]]);
  });

  it('a head records a disaster in their centre’s coverage; a region outside it or another centre is refused and nothing is written', async () => {
    const count = async () => {
      const [d, w, a] = await Promise.all([
        t.database.db.select({ id: disasters.id }).from(disasters),
        t.database.db.select({ id: warehouses.id }).from(warehouses),
        t.database.db.select({ seq: auditLog.seq }).from(auditLog),
      ]);
      return { disasters: d.length, warehouses: w.length, audit: a.length };
    };
    const kupangFlood = {
      name: 'Banjir Kupang Timur',
      regionCodes: ['53.01.06', '53.71'],
      responsibleCenterId: centerKupang,
      siteRegionCode: '53.01.06.1003',
      siteLatitude: null,
      siteLongitude: null,
    };
    const before = await count();
    // Ende (53.08) is not Naibonat's: the field that holds it is named.
    const outside = await flood('headKupang', { ...kupangFlood, regionCodes: ['53.01.06', '53.08'] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({
      code: 'logistics.region_outside_coverage',
      fields: [{ path: 'regionCodes.1' }],
    });
    // The whole province is wider than the coverage; so is a post outside it.
    const province = await flood('headKupang', {
      ...kupangFlood,
      regionCodes: ['53'],
      siteRegionCode: '53.08.19.1002',
    });
    expect(province.statusCode).toBe(400);
    expect(province.json().fields.map((f: { path: string }) => f.path)).toEqual([
      'regionCodes.0',
      'siteRegionCode',
    ]);
    // Another centre's disaster, even in its coverage: not theirs to record.
    expect((await flood('headKupang', { responsibleCenterId: centerA })).statusCode).toBe(403);
    // The balai's warehouse officer does not record disasters.
    expect((await flood('officerKupang', kupangFlood)).statusCode).toBe(403);
    expect(await count()).toEqual(before);

    const created = await flood('headKupang', kupangFlood);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      responsibleCenterId: centerKupang,
      provinceCodes: ['53'],
      can: { manage: true },
    });
    const after = await count();
    expect(after.disasters).toBe(before.disasters + 1);
    expect(after.warehouses).toBe(before.warehouses + 1);
    // Central staff read it, and may record one anywhere for any centre.
    expect((await ok('GET', `/api/logistics/disasters/${created.json().id}`, 'central')).can.manage).toBe(
      true,
    );
    expect((await flood('central', { ...kupangFlood, regionCodes: ['53'] })).statusCode).toBe(201);
  });

  it('the head manages the disaster their centre runs and sends only from their own warehouses', async () => {
    const kits = await freshItem('Paket kebersihan uji kepala');
    await stockUp(warehouseKupang, 'officerKupang', kits, 30, 10);
    await stockUp(warehouseJakarta, 'officerJakarta', kits, 200);
    const disaster = (
      await flood('headKupang', {
        name: 'Banjir Oesao',
        regionCodes: ['53.01.06'],
        responsibleCenterId: centerKupang,
        siteRegionCode: '53.01.06.1004',
        siteLatitude: -10.05,
        siteLongitude: 123.9,
      })
    ).json();
    const needId = await needFor(disaster.id, kits, 50, 'headKupang');
    const proposal = await proposalOf(disaster.id, needId, 'headKupang');
    expect(proposal.lines.map((l) => [l.warehouseId, l.quantity, l.canSend])).toEqual([
      [warehouseKupang, 20, true],
      [warehouseJakarta, 30, false],
    ]);
    expect((await proposalOf(disaster.id, needId, 'central')).lines.every((l) => l.canSend)).toBe(true);

    // Another balai's head reads the disaster but does not manage it.
    expect((await ok('GET', `/api/logistics/disasters/${disaster.id}`, 'headA')).can.manage).toBe(false);
    for (const [method, url, payload] of [
      ['GET', `/api/logistics/disasters/${disaster.id}/needs/${needId}/proposal`, undefined],
      ['PUT', `/api/logistics/disasters/${disaster.id}/needs`, { itemId: kits, quantity: 5, note: null }],
      [
        'PUT',
        `/api/logistics/disasters/${disaster.id}`,
        { status: 'recovery', estimatedAffected: 1, description: null, version: 1 },
      ],
      [
        'POST',
        `/api/logistics/disasters/${disaster.id}/needs/${needId}/dispatches`,
        { lines: [{ warehouseId: warehouseA, quantity: 1 }], idempotencyKey: uuidv7() },
      ],
    ] as const) {
      const res = await call(method, url, 'headA', payload);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().code).toBe('logistics.disaster_forbidden');
    }

    // Sending Jakarta's share is central staff's: refused whole, nothing moves.
    const send = (lines: { warehouseId: string; quantity: number }[]) =>
      call('POST', `/api/logistics/disasters/${disaster.id}/needs/${needId}/dispatches`, 'headKupang', {
        lines,
        idempotencyKey: uuidv7(),
      });
    const both = await send([
      { warehouseId: warehouseKupang, quantity: 20 },
      { warehouseId: warehouseJakarta, quantity: 30 },
    ]);
    expect(both.statusCode).toBe(403);
    expect(both.json()).toMatchObject({
      code: 'logistics.send_forbidden',
      fields: [{ path: 'lines.1.warehouseId' }],
    });
    expect((await stockOf(warehouseKupang, kits))!.quantity).toBe(30);
    expect((await stockOf(warehouseJakarta, kits))!.quantity).toBe(200);

    // Its own warehouse's share goes at once; central sends the rest.
    const own = await send([{ warehouseId: warehouseKupang, quantity: 20 }]);
    expect(own.statusCode).toBe(201);
    expect((await stockOf(warehouseKupang, kits))!.quantity).toBe(10);
    const rest = await proposalOf(disaster.id, needId, 'central');
    expect(rest.lines.map((l) => [l.warehouseId, l.quantity])).toEqual([
      [warehouseKupang, 0],
      [warehouseJakarta, 30],
    ]);
    await ok('POST', `/api/logistics/disasters/${disaster.id}/needs/${needId}/dispatches`, 'central', {
      lines: [{ warehouseId: warehouseJakarta, quantity: 30 }],
      idempotencyKey: uuidv7(),
    });
    const read = await ok('GET', `/api/logistics/disasters/${disaster.id}`, 'headKupang');
    expect(read.needs[0]).toMatchObject({ quantity: 50, dispatched: 50 });
    const recovery = await call('PUT', `/api/logistics/disasters/${disaster.id}`, 'headKupang', {
      status: 'recovery',
      estimatedAffected: 300,
      description: 'Air mulai surut',
      version: read.version,
    });
    expect(recovery.statusCode).toBe(200);
  });
});

describe('the ledger and stock:verify', () => {
  it('refuses edits of the ledger and finds a tampered balance', async () => {
    expect((await verifyStock(t.database.db)).mismatches).toEqual([]);
    const refusal = async (statement: ReturnType<typeof sql>) => {
      const error = await t.database.db.execute(statement).then(
        () => null,
        (e: Error & { cause?: Error }) => e,
      );
      return String(error?.cause?.message ?? error?.message);
    };
    expect(await refusal(sql`update stock_movements set quantity = quantity + 1`)).toMatch(
      /append-only: UPDATE/,
    );
    expect(await refusal(sql`delete from stock_movements`)).toMatch(/append-only: DELETE/);
    expect(await refusal(sql`truncate stock_movements cascade`)).toMatch(/append-only: TRUNCATE/);
    await t.database.db
      .update(stockBalances)
      .set({ quantity: sql`${stockBalances.quantity} + 5` })
      .where(and(eq(stockBalances.warehouseId, warehouseA), eq(stockBalances.itemId, tent)));
    const report = await verifyStock(t.database.db);
    expect(report.mismatches).toEqual([
      expect.objectContaining({ kind: 'balance', warehouseId: warehouseA, itemId: tent }),
    ]);
    const m = report.mismatches[0]!;
    expect(m.recorded - m.expected).toBe(5);
    await t.database.db
      .update(stockBalances)
      .set({ quantity: sql`${stockBalances.quantity} - 5` })
      .where(and(eq(stockBalances.warehouseId, warehouseA), eq(stockBalances.itemId, tent)));
    expect((await verifyStock(t.database.db)).mismatches).toEqual([]);
  });
});

describe('concurrency', () => {
  it('50 concurrent withdrawals of 1 from a stock of 10: exactly 10 succeed, the ledger sums to the balance', async () => {
    const w = await newWarehouse(centerA, 'Gudang Perlombaan', '32.75.01.1001', null, null);
    await ok(
      'POST',
      `/api/logistics/warehouses/${w}/receipts`,
      'officerA',
      receipt([
        { itemId: tent, quantity: 6 },
        { itemId: tent, quantity: 4 },
      ]),
    );
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call('POST', `/api/logistics/warehouses/${w}/issues`, i % 2 ? 'officerA' : 'officerA2', {
          itemId: tent,
          quantity: 1,
          issuedOn: today,
          purpose: 'Bantuan darurat',
          documentNumber: null,
          idempotencyKey: uuidv7(),
        }),
      ),
    );
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(10);
    expect(codes.filter((c) => c === 409)).toHaveLength(40);
    expect(answers.find((a) => a.statusCode === 409)!.json().code).toBe('logistics.insufficient_stock');
    const [ledger] = await t.database.db
      .select({ total: sql<number>`sum(${stockMovements.quantity})::int` })
      .from(stockMovements)
      .where(and(eq(stockMovements.warehouseId, w), eq(stockMovements.itemId, tent)));
    const [balance] = await t.database.db
      .select()
      .from(stockBalances)
      .where(and(eq(stockBalances.warehouseId, w), eq(stockBalances.itemId, tent)));
    expect(Number(ledger!.total)).toBe(0);
    expect(balance!.quantity).toBe(0);
    expect((await verifyStock(t.database.db)).mismatches).toEqual([]);
  });

  it('two concurrent transfers of 8 from a stock of 10: one goes, the other is refused', async () => {
    const w = await newWarehouse(centerA, 'Gudang Transfer Serentak', '32.75.01.1001', null, null);
    await ok(
      'POST',
      `/api/logistics/warehouses/${w}/receipts`,
      'officerA',
      receipt([{ itemId: tent, quantity: 10 }]),
    );
    const transfer = () =>
      call('POST', `/api/logistics/warehouses/${w}/transfers`, 'officerA', {
        toWarehouseId: warehouseB,
        lines: [{ itemId: tent, quantity: 8 }],
        vehicle: null,
        driverName: null,
        note: null,
        idempotencyKey: uuidv7(),
      });
    const answers = await Promise.all([transfer(), transfer()]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect((await stockOf(w, tent))!.quantity).toBe(2);
    const dispatch = answers.find((a) => a.statusCode === 201)!.json();
    expect(dispatch).toMatchObject({ status: 'in_transit', toWarehouseId: warehouseB });
    expect((await verifyStock(t.database.db)).mismatches).toEqual([]);
  });
});

describe('version checks, bad input and the audit log', () => {
  it('refuses a stale version with 409 and changes nothing', async () => {
    const item = await ok('POST', '/api/logistics/items', 'central', {
      code: `VER-${Math.random().toString(36).slice(2, 6)}`,
      name: 'Terpal',
      category: 'shelter',
      unit: 'lembar',
      perishable: false,
    });
    const edit = {
      code: item.code,
      name: 'Terpal 4x6',
      category: 'shelter',
      unit: 'lembar',
      perishable: false,
      active: true,
    };
    expect(
      (await call('PUT', `/api/logistics/items/${item.id}`, 'central', { ...edit, version: 1 })).statusCode,
    ).toBe(200);
    const stale = await call('PUT', `/api/logistics/items/${item.id}`, 'admin', {
      ...edit,
      name: 'Terpal lama',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('logistics.version_conflict');
    const w = await newWarehouse(centerA, 'Gudang Versi', '32.75.01.1001', null, null);
    const place = {
      name: 'Gudang Versi Baru',
      regionCode: '32.75.01.1001',
      address: null,
      latitude: null,
      longitude: null,
      active: true,
    };
    expect(
      (await call('PUT', `/api/logistics/warehouses/${w}`, 'admin', { ...place, version: 1 })).statusCode,
    ).toBe(200);
    expect(
      (await call('PUT', `/api/logistics/warehouses/${w}`, 'admin', { ...place, name: 'Lain', version: 1 }))
        .statusCode,
    ).toBe(409);
    const listed = await ok('POST', '/api/logistics/warehouses/list', 'admin', { q: 'Gudang Versi' });
    expect(listed.items.map((x: { name: string }) => x.name)).toEqual(['Gudang Versi Baru']);
  });

  it('names the field of bad input and writes nothing', async () => {
    const w = await newWarehouse(centerA, 'Gudang Isian Salah', '32.75.01.1001', null, null);
    const zero = await call(
      'POST',
      `/api/logistics/warehouses/${w}/receipts`,
      'officerA',
      receipt([{ itemId: tent, quantity: 0 }]),
    );
    expect(zero.statusCode).toBe(400);
    expect(zero.json().fields.map((f: { path: string }) => f.path)).toContain('lines.0.quantity');
    const unknown = await call(
      'POST',
      `/api/logistics/warehouses/${w}/receipts`,
      'officerA',
      receipt([{ itemId: uuidv7(), quantity: 1 }]),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields[0].path).toBe('lines');
    const future = await call('POST', `/api/logistics/warehouses/${w}/receipts`, 'officerA', {
      ...receipt([{ itemId: tent, quantity: 1 }]),
      receivedOn: day(3),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields[0].path).toBe('receivedOn');
    const ledger = await t.database.db.select().from(stockMovements).where(eq(stockMovements.warehouseId, w));
    expect(ledger).toEqual([]);
  });

  it('audits every stock write, and the dispatch list shows an officer only their centre’s', async () => {
    const w = await newWarehouse(centerA, 'Gudang Audit', '32.75.01.1001', null, null);
    const r = await ok(
      'POST',
      `/api/logistics/warehouses/${w}/receipts`,
      'officerA',
      receipt([{ itemId: tent, quantity: 3 }]),
    );
    const rows = await t.database.db
      .select({ entityId: auditLog.entityId, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'stock_movement'), eq(auditLog.entityId, r.movementIds[0])))
      .orderBy(auditLog.seq);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actorId).not.toBeNull();
    const other = (await buildCenter(t.database)).id;
    const stranger = await signIn(
      t.app,
      await buildUser(t.database, [{ role: 'warehouse_officer', centerId: other }]),
    );
    const list = await t.app.inject({
      method: 'POST',
      url: '/api/logistics/dispatches/list',
      headers: asUser(stranger),
      payload: {},
    });
    expect(list.json().total).toBe(0);
    const mine = await ok('POST', '/api/logistics/dispatches/list', 'officerB', {});
    expect(
      mine.items.every(
        (d: { fromWarehouseId: string; toWarehouseId: string }) =>
          d.fromWarehouseId === warehouseB || d.toWarehouseId === warehouseB,
      ),
    ).toBe(true);
  });
});
