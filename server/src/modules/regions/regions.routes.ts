import { regionCode, regionQuery, regionSchema } from '@atensi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/client.ts';
import { defineErrors } from '../../platform/errors/app-error.ts';
import { regionPolicy } from './regions.policy.ts';
import { getRegionWithLineage, searchRegions } from './regions.service.ts';

const regionError = defineErrors({
  'region.not_found': { status: 404, message: { id: 'Wilayah tidak ditemukan.', en: 'Region not found.' } },
});

export const regionRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get('/api/regions', {
    config: { policy: regionPolicy.read },
    schema: {
      tags: ['regions'],
      summary: 'Cari wilayah (provinsi, kabupaten/kota, kecamatan, desa/kelurahan)',
      querystring: regionQuery,
      response: { 200: z.object({ items: z.array(regionSchema) }) },
    },
    handler: async (request, reply) => {
      // Reference data that changes only with a new package version: let browsers cache it.
      reply.header('cache-control', 'public, max-age=3600');
      return { items: await searchRegions(db, request.query) };
    },
  });

  app.get('/api/regions/:code', {
    config: { policy: regionPolicy.read },
    schema: {
      tags: ['regions'],
      summary: 'Satu wilayah dengan rantai induknya',
      params: z.object({ code: regionCode }),
      response: { 200: z.object({ region: regionSchema, lineage: z.array(regionSchema) }) },
    },
    handler: async (request, reply) => {
      const found = await getRegionWithLineage(db, request.params.code);
      if (!found) throw regionError('region.not_found');
      reply.header('cache-control', 'public, max-age=3600');
      return found;
    },
  });
};
