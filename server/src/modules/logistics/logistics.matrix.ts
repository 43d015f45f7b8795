import { uuidv7 } from 'uuidv7';
import type { TestContext } from '../../../test/app.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { systemContext } from '../users/first-admin.ts';
import { createDisaster, readDisaster, setNeed } from './disasters.service.ts';
import { transferStock } from './dispatches.service.ts';
import { recordDistribution } from './distributions.service.ts';
import { createItem } from './items.service.ts';
import { recordReceipt, requestAdjustment } from './stock-writes.ts';
import { createWarehouse, warehouseStock } from './warehouses.service.ts';

/**
 * Samples of the logistics routes for the role × route table
 * (server/src/policy-matrix.int.test.ts): spread `logisticsSamples` into its `samples`.
 * Warehouse routes act on a fresh warehouse of the matrix's own centre (`resourceCenterId`),
 * so each role the policy allows there gets the sample's status.
 */
type Ctx = { t: TestContext; ownCenter: string; otherCenter: string; n: () => number };
type Call = { url: string; payload?: unknown; resourceCenterId?: string };
type Sample = { status: number; calls: (ctx: Ctx) => Promise<Call[]> };

const today = () => new Date().toISOString().slice(0, 10);
const officer = (ctx: Ctx): Actor => ({
  userId: 'matrix-officer',
  name: 'Petugas Matriks',
  email: '',
  username: null,
  assignments: [{ role: 'warehouse_officer', centerId: ctx.ownCenter }],
});
const central: Actor = {
  userId: 'matrix-central',
  name: 'Pusat Matriks',
  email: '',
  username: null,
  assignments: [{ role: 'central', centerId: null }],
};
const db = (ctx: Ctx) => ctx.t.database.db;

const itemBody = (ctx: Ctx) => ({
  code: `MX-${ctx.n()}-${Math.random().toString(36).slice(2, 6)}`,
  name: `Barang Matriks ${ctx.n()}`,
  category: 'shelter' as const,
  unit: 'unit',
  perishable: false,
});
const freshItem = async (ctx: Ctx) =>
  (await createItem({ db: db(ctx), context: systemContext, input: itemBody(ctx) })).id;
const warehouseBody = (ctx: Ctx) => ({
  centerId: ctx.ownCenter,
  kind: 'center' as const,
  name: `Gudang Matriks ${ctx.n()}`,
  regionCode: '53.71.01.1001',
  address: null,
  latitude: -10.17,
  longitude: 123.6,
});
const freshWarehouse = async (ctx: Ctx) =>
  (await createWarehouse({ db: db(ctx), context: systemContext, input: warehouseBody(ctx) })).id;

/** A warehouse of the own centre holding 20 units of a fresh item. */
const stocked = async (ctx: Ctx) => {
  const warehouseId = await freshWarehouse(ctx);
  const itemId = await freshItem(ctx);
  await recordReceipt({
    db: db(ctx),
    context: systemContext,
    actor: officer(ctx),
    warehouseId,
    input: {
      source: 'donation',
      sourceName: 'Donatur Matriks',
      documentNumber: 'BAST-MX',
      receivedOn: today(),
      note: null,
      lines: [{ itemId, quantity: 20, lotNumber: null, expiresOn: null }],
      idempotencyKey: uuidv7(),
    },
  });
  return { warehouseId, itemId };
};
const lotOf = async (ctx: Ctx, warehouseId: string) =>
  (await warehouseStock(db(ctx), officer(ctx), warehouseId)).lines[0]!.lots[0]!.id;

const freshDispatch = async (ctx: Ctx) => {
  const { warehouseId, itemId } = await stocked(ctx);
  const to = await freshWarehouse(ctx);
  return transferStock({
    db: db(ctx),
    context: systemContext,
    actor: officer(ctx),
    warehouseId,
    input: {
      toWarehouseId: to,
      lines: [{ itemId, quantity: 5 }],
      vehicle: null,
      driverName: null,
      note: null,
      idempotencyKey: uuidv7(),
    },
  });
};

