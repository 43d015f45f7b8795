import { eq } from 'drizzle-orm';
import { type AuditContext, withAudit } from '../audit/audit.ts';
import type { Db } from '../db/client.ts';
import { sessions, users } from './auth.tables.ts';

export type SignInMethod = 'email' | 'username';

/** Where the request came from; who acted is filled in per event. */
export type RequestSource = { requestId: string; ip: string };

const anonymous = (from: RequestSource): AuditContext => ({
  actorId: null,
  actorName: null,
  actorRole: null,
  centerId: null,
  requestId: from.requestId,
  ip: from.ip,
});

/** The account a sign-in names, if there is one: one lookup on a unique column either way. */
export const accountNamed = async (db: Db, method: SignInMethod, identifier: string) => {
  const column = method === 'email' ? users.email : users.username;
  const [row] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(column, identifier))
    .limit(1);
  return row ?? null;
};

/**
 * A successful sign-in, in the audit log under the user, naming the new session (never its
 * token). If the row cannot be written the session is ended: no session without its entry.
 */
export const auditSignIn = async (
  db: Db,
  from: RequestSource,
  input: { token: string; method: SignInMethod },
): Promise<void> => {
  const session = await sessionOfToken(db, input.token);
  if (!session) return;
  try {
    const context = { ...anonymous(from), actorId: session.userId, actorName: session.name };
    await withAudit(db, context, async (_tx, audit) =>
      audit({
        action: 'login',
        entity: 'user',
        entityId: session.userId,
        changes: [
          { field: 'method', before: null, after: input.method },
          { field: 'sessionId', before: null, after: session.id },
        ],
      }),
    );
  } catch (error) {
    await db.delete(sessions).where(eq(sessions.id, session.id));
    throw error;
  }
};

/**
 * A refused password (or a deactivated account), under the account tried when it exists.
 * Never what was typed: not the password, and not an unknown name (people type their password
 * into the name field). Written only for attempts that passed both the per-address limit and
 * the account's back-off, so the rows an attacker can cause are bounded by those limits.
 */
export const auditFailedSignIn = async (
  db: Db,
  from: RequestSource,
  input: { accountId: string | null; method: SignInMethod; reason: 'invalid_credentials' | 'inactive' },
): Promise<void> => {
  await withAudit(db, anonymous(from), async (_tx, audit) =>
    audit({
      action: 'login_failed',
      entity: 'user',
      entityId: input.accountId ?? 'unknown',
      changes: [
        { field: 'method', before: null, after: input.method },
        { field: 'reason', before: null, after: input.reason },
      ],
    }),
  );
};

/** The session a sign-out is about to end, read before Better Auth deletes it. */
export const sessionOfToken = async (db: Db, token: string) => {
  const [row] = await db
    .select({ id: sessions.id, userId: sessions.userId, name: users.name })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.token, token));
  return row ?? null;
};

export const auditSignOut = async (
  db: Db,
  from: RequestSource,
  session: { id: string; userId: string; name: string },
): Promise<void> => {
  const context = { ...anonymous(from), actorId: session.userId, actorName: session.name };
  await withAudit(db, context, async (_tx, audit) =>
    audit({
      action: 'logout',
      entity: 'user',
      entityId: session.userId,
      changes: [{ field: 'sessionId', before: session.id, after: null }],
    }),
  );
};
