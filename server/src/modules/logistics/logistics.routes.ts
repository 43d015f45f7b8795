import {
  acceptProposalInput,
  adjustmentDecisionInput,
  adjustmentInput,
  adjustmentSchema,
  disasterInput,
  disasterListInput,
  disasterPage,
  disasterSchema,
  dispatchListInput,
  dispatchPage,
  dispatchProposalSchema,
  dispatchSchema,
  distributionInput,
  distributionListInput,
  distributionPage,
  distributionSchema,
  issueInput,
  itemInput,
  itemListInput,
  itemPage,
  itemSchema,
  minimumInput,
  movementListInput,
  movementPage,
  needInput,
  receiptInput,
  receiveDispatchInput,
  stockWriteResult,
  targetInput,
  targetReportInput,
  targetReportSchema,
  targetRowSchema,
  transferInput,
  updateDisasterInput,
  updateItemInput,
  updateWarehouseInput,
  warehouseInput,
  warehouseListInput,
  warehousePage,
  warehouseSchema,
  warehouseStockSchema,
  writeOffInput,
} from '@atensi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/client.ts';
import { fileTypes, sendFile } from '../../platform/http/send-file.ts';
import {
  acceptProposal,
  createDisaster,
  listDisasters,
  proposalFor,
  readDisaster,
  setNeed,
  updateDisaster,
} from './disasters.service.ts';
import { listDispatches, readDispatch, receiveDispatch, transferStock } from './dispatches.service.ts';
import {
  createTarget,
  listDistributions,
  readDistribution,
  recordDistribution,
  targetReport,
} from './distributions.service.ts';
import { createItem, listItems, updateItem } from './items.service.ts';
import { logisticsPolicy as p } from './logistics.policy.ts';
import { dispatchWaybill } from './logistics-documents.ts';
import {
  decideAdjustment,
  recordIssue,
  recordReceipt,
  recordWriteOff,
  requestAdjustment,
  setMinimum,
} from './stock-writes.ts';
import { targetReportXlsx } from './targets-xlsx.ts';
import {
  createWarehouse,
  listMovements,
  listWarehouses,
  updateWarehouse,
  warehouseStock,
} from './warehouses.service.ts';

const idParams = z.object({ id: z.uuid() });
const needParams = z.object({ id: z.uuid(), needId: z.uuid() });
const tags = ['logistics'];

