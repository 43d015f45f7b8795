import { limits } from '@atensi/domain';
import { fromNodeHeaders } from 'better-auth/node';
import type { FastifyInstance } from 'fastify';
import type { AppError } from '../errors/app-error.ts';
import { commonError } from '../errors/app-error.ts';
import { requestLanguage } from '../http/language.ts';
import type { Auth } from './auth.ts';
import { authError } from './auth-errors.ts';

/** Better Auth's error codes, in the words of our own error table. */
const translate = (code: string | undefined, status: number, retryAfter: string | null): AppError => {
  switch (code) {
    case 'INVALID_EMAIL_OR_PASSWORD':
    case 'INVALID_USERNAME_OR_PASSWORD':
    case 'INVALID_PASSWORD':
    case 'USER_NOT_FOUND':
    case 'CREDENTIAL_ACCOUNT_NOT_FOUND':
      return authError('auth.invalid_credentials');
    case 'ACCOUNT_INACTIVE':
      return authError('auth.inactive');
    case 'PASSWORD_TOO_SHORT':
      return authError('auth.password_too_short', { min: limits.passwordMin });
    case 'PASSWORD_TOO_LONG':
      return authError('auth.password_too_long', { max: limits.passwordMax });
    case 'PASSWORD_TOO_COMMON':
      return authError('auth.password_too_common');
    case 'PASSWORD_CONTAINS_IDENTITY':
      return authError('auth.password_contains_identity');
    default:
      if (status === 429) return commonError('request.rate_limited', { seconds: retryAfter ?? 60 });
      if (status === 401) return commonError('auth.required');
      if (status === 403) return commonError('auth.forbidden');
      return authError('auth.request_failed');
  }
};

/** Better Auth behind Fastify: one catch-all route, errors reshaped to `{ code, message }` in the caller's language. */
export const registerAuthRoutes = (app: FastifyInstance, auth: Auth) => {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    handler: async (request, reply) => {
      const url = new URL(request.url, `http://${request.headers.host ?? 'localhost'}`);
      const headers = fromNodeHeaders(request.headers);
      const hasBody = request.method === 'POST' && request.body !== undefined;
      if (hasBody) headers.set('content-type', 'application/json');
      headers.delete('content-length');
      // Better Auth keys rate limits by this header: give it the address Fastify trusts, never the client's claim.
      headers.set('x-forwarded-for', request.ip);
      const response = await auth.handler(
        new Request(url, {
          method: request.method,
          headers,
          body: hasBody ? JSON.stringify(request.body) : undefined,
        }),
      );
      reply.status(response.status);
      reply.header('cache-control', 'no-store');
      for (const cookie of response.headers.getSetCookie()) reply.header('set-cookie', cookie);
      const text = await response.text();
      if (response.status >= 400) {
        let code: string | undefined;
        try {
          code = (JSON.parse(text) as { code?: string }).code;
        } catch {
          code = undefined;
        }
        const error = translate(code, response.status, response.headers.get('x-retry-after'));
        const lang = requestLanguage(request);
        const status = response.status === 429 ? 429 : error.status;
        return reply
          .status(status)
          .type('application/json')
          .send({ code: error.code, message: error.messageIn(lang), requestId: request.id });
      }
      const type = response.headers.get('content-type');
      if (type) reply.type(type);
      return reply.send(text);
    },
  });
};
