import type { AuditAction, AuditChange } from '@atensi/domain';
import { desc, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog } from './audit.tables.ts';
import { genesisHash, sealRow } from './canonical.ts';
import { auditKeys } from './keys.ts';

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
  const keys = auditKeys();
  await tx.execute(sql`select pg_advisory_xact_lock(${chainLock})`);
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash, keyId: auditLog.keyId })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  // A head sealed with a key this process does not hold: a newer key is in use (a rotation is
  // rolling out) or the row is forged. Appending would put an older key after a newer one.
  if (last && keys.rank(last.keyId) === undefined) throw new AuditKeyMissing(last.keyId);
  let seq = Number(last?.seq ?? 0);
  let prevHash = last?.hash ?? genesisHash;
  const at = new Date();
  const key = keys.current;
  const rows = records.map((r) => {
    seq += 1;
    const fields = { seq, at, ...context, ...r };
    const hash = sealRow(key, prevHash, fields);
    const row = { ...fields, prevHash, hash, keyId: key.id };
    prevHash = hash;
    return row;
  });
  await tx.insert(auditLog).values(rows);
};

/** Refuses to append: the chain's head names a key this process was not configured with. */
export class AuditKeyMissing extends Error {
  override name = 'AuditKeyMissing';
  constructor(keyId: string) {
    super(
      `the newest audit row is sealed with key ${keyId}, which this process does not hold: restart it with the current ATENSI_AUDIT_KEY (decision 0020)`,
    );
  }
}

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
