import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { accounts, sessions } from './auth.tables.ts';
import { hashPassword } from './auth.ts';

/** The credential account Better Auth signs in against (provider `credential`). */
export const createCredentialAccount = async (
  tx: Db,
  opts: { id: string; userId: string; password: string },
) => {
  await tx.insert(accounts).values({
    id: opts.id,
    accountId: opts.userId,
    providerId: 'credential',
    userId: opts.userId,
    password: await hashPassword(opts.password),
  });
};

/** Ends every session of a user at once (deactivation, role loss). */
export const endSessions = async (tx: Db, userId: string): Promise<number> => {
  const ended = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return ended.length;
};
