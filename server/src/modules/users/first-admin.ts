import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { type AuditContext, appendAudit, withAudit } from '../../platform/audit/audit.ts';
import { setupTokens, users } from '../../platform/auth/auth.tables.ts';
import type { Db } from '../../platform/db/client.ts';
import { createUser } from './users.service.ts';

export const systemContext: AuditContext = {
  actorId: null,
  actorName: 'sistem',
  actorRole: null,
  centerId: null,
  requestId: null,
  ip: null,
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const userCount = async (db: Db): Promise<number> => {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return Number(row?.n ?? 0);
};

/**
 * Production never has a default account. With no user yet, a fresh one-time token is
 * made at each start (older unused ones stop working) and only its hash is stored.
 */
export const issueSetupToken = async (db: Db): Promise<string> => {
  const token = randomBytes(24).toString('base64url');
  await withAudit(db, systemContext, async (tx, audit) => {
    await tx.update(setupTokens).set({ usedAt: new Date() }).where(isNull(setupTokens.usedAt));
    const id = uuidv7();
    await tx.insert(setupTokens).values({ id, tokenHash: sha256(token) });
    audit({ action: 'create', entity: 'setup_token', entityId: id, changes: [] });
  });
  return token;
};

/** True when the token is the current unused one and no user exists yet. */
export const consumeSetupToken = async (tx: Db, token: string): Promise<boolean> => {
  if ((await userCount(tx)) > 0) return false;
  const rows = await tx.select().from(setupTokens).where(isNull(setupTokens.usedAt)).for('update');
  const given = Buffer.from(sha256(token));
  const match = rows.find((r) => timingSafeEqual(Buffer.from(r.tokenHash), given));
  if (!match) return false;
  const usedAt = new Date();
  await tx
    .update(setupTokens)
    .set({ usedAt })
    .where(and(isNull(setupTokens.usedAt), eq(setupTokens.id, match.id)));
  await appendAudit(tx, systemContext, [
    {
      action: 'update',
      entity: 'setup_token',
      entityId: match.id,
      changes: [{ field: 'usedAt', before: null, after: usedAt.toISOString() }],
    },
  ]);
  return true;
};

export const createFirstAdmin = (
  db: Db,
  input: { name: string; email: string; username: string; password: string },
) =>
  createUser({ db, context: systemContext, input: { ...input, roles: [{ role: 'admin', centerId: null }] } });
