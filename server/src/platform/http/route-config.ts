import type { FastifyRequest } from 'fastify';
import type { AuditContext } from '../audit/audit.ts';
import type { Actor, Rule } from '../policy/policy.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every /api route names its rule; a route without one refuses to register. */
    policy?: Rule;
    /** The centre a request acts on, when the URL says it (checked before any data is read). */
    resourceCenterId?: (request: FastifyRequest) => string | undefined;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** Who and where, for audit rows written by this request. */
    auditContext: AuditContext;
  }
}

export type RouteCatalogEntry = { method: string; url: string; rule: Rule };
