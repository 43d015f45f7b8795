import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { defineErrors } from '../errors/app-error.ts';

const originError = defineErrors({
  'request.cross_site': {
    status: 403,
    message: {
      id: 'Permintaan dari situs lain ditolak. Buka Atensi dari alamatnya sendiri lalu coba lagi.',
      en: 'A request from another site was refused. Open Atensi at its own address and try again.',
    },
  },
});

/**
 * The origins the app's own pages are served from: the public URL; outside production also its
 * localhost/127.0.0.1 twin and Vite's dev server (`npm run dev`, port 5173, proxying /api);
 * plus the origins CORS opens (`ATENSI_CORS_ORIGINS`). Better Auth trusts the same list.
 */
export const appOrigins = (config: Config): string[] => {
  const own = new URL(config.publicUrl);
  const origins = [own.origin];
  if (config.NODE_ENV !== 'production') {
    for (const host of ['localhost', '127.0.0.1']) {
      origins.push(`${own.protocol}//${host}${own.port ? `:${own.port}` : ''}`, `http://${host}:5173`);
    }
  }
  for (const o of config.corsOrigins) {
    try {
      origins.push(new URL(o).origin);
    } catch {
      origins.push(o);
    }
  }
  return [...new Set(origins)];
};

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const sameSite = new Set(['same-origin', 'none']);

/**
 * Refuses a state-changing request that a browser sent from another site (CSRF, login CSRF):
 * its `Origin` must be one of the app's own; without `Origin`, a `Sec-Fetch-Site` other than
 * `same-origin` or `none` is refused. A request with neither header does not come from a
 * browser page (browsers send `Origin` on every cross-site POST): CLI, curl, server-to-server
 * calls pass and still need a session (decision 0018). Runs first, before the body is read.
 */
export const installOriginCheck = (app: FastifyInstance, config: Config) => {
  const allowed = new Set(appOrigins(config));
  app.addHook('onRequest', async (request) => {
    if (!stateChanging.has(request.method)) return;
    const origin = request.headers.origin;
    const site = [request.headers['sec-fetch-site']].flat()[0];
    const refused = origin !== undefined ? !allowed.has(origin) : site !== undefined && !sameSite.has(site);
    if (refused) {
      request.log.info({ origin: origin ?? null, secFetchSite: site ?? null }, 'cross-site request refused');
      throw originError('request.cross_site');
    }
  });
};
