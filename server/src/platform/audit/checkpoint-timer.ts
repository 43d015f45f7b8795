import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.ts';
import {
  chainHead,
  checkpointProblem,
  databaseIdentity,
  readCheckpoints,
  takeCheckpoint,
} from './checkpoint.ts';
import type { AuditKeyring } from './keys.ts';

type Pinned = { seq: number; hash: string };

/** The newest checkpoint in the folder that this database and these keys accept. */
const newestTrusted = async (db: Db, keys: AuditKeyring, dir: string, log: FastifyBaseLogger) => {
  const { checkpoints, problems } = await readCheckpoints([dir]);
  const database = await databaseIdentity(db);
  for (const c of checkpoints) {
    const problem = checkpointProblem(keys, database, c);
    if (problem) problems.push(problem);
  }
  // Told once at start; `npm run audit:verify` fails on them until someone looks.
  if (problems.length > 0)
    log.error({ audit: { dir, problems: problems.slice(0, 10) } }, 'audit checkpoints not trusted');
  const trusted = checkpoints.filter((c) => !checkpointProblem(keys, database, c));
  return trusted.sort((a, b) => b.seq - a.seq)[0] ?? null;
};

/**
 * One checkpoint step: when the head moved since the last checkpoint, verify the rows after it
 * and pin the new head (file + log line). Returns what it pinned, or null. A broken chain is
 * logged as an error on every step until it is looked at, and never pinned.
 */
export const checkpointStep = (opts: { db: Db; keys: AuditKeyring; dir: string; log: FastifyBaseLogger }) => {
  const { db, keys, dir, log } = opts;
  let last: Pinned | null | undefined;
  return async (): Promise<Pinned | null> => {
    if (last === undefined) last = await newestTrusted(db, keys, dir, log);
    const head = await chainHead(db);
    if (!head && !last) return null;
    if (head && last && head.seq === last.seq && head.hash === last.hash) return null;
    const result = await takeCheckpoint({ db, keys, dir, after: last });
    if (!result.ok) {
      log.error(
        { audit: { brokenSeq: result.report.brokenSeq, reason: result.report.reason } },
        'audit chain broken',
      );
      return null;
    }
    if (!result.checkpoint) return null;
    log.info({ auditCheckpoint: result.checkpoint }, 'audit checkpoint');
    last = { seq: result.checkpoint.seq, hash: result.checkpoint.hash };
    return last;
  };
};

/**
 * Takes a checkpoint now and every `everyMs` (the server; in-process on PGlite too). Returns the
 * stop function, which waits for a step under way.
 */
export const startAuditCheckpoints = (
  opts: { db: Db; keys: AuditKeyring; dir: string; log: FastifyBaseLogger },
  everyMs: number,
): (() => Promise<void>) => {
  const step = checkpointStep(opts);
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    running = step()
      .catch((err: unknown) => opts.log.error({ err }, 'audit checkpoint failed'))
      .finally(() => {
        busy = false;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
};
