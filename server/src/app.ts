import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { uuidv7 } from 'uuidv7';
import { casePolicy } from './modules/cases/cases.policy.ts';
import { caseRoutes } from './modules/cases/cases.routes.ts';
import { onPlacementChange } from './modules/cases/placement-hooks.ts';
import { centerPolicy } from './modules/centers/centers.policy.ts';
import { centerRoutes } from './modules/centers/centers.routes.ts';
import { fundraisingPolicy } from './modules/fundraising/fundraising.policy.ts';
import { fundraisingRoutes } from './modules/fundraising/fundraising.routes.ts';
import { logisticsPolicy } from './modules/logistics/logistics.policy.ts';
import { logisticsRoutes } from './modules/logistics/logistics.routes.ts';
import { outreachPolicy } from './modules/outreach/outreach.policy.ts';
import { outreachRoutes } from './modules/outreach/outreach.routes.ts';
import { followCasePlacement } from './modules/outreach/stay-sync.ts';
import { partnerPolicy } from './modules/partners/partners.policy.ts';
import { partnerRoutes } from './modules/partners/partners.routes.ts';
import { personPolicy } from './modules/persons/persons.policy.ts';
import { personRoutes } from './modules/persons/persons.routes.ts';
import { regionPolicy } from './modules/regions/regions.policy.ts';
import { regionRoutes } from './modules/regions/regions.routes.ts';
import { serasiPolicy } from './modules/serasi/serasi.policy.ts';
import { serasiRoutes } from './modules/serasi/serasi.routes.ts';
import { ownAccountRoutes } from './modules/users/own-account.routes.ts';
import { setupPolicy, setupRoutes } from './modules/users/setup.routes.ts';
import { userPolicy } from './modules/users/users.policy.ts';
import { userRoutes } from './modules/users/users.routes.ts';
import { loadAssignments } from './modules/users/users.service.ts';
import { auditPolicy } from './platform/audit/audit.policy.ts';
import { auditRoutes } from './platform/audit/audit.routes.ts';
import { installConfiguredAuditKeys } from './platform/audit/keys.ts';
import { registerAuthRoutes } from './platform/auth/auth.routes.ts';
import { createAuth } from './platform/auth/auth.ts';
import { createSessionTokenReader } from './platform/auth/session-lookup.ts';
import { createLockout } from './platform/auth/sign-in-lockout.ts';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db/client.ts';
import { commonError } from './platform/errors/app-error.ts';
import { installAuthentication } from './platform/http/authenticate.ts';
import { frameworkErrors, installErrorHandler } from './platform/http/error-handler.ts';
import { healthRoutes, platformPolicy } from './platform/http/health.ts';
import { loggerOptions } from './platform/http/logger.ts';
import { permissionsPolicy } from './platform/http/permissions-policy.ts';
import { installOriginCheck } from './platform/http/request-origin.ts';
import type { RouteCatalogEntry } from './platform/http/route-config.ts';
import type { Rule } from './platform/policy/policy.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const defaultWebDist = join(here, '../../web/dist');
export const appVersion: string = JSON.parse(readFileSync(join(here, '../../package.json'), 'utf8')).version;

/** Every rule of every module, for `/api/me` permissions and the role × route test. */
export const allRules = (): Rule[] =>
  [
    platformPolicy,
    setupPolicy,
    regionPolicy,
    centerPolicy,
    userPolicy,
    auditPolicy,
    personPolicy,
    casePolicy,
    serasiPolicy,
    partnerPolicy,
    outreachPolicy,
    fundraisingPolicy,
    logisticsPolicy,
  ].flatMap((p) => Object.values(p));

export type AppOptions = {
  config: Config;
  database: Database;
  /** Folder of the built web app; null serves the API only. */
  webDist?: string | null;
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: NodeJS.WritableStream;
  /** The clock of the sign-in back-off; tests fix it so fixed windows never split a test. */
  now?: () => Date;
};

export type AtensiApp = FastifyInstance & { routeCatalog: RouteCatalogEntry[] };

export const buildApp = async ({
  config,
  database,
  webDist = defaultWebDist,
  logStream,
  now,
}: AppOptions): Promise<AtensiApp> => {
  const { db } = database;
  // Every audited write of this process is sealed with the configured key (decision 0020).
  installConfiguredAuditKeys(config);
  const app = Fastify({
    logger: loggerOptions(config, logStream),
    genReqId: () => uuidv7(),
    requestIdHeader: false,
    bodyLimit: 1_048_576,
    trustProxy: config.NODE_ENV === 'production',
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: Fastify would also parse text/plain, the one body type a cross-site form can send without a preflight.
  app.removeContentTypeParser('text/plain');

  const catalog: RouteCatalogEntry[] = [];
  const auth = createAuth(db, config, app.log);
  // One back-off per account for every password check: both sign-in endpoints and the password change.
  const lockout = createLockout(db, {
    attempts: config.ATENSI_LOGIN_LOCKOUT_ATTEMPTS,
    maxWaitSeconds: config.ATENSI_LOGIN_LOCKOUT_MAX_MINUTES * 60,
    salt: config.authSecret,
    ...(now ? { now } : {}),
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine writes inline style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.publicUrl.startsWith('https://'),
  });
  await app.register(fastifyCors, {
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    credentials: true,
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Atensi API',
        version: appVersion,
        description: 'API sistem informasi ATENSI (Kemensos RI).',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  installErrorHandler(app);
  installOriginCheck(app, config);
  installAuthentication(app, {
    auth,
    db,
    config,
    catalog,
    loadAssignments: (userId) => loadAssignments(db, userId),
  });

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    reply.header('permissions-policy', permissionsPolicy);
    // API answers may carry personal data: never kept by browsers or proxies unless a route says so.
    if (request.url.startsWith('/api') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    return payload;
  });

  app.get('/api/openapi.json', {
    config: { policy: platformPolicy.openapi },
    schema: { hide: true },
    handler: async () => app.swagger(),
  });
  registerAuthRoutes(app, { auth, db, lockout });
  await app.register(ownAccountRoutes, { db, lockout, sessionToken: createSessionTokenReader(auth) });
  // Where a person stays follows the case's placement, transfer and closure (decision 0014).
  onPlacementChange(followCasePlacement);
  await app.register(healthRoutes, { database, version: appVersion });
  await app.register(regionRoutes, { db });
  await app.register(centerRoutes, { db });
  await app.register(userRoutes, { db, rules: allRules });
  await app.register(setupRoutes, { db });
  await app.register(auditRoutes, { db });
  await app.register(personRoutes, { db });
  await app.register(caseRoutes, { db });
  await app.register(serasiRoutes, { db, secret: config.authSecret });
  await app.register(partnerRoutes, { db });
  await app.register(outreachRoutes, { db });
  await app.register(fundraisingRoutes, { db });
  await app.register(logisticsRoutes, { db });

  const hasWeb = webDist !== null && existsSync(join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  }
  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api') || request.method !== 'GET' || !hasWeb)
      throw commonError('request.not_found');
    // The web app routes in the browser: every other GET gets its shell.
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });

  await app.ready();
  return Object.assign(app, { routeCatalog: catalog }) as unknown as AtensiApp;
};
