import { asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog } from './audit.tables.ts';
import { auditHash, genesisHash, type HashedFields, sealRow } from './canonical.ts';
import { type AuditKeyring, auditKeys, legacyKeyId } from './keys.ts';

/** A row of the chain as a checkpoint or a verification names it. */
export type ChainLink = { seq: number; hash: string; keyId: string };

/** What a checkpoint pins: the row at `seq` had `hash` when it was taken at `at`. */
export type PinnedHead = { seq: number; hash: string; at: string };

export type VerifyOptions = {
  /** Keys to check the seals with; the installed ones by default. */
  keys?: AuditKeyring;
  /** Checkpoints (from outside the database) the chain must still contain. */
  checkpoints?: readonly PinnedHead[];
  /**
   * Start after this row (the last checkpoint this process took) instead of the chain's start: the
   * row must still hold this hash; the rows before it are not read again.
   */
  after?: { seq: number; hash: string };
  batchSize?: number;
};

export type ChainReport =
  | { ok: true; rows: number; head: ChainLink | null; checkpointsMatched: number }
  | { ok: false; rows: number; brokenSeq: number; reason: string };

const fieldsOf = (row: typeof auditLog.$inferSelect): HashedFields => ({
  seq: Number(row.seq),
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

/**
 * Recomputes the chain in order and names the first row that does not fit: a missing row, a
 * broken link, a seal that does not match (content changed), a key it does not know or one older
 * than a key used before it (a retired key re-sealing newer rows), a row that differs from a
 * checkpoint, and rows missing at the end that a checkpoint saw (the newest rows deleted).
 */
export const verifyAuditChain = async (db: Db, options: VerifyOptions = {}): Promise<ChainReport> => {
  const keys = options.keys ?? auditKeys();
  const batchSize = options.batchSize ?? 5000;
  const pinned = new Map<number, PinnedHead>();
  for (const c of options.checkpoints ?? []) {
    const seen = pinned.get(c.seq);
    if (seen && seen.hash !== c.hash)
      return {
        ok: false,
        rows: 0,
        brokenSeq: c.seq,
        reason: `checkpoints disagree on row ${c.seq} (${seen.at}, ${c.at})`,
      };
    if (!seen || c.at > seen.at) pinned.set(c.seq, c);
  }
  const start = options.after;
  let startKey = legacyKeyId;
  if (start) {
    const [row] = await db
      .select({ hash: auditLog.hash, keyId: auditLog.keyId })
      .from(auditLog)
      .where(eq(auditLog.seq, start.seq));
    if (row?.hash !== start.hash)
      return {
        ok: false,
        rows: 0,
        brokenSeq: start.seq,
        reason: `row ${start.seq} is missing or differs from the checkpoint this check starts from`,
      };
    startKey = row.keyId;
  }
  let prevHash = start?.hash ?? genesisHash;
  let expectedSeq = (start?.seq ?? 0) + 1;
  let maxRank = keys.rank(startKey) ?? 0;
  let head: ChainLink | null = start ? { seq: start.seq, hash: start.hash, keyId: startKey } : null;
  let rows = 0;
  let matched = 0;
  const broken = (brokenSeq: number, reason: string): ChainReport => ({ ok: false, rows, brokenSeq, reason });
  for (let after = start?.seq ?? 0; ; ) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, after))
      .orderBy(asc(auditLog.seq))
      .limit(batchSize);
    if (batch.length === 0) break;
    for (const row of batch) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return broken(expectedSeq, `row ${expectedSeq} is missing`);
      if (row.prevHash !== prevHash) return broken(seq, 'prev_hash does not match the row before');
      const rank = keys.rank(row.keyId);
      if (rank === undefined) return broken(seq, `sealed with a key not configured here (${row.keyId})`);
      if (rank < maxRank) return broken(seq, `sealed with an older key (${row.keyId}) than a row before it`);
      const fields = fieldsOf(row);
      const expected =
        row.keyId === legacyKeyId
          ? auditHash(prevHash, fields)
          : sealRow(keys.byId.get(row.keyId)!, prevHash, fields);
      if (expected !== row.hash)
        return broken(
          seq,
          row.keyId === legacyKeyId ? 'content does not match its hash' : 'content does not match its seal',
        );
      const checkpoint = pinned.get(seq);
      if (checkpoint) {
        if (checkpoint.hash !== row.hash)
          return broken(seq, `row differs from the checkpoint taken at ${checkpoint.at}`);
        matched += 1;
      }
      maxRank = rank;
      prevHash = row.hash;
      head = { seq, hash: row.hash, keyId: row.keyId };
      expectedSeq += 1;
      rows += 1;
      after = seq;
    }
  }
  const last = head?.seq ?? 0;
  const beyond = [...pinned.values()].filter((c) => c.seq > last).sort((a, b) => b.seq - a.seq)[0];
  if (beyond) {
    const missing = beyond.seq === last + 1 ? `row ${beyond.seq} is` : `rows ${last + 1}–${beyond.seq} are`;
    return broken(
      last + 1,
      `${missing} missing: the checkpoint taken at ${beyond.at} saw the chain up to row ${beyond.seq}`,
    );
  }
  return { ok: true, rows, head, checkpointsMatched: matched };
};
