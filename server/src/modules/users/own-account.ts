import type { AuditChange, ChangeOwnPasswordInput, OwnAccount, UpdateOwnAccountInput } from '@atensi/domain';
import { and, eq, ne } from 'drizzle-orm';
import { type AuditContext, withAudit } from '../../platform/audit/audit.ts';
import { diffRecords } from '../../platform/audit/changes.ts';
import { accounts, sessions, users } from '../../platform/auth/auth.tables.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/auth.ts';
import { authError, passwordError } from '../../platform/auth/auth-errors.ts';
import { identityWords, passwordProblem } from '../../platform/auth/password-policy.ts';
import type { Lockout } from '../../platform/auth/sign-in-lockout.ts';
import type { Db } from '../../platform/db/client.ts';
import { userError } from './users.errors.ts';

/** What the audit shows of a password: that it changed, never a character of it or of its hash. */
const masked = '********';

const present = (row: typeof users.$inferSelect): OwnAccount => ({
  id: row.id,
  name: row.name,
  email: row.email,
  username: row.username,
});

/**
 * A person renames themselves. Their username is theirs to keep, not to change: it names them
 * in the audit log and on letters, and administrators manage it (decision 0018).
 */
export const updateOwnAccount = async (opts: {
  db: Db;
  context: AuditContext;
  userId: string;
  input: UpdateOwnAccountInput;
}): Promise<OwnAccount> => {
  const { db, context, userId, input } = opts;
  return withAudit(db, context, async (tx, audit) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!before) throw userError('user.not_found');
    for (const field of ['username', 'displayUsername'] as const) {
      const asked = input[field]?.trim().toLowerCase();
      if (asked !== undefined && asked !== before.username) {
        throw authError('auth.username_self_change', {}, [
          { path: field, message: authError('auth.username_self_change').localised },
        ]);
      }
    }
    if (input.name === undefined || input.name === before.name) return present(before);
    const [after] = await tx
      .update(users)
      .set({ name: input.name, version: before.version + 1, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning();
    audit({ action: 'update', entity: 'user', entityId: userId, changes: diffRecords(before, after!) });
    return present(after!);
  });
};

/**
 * A person changes their own password: the current one is checked under the same back-off as
 * sign-in (a stolen session cannot guess it quickly), the new one by the one password rule with
 * their own words; the change, the end of their other sessions if asked, and the audit row are
 * one transaction.
 */
export const changeOwnPassword = async (opts: {
  db: Db;
  context: AuditContext;
  userId: string;
  currentSessionToken: string | null;
  input: ChangeOwnPasswordInput;
  lockout: Lockout;
}): Promise<{ retryAfterSeconds: number } | { changed: true }> => {
  const { db, context, userId, input, lockout } = opts;
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw userError('user.not_found');
  const problem = passwordProblem(input.newPassword, { userInputs: identityWords(user) });
  if (problem) throw passwordError(problem, 'newPassword');
  const gate = await lockout.attempt(userId);
  if (!gate.allowed) return { retryAfterSeconds: gate.retryAfterSeconds };
  const credential = and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential'));
  const [account] = await db.select({ password: accounts.password }).from(accounts).where(credential);
  if (!account?.password || !(await verifyPassword(account.password, input.currentPassword))) {
    throw authError('auth.wrong_current_password', {}, [
      { path: 'currentPassword', message: authError('auth.wrong_current_password').localised },
    ]);
  }
  const hash = await hashPassword(input.newPassword);
  await withAudit(db, context, async (tx, audit) => {
    await tx.update(accounts).set({ password: hash, updatedAt: new Date() }).where(credential);
    const changes: AuditChange[] = [{ field: 'password', before: masked, after: masked }];
    if (input.revokeOtherSessions) {
      const others = and(
        eq(sessions.userId, userId),
        opts.currentSessionToken ? ne(sessions.token, opts.currentSessionToken) : undefined,
      );
      const ended = await tx.delete(sessions).where(others).returning({ id: sessions.id });
      changes.push({ field: 'otherSessionsEnded', before: null, after: ended.length });
    }
    audit({ action: 'update', entity: 'user', entityId: userId, changes });
  });
  await lockout.succeeded(userId);
  return { changed: true };
};
