import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/client.ts';
import { appliedMigrations, expectedMigrations } from '../db/migrate.ts';
import { definePolicy } from '../policy/policy.ts';

export const platformPolicy = definePolicy('platform', {
  health: { public: true, grants: {} },
  openapi: { public: true, grants: {} },
});

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), reachable: z.boolean() }),
  migrations: z.object({ applied: z.number().int(), expected: z.number().int(), upToDate: z.boolean() }),
});

export const healthRoutes: FastifyPluginAsyncZod<{ database: Database; version: string }> = async (
  app,
  { database, version },
) => {
  const expected = expectedMigrations();
  app.get('/api/health', {
    config: { policy: platformPolicy.health },
    schema: {
      tags: ['platform'],
      summary: 'Kesehatan layanan',
      response: { 200: healthSchema, 503: healthSchema },
    },
    handler: async (_request, reply) => {
      let reachable = true;
      let applied = 0;
      try {
        await database.db.execute(sql`select 1`);
        applied = await appliedMigrations(database);
      } catch {
        reachable = false;
      }
      const upToDate = applied === expected;
      const ok = reachable && upToDate;
      return reply.status(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'degraded',
        version,
        database: { kind: database.kind, reachable },
        migrations: { applied, expected, upToDate },
      });
    },
  });
};
