import { asc, gt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog } from './audit.tables.ts';
import { auditHash, genesisHash } from './canonical.ts';

export type ChainReport =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenSeq: number; reason: string };

/** Recomputes the whole chain in order and names the first row that does not fit. */
export const verifyAuditChain = async (db: Db, batchSize = 5000): Promise<ChainReport> => {
  let prevHash = genesisHash;
  let expectedSeq = 1;
  let rows = 0;
  let after = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, after))
      .orderBy(asc(auditLog.seq))
      .limit(batchSize);
    if (batch.length === 0) return { ok: true, rows };
    for (const row of batch) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq)
        return { ok: false, rows, brokenSeq: expectedSeq, reason: `row ${expectedSeq} is missing` };
      if (row.prevHash !== prevHash)
        return { ok: false, rows, brokenSeq: seq, reason: 'prev_hash does not match the row before' };
      const recomputed = auditHash(prevHash, {
        seq,
        at: row.at,
        actorId: row.actorId,
        actorName: row.actorName,
        actorRole: row.actorRole,
        centerId: row.centerId,
        action: row.action,
        entity: row.entity,
        entityId: row.entityId,
        changes: row.changes,
        requestId: row.requestId,
        ip: row.ip,
      });
      if (recomputed !== row.hash)
        return { ok: false, rows, brokenSeq: seq, reason: 'content does not match its hash' };
      prevHash = row.hash;
      expectedSeq += 1;
      rows += 1;
      after = seq;
    }
  }
};