/** A disaster whose post the own centre runs, so its head manages it as central staff do. */
const freshDisaster = async (ctx: Ctx) =>
  createDisaster({
    db: db(ctx),
    context: systemContext,
    actor: central,
    input: {
      name: `Banjir Matriks ${ctx.n()}`,
      type: 'flood',
      regionCodes: ['53.71'],
      startedOn: today(),
      estimatedAffected: 100,
      description: null,
      responsibleCenterId: ctx.ownCenter,
      siteName: 'Posko Matriks',
      siteRegionCode: '53.71.01.1001',
      siteLatitude: null,
      siteLongitude: null,
    },
  });
const disasterWithNeed = async (ctx: Ctx) => {
  const { warehouseId, itemId } = await stocked(ctx);
  const disasterId = await freshDisaster(ctx);
  await setNeed({
    db: db(ctx),
    context: systemContext,
    actor: central,
    id: disasterId,
    input: { itemId, quantity: 5, note: null },
  });
  const needId = (await readDisaster(db(ctx), central, disasterId)).needs[0]!.id;
  return { disasterId, needId, warehouseId, itemId };
};

const onOwn =
  (url: (ctx: Ctx) => Promise<string>, payload?: (ctx: Ctx) => Promise<unknown> | unknown) =>
  async (ctx: Ctx): Promise<Call[]> => [
    {
      url: await url(ctx),
      payload: payload ? await payload(ctx) : undefined,
      resourceCenterId: ctx.ownCenter,
    },
  ];

