import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { sessions, users } from './auth.tables.ts';
import type { Auth } from './auth.ts';

export type SessionUser = {
  userId: string;
  name: string;
  email: string;
  username: string | null;
};

/** The first cookie of that name in a `Cookie` header, unquoted and URI-decoded as Better Auth reads it. */
const cookieValue = (header: string, name: string): string | null => {
  for (const part of header.split(';')) {
    const eqAt = part.indexOf('=');
    if (eqAt < 0 || part.slice(0, eqAt).trim() !== name) continue;
    let value = part.slice(eqAt + 1).trim();
    if (value.startsWith('"')) value = value.slice(1, -1);
    try {
      return value.includes('%') ? decodeURIComponent(value) : value;
    } catch {
      return value;
    }
  }
  return null;
};

/**
 * The token of Better Auth's signed session cookie (`token.base64(HMAC-SHA256(secret, token))`),
 * or null when the cookie is missing or its signature is not ours: a forged cookie never
 * reaches the database.
 */
export const signedSessionToken = (header: string, name: string, secret: string): string | null => {
  const value = cookieValue(header, name);
  if (!value) return null;
  const at = value.lastIndexOf('.');
  if (at < 1) return null;
  const token = value.slice(0, at);
  const signature = Buffer.from(value.slice(at + 1));
  const expected = Buffer.from(createHmac('sha256', secret).update(token).digest('base64'));
  return signature.length === expected.length && timingSafeEqual(signature, expected) ? token : null;
};

/**
 * Resolves a request's session cookie to its user with one prepared query (session joined to user),
 * instead of Better Auth's `getSession` endpoint (cookie parsing through Web `Headers`, a
 * WebCrypto key import per call, the adapter, output parsing). Same rules, read from Better
 * Auth's own resolved settings: an expired session is deleted; a session older than
 * `maxAgeMs` (absolute limit) or of a deactivated user is deleted at once; an active session
 * is pushed `expiresIn` further once `updateAge` has passed (idle expiry). Nothing is cached:
 * a session deleted by sign-out or deactivation fails the very next request.
 */
export const createSessionLookup = (auth: Auth, db: Db, maxAgeMs: number) => {
  const settings = auth.$context.then((ctx) => ({
    cookieName: ctx.authCookies.sessionToken.name,
    secret: ctx.secret,
    expiresInMs: ctx.sessionConfig.expiresIn * 1000,
    updateAgeMs: ctx.sessionConfig.updateAge * 1000,
  }));

  // Prepared once: every authenticated request runs it.
  const lookup = db
    .select({
      sessionId: sessions.id,
      createdAt: sessions.createdAt,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      name: users.name,
      email: users.email,
      username: users.username,
      active: users.active,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.token, sql.placeholder('token')))
    .prepare('atensi_session_lookup');

  return async (cookieHeader: string | undefined): Promise<SessionUser | null> => {
    if (!cookieHeader) return null;
    const { cookieName, secret, expiresInMs, updateAgeMs } = await settings;
    const token = signedSessionToken(cookieHeader, cookieName, secret);
    if (!token) return null;
    const [row] = await lookup.execute({ token });
    if (!row) return null;
    const now = Date.now();
    if (row.expiresAt.getTime() <= now || now - row.createdAt.getTime() > maxAgeMs || !row.active) {
      await db.delete(sessions).where(eq(sessions.id, row.sessionId));
      return null;
    }
    if (row.expiresAt.getTime() - expiresInMs + updateAgeMs <= now) {
      const touched = await db
        .update(sessions)
        .set({ expiresAt: new Date(now + expiresInMs), updatedAt: new Date(now) })
        .where(eq(sessions.id, row.sessionId))
        .returning({ id: sessions.id });
      // Signed out between the read and the write: the session is gone.
      if (touched.length === 0) return null;
    }
    return { userId: row.userId, name: row.name, email: row.email, username: row.username };
  };
};

/** The verified session token of a request's cookie, or null: for routes that act on "this session". */
export const createSessionTokenReader = (auth: Auth) => {
  const settings = auth.$context.then((ctx) => ({
    cookieName: ctx.authCookies.sessionToken.name,
    secret: ctx.secret,
  }));
  return async (cookieHeader: string | undefined): Promise<string | null> => {
    if (!cookieHeader) return null;
    const { cookieName, secret } = await settings;
    return signedSessionToken(cookieHeader, cookieName, secret);
  };
};