export const logisticsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  // Items ------------------------------------------------------------------------------
  app.post('/api/logistics/items/list', {
    config: { policy: p.catalog_read },
    schema: {
      tags,
      summary: 'Daftar barang (cari kode/nama, kategori)',
      body: itemListInput,
      response: { 200: itemPage },
    },
    handler: (request) => listItems(db, request.body),
  });
  app.post('/api/logistics/items', {
    config: { policy: p.catalog_manage },
    schema: { tags, summary: 'Tambah barang', body: itemInput, response: { 201: itemSchema } },
    handler: async (request, reply) =>
      reply.status(201).send(await createItem({ db, context: request.auditContext, input: request.body })),
  });
  app.put('/api/logistics/items/:id', {
    config: { policy: p.catalog_manage },
    schema: {
      tags,
      summary: 'Ubah barang',
      params: idParams,
      body: updateItemInput,
      response: { 200: itemSchema },
    },
    handler: (request) =>
      updateItem({ db, context: request.auditContext, id: request.params.id, input: request.body }),
  });

  // Warehouses and stock ---------------------------------------------------------------
  const onWarehouse = (request: {
    auditContext: Parameters<typeof recordReceipt>[0]['context'];
    actor: Parameters<typeof recordReceipt>[0]['actor'] | null;
    params: { id: string };
  }) => ({ db, context: request.auditContext, actor: request.actor!, warehouseId: request.params.id });

  app.post('/api/logistics/warehouses/list', {
    config: { policy: p.catalog_read },
    schema: {
      tags,
      summary: 'Daftar gudang (balai, pusat, posko bencana)',
      body: warehouseListInput,
      response: { 200: warehousePage },
    },
    handler: (request) => listWarehouses(db, request.actor!, request.body),
  });
  app.post('/api/logistics/warehouses', {
    config: { policy: p.warehouses_manage },
    schema: {
      tags,
      summary: 'Tambah gudang balai atau gudang pusat',
      body: warehouseInput,
      response: { 201: warehouseSchema },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await createWarehouse({ db, context: request.auditContext, input: request.body })),
  });
  app.put('/api/logistics/warehouses/:id', {
    config: { policy: p.warehouses_manage },
    schema: {
      tags,
      summary: 'Ubah gudang',
      params: idParams,
      body: updateWarehouseInput,
      response: { 200: warehouseSchema },
    },
    handler: (request) =>
      updateWarehouse({
        db,
        context: request.auditContext,
        actor: request.actor!,
        id: request.params.id,
        input: request.body,
      }),
  });
  app.get('/api/logistics/warehouses/:id/stock', {
    config: { policy: p.stock_read },
    schema: {
      tags,
      summary: 'Stok gudang per barang dan lot, peringatan stok minimum dan kedaluwarsa',
      params: idParams,
      response: { 200: warehouseStockSchema },
    },
    handler: (request) => warehouseStock(db, request.actor!, request.params.id),
  });
  app.post('/api/logistics/warehouses/:id/movements/list', {
    config: { policy: p.stock_read },
    schema: {
      tags,
      summary: 'Buku mutasi stok gudang',
      params: idParams,
      body: movementListInput,
      response: { 200: movementPage },
    },
    handler: (request) => listMovements(db, request.actor!, request.params.id, request.body),
  });

  const write = { policy: p.stock_write };
  app.post('/api/logistics/warehouses/:id/receipts', {
    config: write,
    schema: {
      tags,
      summary: 'Penerimaan barang (pengadaan/donasi), kunci idempotensi',
      params: idParams,
      body: receiptInput,
      response: { 201: stockWriteResult },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await recordReceipt({ ...onWarehouse(request), input: request.body })),
  });
  app.post('/api/logistics/warehouses/:id/issues', {
    config: write,
    schema: {
      tags,
      summary: 'Pengeluaran barang (FEFO), kunci idempotensi',
      params: idParams,
      body: issueInput,
      response: { 201: stockWriteResult },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await recordIssue({ ...onWarehouse(request), input: request.body })),
  });
  app.post('/api/logistics/warehouses/:id/write-offs', {
    config: write,
    schema: {
      tags,
      summary: 'Penghapusan lot kedaluwarsa/rusak',
      params: idParams,
      body: writeOffInput,
      response: { 201: stockWriteResult },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await recordWriteOff({ ...onWarehouse(request), input: request.body })),
  });
  app.post('/api/logistics/warehouses/:id/adjustments', {
    config: write,
    schema: {
      tags,
      summary: 'Ajukan penyesuaian hasil stock opname',
      params: idParams,
      body: adjustmentInput,
      response: { 201: adjustmentSchema },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await requestAdjustment({ ...onWarehouse(request), input: request.body })),
  });
  app.post('/api/logistics/adjustments/:id/decision', {
    config: { policy: p.adjust_approve },
    schema: {
      tags,
      summary: 'Keputusan kepala balai atas penyesuaian stok',
      params: idParams,
      body: adjustmentDecisionInput,
      response: { 200: adjustmentSchema },
    },
    handler: (request) =>
      decideAdjustment({
        db,
        context: request.auditContext,
        actor: request.actor!,
        id: request.params.id,
        input: request.body,
      }),
  });
  app.put('/api/logistics/warehouses/:id/minimums', {
    config: write,
    schema: {
      tags,
      summary: 'Stok minimum barang di gudang',
      params: idParams,
      body: minimumInput,
      response: { 200: warehouseStockSchema },
    },
    handler: async (request) => {
      await setMinimum({ ...onWarehouse(request), input: request.body });
      return warehouseStock(db, request.actor!, request.params.id);
    },
  });
  app.post('/api/logistics/warehouses/:id/transfers', {
    config: write,
    schema: {
      tags,
      summary: 'Kirim barang ke gudang lain (surat jalan), kunci idempotensi',
      params: idParams,
      body: transferInput,
      response: { 201: dispatchSchema },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await transferStock({ ...onWarehouse(request), input: request.body })),
  });
  app.post('/api/logistics/warehouses/:id/distributions', {
    config: write,
    schema: {
      tags,
      summary: 'Penyaluran barang kepada penerima, kunci idempotensi',
      params: idParams,
      body: distributionInput,
      response: { 201: distributionSchema },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await recordDistribution({ ...onWarehouse(request), input: request.body })),
  });

  // Distributions ----------------------------------------------------------------------
  app.post('/api/logistics/distributions/list', {
    config: { policy: p.stock_read },
    schema: {
      tags,
      summary: 'Daftar penyaluran (tanpa nama penerima)',
      body: distributionListInput,
      response: { 200: distributionPage },
    },
    handler: (request) => listDistributions(db, request.actor!, request.body),
  });
  app.get('/api/logistics/distributions/:id', {
    config: { policy: p.stock_read },
    schema: {
      tags,
      summary: 'Detail penyaluran dengan penerima',
      params: idParams,
      response: { 200: distributionSchema },
    },
    handler: (request) => readDistribution(db, request.actor!, request.params.id),
  });

  // Disasters and dispatches -----------------------------------------------------------
  app.post('/api/logistics/disasters/list', {
    config: { policy: p.disasters_read },
    schema: { tags, summary: 'Daftar bencana', body: disasterListInput, response: { 200: disasterPage } },
    handler: (request) => listDisasters(db, request.body),
  });
  app.post('/api/logistics/disasters', {
    config: {
      policy: p.disasters_record,
      // A head records only for their own centre; the service checks the regions against its coverage.
      resourceCenterId: (request) =>
        (request.body as { responsibleCenterId?: string } | undefined)?.responsibleCenterId,
    },
    schema: {
      tags,
      summary: 'Catat bencana dan posko',
      body: disasterInput,
      response: { 201: disasterSchema },
    },
    handler: async (request, reply) => {
      const id = await createDisaster({
        db,
        context: request.auditContext,
        actor: request.actor!,
        input: request.body,
      });
      return reply.status(201).send(await readDisaster(db, request.actor!, id));
    },
  });
  app.get('/api/logistics/disasters/:id', {
    config: { policy: p.disasters_read },
    schema: {
      tags,
      summary: 'Detail bencana: kebutuhan, pengiriman',
      params: idParams,
      response: { 200: disasterSchema },
    },
    handler: (request) => readDisaster(db, request.actor!, request.params.id),
  });
  app.put('/api/logistics/disasters/:id', {
    config: { policy: p.disasters_manage },
    schema: {
      tags,
      summary: 'Ubah status/perkiraan terdampak',
      params: idParams,
      body: updateDisasterInput,
      response: { 200: disasterSchema },
    },
    handler: async (request) => {
      await updateDisaster({
        db,
        context: request.auditContext,
        actor: request.actor!,
        id: request.params.id,
        input: request.body,
      });
      return readDisaster(db, request.actor!, request.params.id);
    },
  });
  app.put('/api/logistics/disasters/:id/needs', {
    config: { policy: p.disasters_manage },
    schema: {
      tags,
      summary: 'Tetapkan kebutuhan satu barang',
      params: idParams,
      body: needInput,
      response: { 200: disasterSchema },
    },
    handler: async (request) => {
      await setNeed({
        db,
        context: request.auditContext,
        actor: request.actor!,
        id: request.params.id,
        input: request.body,
      });
      return readDisaster(db, request.actor!, request.params.id);
    },
  });
  app.get('/api/logistics/disasters/:id/needs/:needId/proposal', {
    config: { policy: p.disasters_manage },
    schema: {
      tags,
      summary: 'Usulan gudang pengirim (terdekat dahulu, dibagi bila perlu); belum ada yang bergerak',
      params: needParams,
      response: { 200: dispatchProposalSchema },
    },
    handler: (request) => proposalFor(db, request.actor!, request.params.id, request.params.needId),
  });
  app.post('/api/logistics/disasters/:id/needs/:needId/dispatches', {
    config: { policy: p.disasters_manage },
    schema: {
      tags,
      summary: 'Setujui usulan: satu surat jalan per gudang, kunci idempotensi',
      params: needParams,
      body: acceptProposalInput,
      response: { 201: z.object({ dispatches: z.array(dispatchSchema) }) },
    },
    handler: async (request, reply) =>
      reply.status(201).send(
        await acceptProposal({
          db,
          context: request.auditContext,
          actor: request.actor!,
          disasterId: request.params.id,
          needId: request.params.needId,
          input: request.body,
        }),
      ),
  });
  app.post('/api/logistics/dispatches/list', {
    config: { policy: p.stock_read },
    schema: { tags, summary: 'Daftar surat jalan', body: dispatchListInput, response: { 200: dispatchPage } },
    handler: (request) => listDispatches(db, request.actor!, request.body),
  });
  app.get('/api/logistics/dispatches/:id', {
    config: { policy: p.stock_read },
    schema: { tags, summary: 'Detail surat jalan', params: idParams, response: { 200: dispatchSchema } },
    handler: (request) => readDispatch(db, request.actor!, request.params.id),
  });
  app.get('/api/logistics/dispatches/:id/waybill.pdf', {
    config: { policy: p.stock_read },
    schema: { tags, summary: 'Surat jalan (PDF, kop balai pengirim)', params: idParams },
    handler: async (request, reply) => {
      const dispatch = await readDispatch(db, request.actor!, request.params.id);
      return sendFile(reply, {
        contentType: fileTypes.pdf,
        filename: `surat-jalan-${dispatch.number}.pdf`,
        body: await dispatchWaybill(db, dispatch),
      });
    },
  });
  app.post('/api/logistics/dispatches/:id/receive', {
    config: write,
    schema: {
      tags,
      summary: 'Konfirmasi penerimaan surat jalan, catat selisih',
      params: idParams,
      body: receiveDispatchInput,
      response: { 200: dispatchSchema },
    },
    handler: (request) =>
      receiveDispatch({
        db,
        context: request.auditContext,
        actor: request.actor!,
        id: request.params.id,
        input: request.body,
      }),
  });

  // Targets ----------------------------------------------------------------------------
  app.post('/api/logistics/targets/report', {
    config: { policy: p.targets_read },
    schema: {
      tags,
      summary: 'Target dan realisasi penyaluran per gudang',
      body: targetReportInput,
      response: { 200: targetReportSchema },
    },
    handler: (request) => targetReport(db, request.actor!, request.body),
  });
  app.post('/api/logistics/targets/report.xlsx', {
    config: { policy: p.targets_read },
    schema: { tags, summary: 'Ekspor capaian target penyaluran (XLSX)', body: targetReportInput },
    handler: async (request, reply) => {
      const report = await targetReport(db, request.actor!, request.body);
      return sendFile(reply, {
        contentType: fileTypes.xlsx,
        filename: `capaian-target-${report.program}-${report.period}.xlsx`,
        body: await targetReportXlsx(report),
      });
    },
  });
  app.post('/api/logistics/targets', {
    config: { policy: p.targets_manage },
    schema: {
      tags,
      summary: 'Tambah target penyaluran',
      body: targetInput,
      response: { 201: targetRowSchema },
    },
    handler: async (request, reply) =>
      reply.status(201).send(
        await createTarget({
          db,
          context: request.auditContext,
          actor: request.actor!,
          input: request.body,
        }),
      ),
  });
};
