import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config.ts';

/** Query parameters whose values may be personal data: never written to the log. */
const secretParams = new Set(['q', 'nik', 'kk', 'phone', 'name', 'token']);

export const redactUrl = (url: string): string => {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  for (const key of [...params.keys()]) if (secretParams.has(key)) params.set(key, '[redacted]');
  return `${url.slice(0, at)}?${params.toString()}`;
};

/** Paths pino blanks out wherever a module logs an object: NIK, KK, phone, secrets. */
export const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  ...['nik', 'kk', 'kkNumber', 'phone', 'password', 'token'].flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
];

export const loggerOptions = (config: Config): FastifyServerOptions['logger'] => {
  if (config.LOG_LEVEL === 'silent') return false;
  return {
    level: config.LOG_LEVEL,
    redact: { paths: redactPaths, censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; ip?: string; id?: string }) => ({
        method: req.method,
        url: redactUrl(req.url),
        ip: req.ip,
        id: req.id,
      }),
    },
  };
};
