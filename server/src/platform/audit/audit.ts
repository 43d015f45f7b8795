import type { AuditAction, AuditChange } from '@atensi/domain';
import { desc, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog } from './audit.tables.ts';
import { auditHash, genesisHash } from './canonical.ts';

/** Who did it, from where: filled from the request by the HTTP layer. */
export type AuditContext = {
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  centerId: string | null;
  requestId: string | null;
  ip: string | null;
};

export type AuditRecord = { action: AuditAction; entity: string; entityId: string; changes: AuditChange[] };

/** Any number: one advisory lock serialises appends so the chain has no forks. */
const chainLock = 7_402_912;

/**
 * Appends rows to the chain inside the caller's transaction. Call it last in the
 * transaction (see `withAudit`) so the chain lock is the last lock taken: no deadlock with
 * row locks, and the lock is held only until commit.
 */
export const appendAudit = async (tx: Db, context: AuditContext, records: AuditRecord[]): Promise<void> => {
  if (records.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${chainLock})`);
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  let seq = Number(last?.seq ?? 0);
  let prevHash = last?.hash ?? genesisHash;
  const at = new Date();
  const rows = records.map((r) => {
    seq += 1;
    const fields = { seq, at, ...context, ...r };
    const hash = auditHash(prevHash, fields);
    const row = { ...fields, prevHash, hash };
    prevHash = hash;
    return row;
  });
  await tx.insert(auditLog).values(rows);
};

/**
 * Runs `work` in one transaction and appends the audit rows it collected before commit:
 * the change and its audit row land together or not at all.
 */
export const withAudit = async <T>(
  db: Db,
  context: AuditContext,
  work: (tx: Db, audit: (record: AuditRecord) => void) => Promise<T>,
): Promise<T> =>
  db.transaction(async (tx) => {
    const records: AuditRecord[] = [];
    const result = await work(tx as unknown as Db, (r) => records.push(r));
    await appendAudit(tx as unknown as Db, context, records);
    return result;
  });
