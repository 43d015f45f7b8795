import { type AuditEntry, auditListQuery, auditPage } from '@atensi/domain';
import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/client.ts';
import { auditPolicy } from './audit.policy.ts';
import { auditLog } from './audit.tables.ts';

/** Calendar days are WIB days: the ministry reads the log from Jakarta. */
const wibMidnight = (isoDate: string) => new Date(`${isoDate}T00:00:00+07:00`);

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get('/api/audit', {
    config: { policy: auditPolicy.read },
    schema: {
      tags: ['audit'],
      summary: 'Log audit',
      querystring: auditListQuery,
      response: { 200: auditPage },
    },
    handler: async (request) => {
      const q = request.query;
      const conditions: SQL[] = [];
      if (q.entity) conditions.push(eq(auditLog.entity, q.entity));
      if (q.entityId) conditions.push(eq(auditLog.entityId, q.entityId));
      if (q.actorId) conditions.push(eq(auditLog.actorId, q.actorId));
      if (q.action) conditions.push(eq(auditLog.action, q.action));
      if (q.from) conditions.push(gte(auditLog.at, wibMidnight(q.from)));
      if (q.to) conditions.push(lt(auditLog.at, new Date(wibMidnight(q.to).getTime() + 86_400_000)));
      const where = conditions.length > 0 ? and(...conditions) : undefined;
      const [rows, [count]] = await Promise.all([
        db
          .select()
          .from(auditLog)
          .where(where)
          .orderBy(desc(auditLog.seq))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
      ]);
      const items: AuditEntry[] = rows.map((r) => ({
        seq: Number(r.seq),
        at: r.at.toISOString(),
        actorId: r.actorId,
        actorName: r.actorName,
        actorRole: r.actorRole,
        centerId: r.centerId,
        action: r.action as AuditEntry['action'],
        entity: r.entity,
        entityId: r.entityId,
        changes: r.changes,
        requestId: r.requestId,
        ip: r.ip,
      }));
      return { items, total: Number(count?.n ?? 0), page: q.page, pageSize: q.pageSize };
    },
  });
};
