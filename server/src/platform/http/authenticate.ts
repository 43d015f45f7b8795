import type { Role } from '@atensi/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Auth } from '../auth/auth.ts';
import { createSessionLookup } from '../auth/session-lookup.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { commonError } from '../errors/app-error.ts';
import { type Actor, can } from '../policy/policy.ts';
import type { RouteCatalogEntry } from './route-config.ts';

export type LoadAssignments = (userId: string) => Promise<{ role: Role; centerId: string | null }[]>;

/** Paths under /api served by plugins that carry no policy of ours. */
const unguarded = ['/api/auth/', '/api/docs'];

/**
 * Resolves the session into an Actor and applies the route's rule before validation and
 * before any handler reads data. Also refuses to register an /api route without a rule.
 */
export const installAuthentication = (
  app: FastifyInstance,
  deps: {
    auth: Auth;
    db: Db;
    config: Config;
    loadAssignments: LoadAssignments;
    catalog: RouteCatalogEntry[];
  },
) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('auditContext', null as unknown as FastifyRequest['auditContext']);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    const rule = route.config?.policy;
    // Better Auth's bridge and the API docs guard themselves; our own routes under /api/auth have rules.
    if (!rule && unguarded.some((p) => route.url.startsWith(p))) return;
    if (!rule) throw new Error(`Route ${String(route.method)} ${route.url} has no policy rule`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') deps.catalog.push({ method, url: route.url, rule });
    }
  });

  // One query for session and user (platform/auth/session-lookup.ts), then the assignments.
  const lookupSession = createSessionLookup(
    deps.auth,
    deps.db,
    deps.config.ATENSI_SESSION_MAX_HOURS * 3_600_000,
  );

  const resolveActor = async (request: FastifyRequest): Promise<Actor | null> => {
    const user = await lookupSession(request.headers.cookie);
    if (!user) return null;
    return { ...user, assignments: await deps.loadAssignments(user.userId) };
  };

  app.addHook('preValidation', async (request) => {
    const rule = request.routeOptions.config.policy;
    if (!rule) return;
    request.actor = rule.public ? null : await resolveActor(request);
    const centerId = request.routeOptions.config.resourceCenterId?.(request);
    const decision = can(request.actor, rule, centerId === undefined ? undefined : { centerId });
    if (!decision.allowed) {
      throw decision.reason === 'unauthenticated'
        ? commonError('auth.required')
        : commonError('auth.forbidden');
    }
    request.auditContext = {
      actorId: request.actor?.userId ?? null,
      actorName: request.actor?.name ?? null,
      actorRole: decision.role,
      centerId: decision.centerId ?? centerId ?? null,
      requestId: request.id,
      ip: request.ip,
    };
  });
};
