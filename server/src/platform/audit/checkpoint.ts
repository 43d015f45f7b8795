import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, open, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { desc, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Db, rowsOf } from '../db/client.ts';
import { auditLog } from './audit.tables.ts';
import { canonicalJson } from './canonical.ts';
import type { AuditKeyring } from './keys.ts';
import { type ChainLink, type ChainReport, verifyAuditChain } from './verify-chain.ts';

/**
 * A checkpoint pins the chain's head outside the database (decision 0020): the row at `seq` had
 * `hash` at `at`. Whoever deletes or rewrites the newest rows cannot take back a checkpoint that
 * was written to a file and a log line shipped elsewhere; `mac` (key `keyId`) shows it was written
 * by Atensi, not by whoever has the folder.
 */
export const checkpointSchema = z.object({
  v: z.literal(1),
  /** The database it belongs to: `<system identifier>/<database name>`. */
  database: z.string().min(1).max(200),
  seq: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.iso.datetime(),
  keyId: z.string().min(1).max(64),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

type CheckpointBody = Omit<Checkpoint, 'mac'>;

const macOf = (secret: string, body: CheckpointBody): string =>
  createHmac('sha256', secret).update('atensi-audit-checkpoint\n').update(canonicalJson(body)).digest('hex');

/** Which database this is: a checkpoint of another one must not be compared with it. */
export const databaseIdentity = async (db: Db): Promise<string> => {
  const [row] = rowsOf<{ id: string }>(
    await db.execute(
      sql`select (select system_identifier::text from pg_control_system()) || '/' || current_database() as id`,
    ),
  );
  return row!.id;
};

/** The newest row of the chain, or null while the log is empty. */
export const chainHead = async (db: Db): Promise<ChainLink | null> => {
  const [row] = await db
    .select({ seq: auditLog.seq, hash: auditLog.hash, keyId: auditLog.keyId })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return row ? { seq: Number(row.seq), hash: row.hash, keyId: row.keyId } : null;
};

export const sealCheckpoint = (
  keys: AuditKeyring,
  head: { seq: number; hash: string },
  database: string,
  at = new Date(),
): Checkpoint => {
  const body: CheckpointBody = {
    v: 1,
    database,
    seq: head.seq,
    hash: head.hash,
    at: at.toISOString(),
    keyId: keys.current.id,
  };
  return { ...body, mac: macOf(keys.current.secret, body) };
};

/** Why a checkpoint cannot be trusted for this database, or null when it can. */
export const checkpointProblem = (keys: AuditKeyring, database: string, c: Checkpoint): string | null => {
  const key = keys.byId.get(c.keyId);
  if (!key) return `checkpoint of ${c.at} is sealed with a key not configured here (${c.keyId})`;
  const { mac, ...body } = c;
  const expected = Buffer.from(macOf(key.secret, body), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(mac, 'hex'))) return `checkpoint of ${c.at} was altered`;
  if (c.database !== database)
    return `checkpoint of ${c.at} belongs to another database (${c.database}; this one is ${database})`;
  return null;
};

/** One file a month, one JSON line a checkpoint. */
const fileFor = (dir: string, at: string) => join(dir, `audit-checkpoints-${at.slice(0, 7)}.jsonl`);

/** Appends the checkpoint to its month's file and flushes it to disk before answering. */
export const writeCheckpoint = async (dir: string, checkpoint: Checkpoint): Promise<string> => {
  await mkdir(dir, { recursive: true });
  const path = fileFor(dir, checkpoint.at);
  const file = await open(path, 'a', 0o640);
  try {
    await file.write(`${JSON.stringify(checkpoint)}\n`);
    await file.sync();
  } finally {
    await file.close();
  }
  return path;
};

/** A line is a checkpoint, or a log line that carries one (`auditCheckpoint`), or neither. */
const checkpointIn = (line: string): unknown => {
  if (!line.includes('"mac"')) return undefined;
  try {
    const value = JSON.parse(line) as Record<string, unknown>;
    return value.auditCheckpoint ?? value;
  } catch {
    return null;
  }
};

/**
 * The checkpoints in these files or folders (every `.jsonl`/`.log` file inside): the checkpoint
 * folder, and copies shipped elsewhere, such as the server's log. A line that looks like a
 * checkpoint but is not one is a problem, not something to skip.
 */
export const readCheckpoints = async (
  paths: readonly string[],
): Promise<{ checkpoints: Checkpoint[]; problems: string[] }> => {
  const checkpoints: Checkpoint[] = [];
  const problems: string[] = [];
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) continue;
    if (info.isDirectory()) {
      for (const name of (await readdir(path)).sort())
        if (/\.(jsonl|log)$/.test(name)) files.push(join(path, name));
    } else files.push(path);
  }
  for (const file of files) {
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines.forEach((line, i) => {
      const found = checkpointIn(line);
      if (found === undefined) return;
      const parsed = checkpointSchema.safeParse(found);
      if (parsed.success) checkpoints.push(parsed.data);
      else problems.push(`${file}:${i + 1} is not a readable checkpoint`);
    });
  }
  return { checkpoints, problems };
};

export type CheckpointResult =
  | { ok: true; checkpoint: Checkpoint | null; report: ChainReport & { ok: true } }
  | { ok: false; report: ChainReport & { ok: false } };

/**
 * Verifies the rows after `after` (all of them without it) and, when they hold, pins the head in
 * `dir`. A broken chain is not pinned: a checkpoint must only ever vouch for a verified head.
 */
export const takeCheckpoint = async (opts: {
  db: Db;
  keys: AuditKeyring;
  dir: string;
  after?: { seq: number; hash: string } | null;
  checkpoints?: readonly Checkpoint[];
}): Promise<CheckpointResult> => {
  const { db, keys, dir } = opts;
  const report = await verifyAuditChain(db, {
    keys,
    ...(opts.after ? { after: opts.after } : {}),
    ...(opts.checkpoints ? { checkpoints: opts.checkpoints } : {}),
  });
  if (!report.ok) return { ok: false, report };
  const head = report.head;
  if (!head) return { ok: true, checkpoint: null, report };
  // Pinned already by a checkpoint it was given: nothing new to vouch for.
  if (opts.checkpoints?.some((c) => c.seq === head.seq && c.hash === head.hash))
    return { ok: true, checkpoint: null, report };
  const checkpoint = sealCheckpoint(keys, head, await databaseIdentity(db));
  await writeCheckpoint(dir, checkpoint);
  return { ok: true, checkpoint, report };
};
