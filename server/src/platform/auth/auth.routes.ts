import { fromNodeHeaders } from 'better-auth/node';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import type { AppError } from '../errors/app-error.ts';
import { commonError } from '../errors/app-error.ts';
import { requestLanguage } from '../http/language.ts';
import type { Auth } from './auth.ts';
import { authError } from './auth-errors.ts';
import { createSessionTokenReader } from './session-lookup.ts';
import {
  accountNamed,
  auditFailedSignIn,
  auditSignIn,
  auditSignOut,
  type RequestSource,
  type SignInMethod,
  sessionOfToken,
} from './sign-in-events.ts';
import type { Lockout } from './sign-in-lockout.ts';

/** Better Auth's error codes, in the words of our own error table. */
const translate = (code: string | undefined, status: number, retryAfter: string | null): AppError => {
  const seconds = Number(retryAfter ?? 60);
  switch (code) {
    case 'INVALID_EMAIL_OR_PASSWORD':
    case 'INVALID_USERNAME_OR_PASSWORD':
    case 'INVALID_PASSWORD':
    case 'USER_NOT_FOUND':
    case 'CREDENTIAL_ACCOUNT_NOT_FOUND':
      return authError('auth.invalid_credentials');
    case 'ACCOUNT_INACTIVE':
      return authError('auth.inactive');
    default:
      if (status === 429)
        return commonError('request.rate_limited', { seconds }, undefined, { retryAfterSeconds: seconds });
      if (status === 401) return commonError('auth.required');
      if (status === 403) return commonError('auth.forbidden');
      return authError('auth.request_failed');
  }
};

/**
 * The Better Auth endpoints the app uses; every other one (password reset, email change,
 * username availability — an oracle of who has an account —, social sign-in, …) answers 404.
 * `update-user` and `change-password` are our own routes (own-account.routes.ts), audited.
 */
const exposed: Record<string, 'GET' | 'POST'> = {
  '/sign-in/email': 'POST',
  '/sign-in/username': 'POST',
  '/sign-out': 'POST',
  '/get-session': 'GET',
  '/list-sessions': 'GET',
};

/** The page never sees a session token: it lives in the httpOnly cookie only. */
const withoutTokens = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutTokens);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).flatMap(([k, v]) => (k === 'token' ? [] : [[k, withoutTokens(v)]])),
    );
  }
  return value;
};

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * Better Auth behind Fastify: one catch-all route that passes the exposed endpoints on, gates
 * password attempts per account (sign-in-lockout.ts), writes sign-in, failed sign-in and
 * sign-out to the audit log, strips session tokens from the answers and reshapes errors to
 * `{ code, message }` in the caller's language.
 */
export const registerAuthRoutes = (app: FastifyInstance, deps: { auth: Auth; db: Db; lockout: Lockout }) => {
  const { auth, db, lockout } = deps;
  const sessionToken = createSessionTokenReader(auth);

  const sendError = (request: FastifyRequest, reply: FastifyReply, error: AppError, status = error.status) =>
    reply
      .status(status)
      .header('cache-control', 'no-store')
      .type('application/json')
      .send({
        code: error.code,
        message: error.messageIn(requestLanguage(request)),
        requestId: request.id,
        ...(error.details ? { details: error.details } : {}),
      });

  const forward = (request: FastifyRequest) => {
    const url = new URL(request.url, `http://${request.headers.host ?? 'localhost'}`);
    const headers = fromNodeHeaders(request.headers);
    const hasBody = request.method === 'POST' && request.body !== undefined;
    if (hasBody) headers.set('content-type', 'application/json');
    headers.delete('content-length');
    // Better Auth keys rate limits by this header: give it the address Fastify trusts, never the client's claim.
    headers.set('x-forwarded-for', request.ip);
    return auth.handler(
      new Request(url, {
        method: request.method,
        headers,
        body: hasBody ? JSON.stringify(request.body) : undefined,
      }),
    );
  };

  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    handler: async (request, reply) => {
      const path = new URL(request.url, 'http://x').pathname.slice('/api/auth'.length);
      if (exposed[path] !== request.method) throw commonError('request.not_found');
      const source: RequestSource = { requestId: request.id, ip: request.ip };

      // Sign-in: the account's back-off first, then Better Auth's password check.
      let signIn: { method: SignInMethod; subject: string; accountId: string | null } | null = null;
      if (path === '/sign-in/email' || path === '/sign-in/username') {
        const method: SignInMethod = path === '/sign-in/email' ? 'email' : 'username';
        const given = (request.body as Record<string, unknown> | undefined)?.[method];
        if (typeof given === 'string' && given.trim() !== '') {
          const identifier = given.trim().toLowerCase();
          const account = await accountNamed(db, method, identifier);
          // Email and username of one account share one count; an unknown name counts under itself.
          signIn = {
            method,
            subject: account?.id ?? `${method}:${identifier}`,
            accountId: account?.id ?? null,
          };
          const gate = await lockout.attempt(signIn.subject);
          if (!gate.allowed) {
            reply.header('retry-after', String(gate.retryAfterSeconds));
            return sendError(
              request,
              reply,
              authError('auth.sign_in_locked', { seconds: gate.retryAfterSeconds }, undefined, {
                retryAfterSeconds: gate.retryAfterSeconds,
              }),
            );
          }
        }
      }
      const endingSession =
        path === '/sign-out'
          ? await sessionToken(request.headers.cookie).then((t) => (t ? sessionOfToken(db, t) : null))
          : null;

      const response = await forward(request);
      reply.status(response.status);
      reply.header('cache-control', 'no-store');
      for (const cookie of response.headers.getSetCookie()) reply.header('set-cookie', cookie);
      const text = await response.text();

      if (response.status >= 400) {
        const code = (parse(text) as { code?: string } | undefined)?.code;
        const retryAfter = response.headers.get('x-retry-after');
        const error = translate(code, response.status, retryAfter);
        if (signIn && (error.code === 'auth.invalid_credentials' || error.code === 'auth.inactive')) {
          await auditFailedSignIn(db, source, {
            accountId: signIn.accountId,
            method: signIn.method,
            reason: error.code === 'auth.inactive' ? 'inactive' : 'invalid_credentials',
          });
        }
        if (response.status === 429 && retryAfter) reply.header('retry-after', retryAfter);
        return sendError(request, reply, error, response.status === 429 ? 429 : error.status);
      }

      const body = parse(text);
      if (signIn) {
        const token = (body as { token?: unknown } | undefined)?.token;
        if (typeof token === 'string') await auditSignIn(db, source, { token, method: signIn.method });
        await lockout.succeeded(signIn.subject);
      }
      if (endingSession) await auditSignOut(db, source, endingSession);
      const type = response.headers.get('content-type');
      if (type) reply.type(type);
      return reply.send(body === undefined ? text : JSON.stringify(withoutTokens(body)));
    },
  });
};