export const logisticsSamples: Record<string, Sample> = {
  'POST /api/logistics/items/list': {
    status: 200,
    calls: async () => [{ url: '/api/logistics/items/list', payload: {} }],
  },
  'POST /api/logistics/items': {
    status: 201,
    calls: async (ctx) => [{ url: '/api/logistics/items', payload: itemBody(ctx) }],
  },
  'PUT /api/logistics/items/:id': {
    status: 200,
    calls: async (ctx) => [
      {
        url: `/api/logistics/items/${await freshItem(ctx)}`,
        payload: { ...itemBody(ctx), active: true, version: 1 },
      },
    ],
  },
  'POST /api/logistics/warehouses/list': {
    status: 200,
    calls: async () => [{ url: '/api/logistics/warehouses/list', payload: {} }],
  },
  'POST /api/logistics/warehouses': {
    status: 201,
    calls: async (ctx) => [{ url: '/api/logistics/warehouses', payload: warehouseBody(ctx) }],
  },
  'PUT /api/logistics/warehouses/:id': {
    status: 200,
    calls: async (ctx) => {
      const { centerId: _c, kind: _k, ...body } = warehouseBody(ctx);
      return [
        {
          url: `/api/logistics/warehouses/${await freshWarehouse(ctx)}`,
          payload: { ...body, active: true, version: 1 },
        },
      ];
    },
  },
  'GET /api/logistics/warehouses/:id/stock': {
    status: 200,
    calls: onOwn(async (ctx) => `/api/logistics/warehouses/${await freshWarehouse(ctx)}/stock`),
  },
  'POST /api/logistics/warehouses/:id/movements/list': {
    status: 200,
    calls: onOwn(
      async (ctx) => `/api/logistics/warehouses/${await freshWarehouse(ctx)}/movements/list`,
      () => ({}),
    ),
  },
  'POST /api/logistics/warehouses/:id/receipts': {
    status: 201,
    calls: async (ctx) => {
      const itemId = await freshItem(ctx);
      return [
        {
          url: `/api/logistics/warehouses/${await freshWarehouse(ctx)}/receipts`,
          payload: {
            source: 'procurement',
            sourceName: 'CV Matriks',
            documentNumber: 'SPK-1',
            receivedOn: today(),
            lines: [{ itemId, quantity: 3 }],
            idempotencyKey: uuidv7(),
          },
          resourceCenterId: ctx.ownCenter,
        },
      ];
    },
  },
  'POST /api/logistics/warehouses/:id/issues': {
    status: 201,
    calls: async (ctx) => {
      const { warehouseId, itemId } = await stocked(ctx);
      return [
        {
          url: `/api/logistics/warehouses/${warehouseId}/issues`,
          payload: {
            itemId,
            quantity: 2,
            issuedOn: today(),
            purpose: 'Dapur umum',
            idempotencyKey: uuidv7(),
          },
          resourceCenterId: ctx.ownCenter,
        },
      ];
    },
  },
  'POST /api/logistics/warehouses/:id/write-offs': {
    status: 201,
    calls: async (ctx) => {
      const { warehouseId } = await stocked(ctx);
      return [
        {
          url: `/api/logistics/warehouses/${warehouseId}/write-offs`,
          payload: {
            lotId: await lotOf(ctx, warehouseId),
            reason: 'Rusak terendam',
            idempotencyKey: uuidv7(),
          },
          resourceCenterId: ctx.ownCenter,
        },
      ];
    },
  },
  'POST /api/logistics/warehouses/:id/adjustments': {
    status: 201,
    calls: async (ctx) => {
      const { warehouseId } = await stocked(ctx);
      return [
        {
          url: `/api/logistics/warehouses/${warehouseId}/adjustments`,
          payload: {
            lotId: await lotOf(ctx, warehouseId),
            countedQuantity: 19,
            reason: 'Selisih opname',
            countedOn: today(),
          },
          resourceCenterId: ctx.ownCenter,
        },
      ];
    },
  },
  'POST /api/logistics/adjustments/:id/decision': {
    status: 200,
    calls: async (ctx) => {
      const { warehouseId } = await stocked(ctx);
      const adjustment = await requestAdjustment({
        db: db(ctx),
        context: systemContext,
        actor: officer(ctx),
        warehouseId,
        input: {
          lotId: await lotOf(ctx, warehouseId),
          countedQuantity: 18,
          reason: 'Selisih opname',
          countedOn: today(),
        },
      });
      return [
        {
          url: `/api/logistics/adjustments/${adjustment.id}/decision`,
          payload: { approve: true, note: null },
          resourceCenterId: ctx.ownCenter,
        },
      ];
    },
  },
  'PUT /api/logistics/warehouses/:id/minimums': {
    status: 200,
    calls: async (ctx) => {
      const { warehouseId, itemId } = await stocked(ctx);
      return [
        {
          url: `/api/logistics/warehouses/${warehouseId}/minimums`,
          payload: { itemId, minimumQuantity: 30 },
          resourceCenterId: ctx.ownCenter,
        },
      ];
    },
  },
  'POST /api/logistics/warehouses/:id/transfers': {
    status: 201,
    calls: async (ctx) => {
      const { warehouseId, itemId } = await stocked(ctx);
      return [
        {
          url: `/api/logistics/warehouses/${warehouseId}/transfers`,
          payload: {
            toWarehouseId: await freshWarehouse(ctx),
            lines: [{ itemId, quantity: 4 }],
            idempotencyKey: uuidv7(),
          },
          resourceCenterId: ctx.ownCenter,
        },
      ];
    },
  },
  'POST /api/logistics/warehouses/:id/distributions': {
    status: 201,
    calls: async (ctx) => {
      const { warehouseId, itemId } = await stocked(ctx);
      return [
        {
          url: `/api/logistics/warehouses/${warehouseId}/distributions`,
          payload: {
            itemId,
            program: 'sembako',
            distributedOn: today(),
            recipients: [{ kind: 'individual', name: 'Penerima Matriks', quantity: 1 }],
            idempotencyKey: uuidv7(),
          },
          resourceCenterId: ctx.ownCenter,
        },
      ];
    },
  },
  'POST /api/logistics/distributions/list': {
    status: 200,
    calls: async () => [{ url: '/api/logistics/distributions/list', payload: {} }],
  },
  'GET /api/logistics/distributions/:id': {
    status: 200,
    calls: async (ctx) => {
      const { warehouseId, itemId } = await stocked(ctx);
      const d = await recordDistribution({
        db: db(ctx),
        context: systemContext,
        actor: officer(ctx),
        warehouseId,
        input: {
          itemId,
          program: 'sembako',
          distributedOn: today(),
          place: null,
          recipients: [
            {
              kind: 'individual',
              personId: null,
              name: 'Penerima Matriks',
              householdSize: null,
              quantity: 1,
            },
          ],
          note: null,
          idempotencyKey: uuidv7(),
        },
      });
      return [{ url: `/api/logistics/distributions/${d.id}`, resourceCenterId: ctx.ownCenter }];
    },
  },
  'POST /api/logistics/disasters/list': {
    status: 200,
    calls: async () => [{ url: '/api/logistics/disasters/list', payload: {} }],
  },
  // Recording names the responsible centre: central staff anywhere, the own centre's head in
  // its coverage (the matrix's centre covers Kota and Kabupaten Bekasi).
  'POST /api/logistics/disasters': {
    status: 201,
    calls: async (ctx) => [
      {
        url: '/api/logistics/disasters',
        payload: {
          name: `Gempa Matriks ${ctx.n()}`,
          type: 'earthquake',
          regionCodes: ['32.75', '32.16.01'],
          startedOn: today(),
          estimatedAffected: 10,
          responsibleCenterId: ctx.ownCenter,
          siteName: 'Posko Gempa',
          siteRegionCode: '32.75.01.1001',
          siteLatitude: null,
          siteLongitude: null,
        },
        resourceCenterId: ctx.ownCenter,
      },
    ],
  },
  'GET /api/logistics/disasters/:id': {
    status: 200,
    calls: async (ctx) => [{ url: `/api/logistics/disasters/${await freshDisaster(ctx)}` }],
  },
  // The disaster's post is the own centre's, and so is the warehouse that sends: its head
  // manages and sends as central staff do.
  'PUT /api/logistics/disasters/:id': {
    status: 200,
    calls: onOwn(
      async (ctx) => `/api/logistics/disasters/${await freshDisaster(ctx)}`,
      () => ({ status: 'recovery', estimatedAffected: 120, description: 'Air surut', version: 1 }),
    ),
  },
  'PUT /api/logistics/disasters/:id/needs': {
    status: 200,
    calls: onOwn(
      async (ctx) => `/api/logistics/disasters/${await freshDisaster(ctx)}/needs`,
      async (ctx) => ({ itemId: await freshItem(ctx), quantity: 50 }),
    ),
  },
  'GET /api/logistics/disasters/:id/needs/:needId/proposal': {
    status: 200,
    calls: onOwn(async (ctx) => {
      const { disasterId, needId } = await disasterWithNeed(ctx);
      return `/api/logistics/disasters/${disasterId}/needs/${needId}/proposal`;
    }),
  },
  'POST /api/logistics/disasters/:id/needs/:needId/dispatches': {
    status: 201,
    calls: async (ctx) => {
      const { disasterId, needId, warehouseId } = await disasterWithNeed(ctx);
      return [
        {
          url: `/api/logistics/disasters/${disasterId}/needs/${needId}/dispatches`,
          payload: { lines: [{ warehouseId, quantity: 5 }], idempotencyKey: uuidv7() },
          resourceCenterId: ctx.ownCenter,
        },
      ];
    },
  },
  'POST /api/logistics/dispatches/list': {
    status: 200,
    calls: async () => [{ url: '/api/logistics/dispatches/list', payload: {} }],
  },
  'GET /api/logistics/dispatches/:id': {
    status: 200,
    calls: onOwn(async (ctx) => `/api/logistics/dispatches/${(await freshDispatch(ctx)).id}`),
  },
  'GET /api/logistics/dispatches/:id/waybill.pdf': {
    status: 200,
    calls: onOwn(async (ctx) => `/api/logistics/dispatches/${(await freshDispatch(ctx)).id}/waybill.pdf`),
  },
  'POST /api/logistics/dispatches/:id/receive': {
    status: 200,
    calls: async (ctx) => {
      const d = await freshDispatch(ctx);
      return [
        {
          url: `/api/logistics/dispatches/${d.id}/receive`,
          payload: {
            receivedOn: today(),
            lines: d.lines.map((l) => ({ lineId: l.id, quantityReceived: l.quantitySent })),
            version: d.version,
          },
          resourceCenterId: ctx.ownCenter,
        },
      ];
    },
  },
  'POST /api/logistics/targets/report': {
    status: 200,
    calls: async () => [
      { url: '/api/logistics/targets/report', payload: { program: 'sembako', period: '2026' } },
    ],
  },
  'POST /api/logistics/targets/report.xlsx': {
    status: 200,
    calls: async () => [
      { url: '/api/logistics/targets/report.xlsx', payload: { program: 'sembako', period: '2026' } },
    ],
  },
  'POST /api/logistics/targets': {
    status: 201,
    calls: async (ctx) => [
      {
        url: '/api/logistics/targets',
        payload: {
          program: 'sembako',
          period: '2026',
          periodStart: '2026-01-01',
          periodEnd: '2026-12-31',
          warehouseId: await freshWarehouse(ctx),
          itemId: await freshItem(ctx),
          targetQuantity: 100,
        },
      },
    ],
  },
};
