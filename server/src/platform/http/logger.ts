import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config.ts';
import { serializeError } from './safe-error.ts';

const redacted = '[redacted]';
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Query parameters whose values are never personal: kept in the log when they look like a code,
 * a number or a date. Every other parameter (`q`, `code`, `nik`, anything added later) is blanked.
 */
const plainParams = new Set([
  'page',
  'pageSize',
  'limit',
  'sort',
  'order',
  'version',
  'role',
  'centerId',
  'active',
  'level',
  'parent',
  'province',
  'type',
  'facility',
  'includeArchived',
  'entity',
  'entityId',
  'actorId',
  'action',
  'from',
  'to',
  'status',
  'tab',
]);
const plainValue = /^[A-Za-z0-9_.:,-]{0,100}$/;

/** A path segment of a page or file that matched no route: kept only when it reads as a route word. */
const routeWord = /^[a-z][a-z-]*(?:\.[a-z0-9]+)?$/;

const redactQuery = (query: string): string => {
  const params = new URLSearchParams(query);
  for (const [key, value] of [...params.entries()]) {
    if (!(plainParams.has(key) && plainValue.test(value))) params.set(key, redacted);
  }
  return params.toString();
};

/**
 * The request's path with every value that is not a UUID blanked: a route's `:param` segments
 * (a SERASI tracking code, a region code) when the route is known, else every segment that is
 * neither a UUID nor a plain lowercase word (`/lacak/SRS-…` is a page of the web app).
 */
const redactPath = (path: string, route?: string): string => {
  const segments = path.split('/');
  const pattern = route?.split('/');
  if (pattern && pattern.length === segments.length && !route!.includes('*')) {
    return segments.map((s, i) => (pattern[i]!.includes(':') && !uuid.test(s) ? redacted : s)).join('/');
  }
  return segments.map((s) => (s === '' || uuid.test(s) || routeWord.test(s) ? s : redacted)).join('/');
};

/** The URL as it may be logged. `route` is the matched route's pattern, when there is one. */
export const redactUrl = (url: string, route?: string): string => {
  const at = url.indexOf('?');
  const path = redactPath(at < 0 ? url : url.slice(0, at), route);
  return at < 0 ? path : `${path}?${redactQuery(url.slice(at + 1))}`;
};

/** Paths pino blanks out wherever a module logs an object: NIK, KK, phone, secrets. */
export const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  ...['nik', 'kk', 'kkNumber', 'phone', 'password', 'token', 'body', 'params'].flatMap((f) => [
    f,
    `*.${f}`,
    `*.*.${f}`,
  ]),
];

type LoggedRequest = {
  method: string;
  url: string;
  ip?: string;
  id?: string;
  routeOptions?: { url?: string };
};

/** `stream`: where the lines go (stdout unless a test captures them). */
export const loggerOptions = (
  config: Config,
  stream?: NodeJS.WritableStream,
): FastifyServerOptions['logger'] => {
  if (config.LOG_LEVEL === 'silent') return false;
  return {
    level: config.LOG_LEVEL,
    ...(stream ? { stream } : {}),
    redact: { paths: redactPaths, censor: redacted },
    serializers: {
      req: (req: LoggedRequest) => ({
        method: req.method,
        url: redactUrl(req.url, req.routeOptions?.url),
        ip: req.ip,
        id: req.id,
      }),
      err: (err: unknown) => serializeError(err),
    },
  };
};
