import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { asc, desc, eq, gt, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/app.ts';
import { systemContext } from '../../modules/users/first-admin.ts';
import { developmentAuditKey } from '../config.ts';
import type { Db } from '../db/client.ts';
import { auditLog } from './audit.tables.ts';
import { AuditKeyMissing, withAudit } from './audit.ts';
import { auditHash, genesisHash, type HashedFields, sealRow } from './canonical.ts';
import { checkpointProblem, databaseIdentity, readCheckpoints, takeCheckpoint } from './checkpoint.ts';
import { checkpointStep } from './checkpoint-timer.ts';
import { auditKeyring, auditKeys, installAuditKeys, legacyKeyId } from './keys.ts';
import { verifyAuditChain } from './verify-chain.ts';

/**
 * Decision 0020: whoever can switch the append-only triggers off (the table's owner, a superuser)
 * and rewrites or deletes rows — the newest included — is caught by the keyed seal and by the
 * checkpoints kept outside the database.
 */

let t: TestContext;
let db: Db;
let dir: string;
type Row = typeof auditLog.$inferSelect;
let original: Row[];

/** `n` audited writes, as any module makes them. */
const write = async (n: number, entity = 'probe') => {
  for (let i = 0; i < n; i++)
    await withAudit(db, systemContext, async (_tx, audit) =>
      audit({
        action: 'update',
        entity,
        entityId: `${entity}-${i}`,
        changes: [{ field: 'note', before: null, after: `n${i}` }],
      }),
    );
};

/** As the owner would: every ordinary trigger off for this transaction (superuser's `replica` role). */
const asOwner = (work: (tx: Db) => Promise<unknown>) =>
  db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await work(tx as unknown as Db);
  });

const rows = () => db.select().from(auditLog).orderBy(asc(auditLog.seq));
const fieldsOf = (r: Row): HashedFields => ({
  seq: Number(r.seq),
  at: r.at,
  actorId: r.actorId,
  actorName: r.actorName,
  actorRole: r.actorRole,
  centerId: r.centerId,
  action: r.action,
  entity: r.entity,
  entityId: r.entityId,
  changes: r.changes,
  requestId: r.requestId,
  ip: r.ip,
});

const checkpointsIn = async (path: string) => (await readCheckpoints([path])).checkpoints;

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  await write(6);
  original = await rows();
}, 120_000);
afterAll(() => t?.close());

afterEach(async () => {
  // Put the chain back as it was, so each case starts from a sound chain.
  installAuditKeys(auditKeyring(developmentAuditKey));
  await asOwner(async (tx) => {
    await tx.delete(auditLog);
    await tx.insert(auditLog).values(original);
  });
  await rm(dir, { recursive: true, force: true });
});

const freshDir = async () => {
  dir = await mkdtemp(join(tmpdir(), 'atensi-checkpoints-'));
  return dir;
};

describe('audit chain against its owner', () => {
  it('starts sound, sealed with the configured key', async () => {
    await freshDir();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: original.length });
    expect(new Set(original.map((r) => r.keyId))).toEqual(new Set([auditKeys().current.id]));
  });

  it('(a) a rewritten newest row is caught even with its plain SHA-256 recomputed', async () => {
    await freshDir();
    const head = original.at(-1)!;
    const forged = { ...fieldsOf(head), actorName: 'Pemalsu', changes: [] };
    await asOwner((tx) =>
      tx
        .update(auditLog)
        .set({ actorName: 'Pemalsu', changes: [], hash: auditHash(head.prevHash, forged) })
        .where(eq(auditLog.seq, head.seq)),
    );
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false,
      brokenSeq: head.seq,
      reason: 'content does not match its seal',
    });
    // Nor does calling it a row from before the keyed seal help.
    await asOwner((tx) => tx.update(auditLog).set({ keyId: legacyKeyId }).where(eq(auditLog.seq, head.seq)));
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false,
      brokenSeq: head.seq,
      reason: expect.stringMatching(/older key \(sha256\)/),
    });
  });

  it('(b) deleted newest rows are caught by the checkpoint kept outside the database', async () => {
    await freshDir();
    const pinned = await takeCheckpoint({ db, keys: auditKeys(), dir });
    expect(pinned).toMatchObject({ ok: true, checkpoint: { seq: original.length } });
    const keep = original.length - 2;
    await asOwner((tx) => tx.delete(auditLog).where(gt(auditLog.seq, keep)));
    // The chain that is left is sound in itself: only the checkpoint knows it was longer.
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: keep });
    const checkpoints = await checkpointsIn(dir);
    expect(await verifyAuditChain(db, { checkpoints })).toMatchObject({
      ok: false,
      brokenSeq: keep + 1,
      reason: expect.stringMatching(new RegExp(`rows ${keep + 1}–${original.length} are missing`)),
    });
    // Truncated back to nothing: the same.
    await asOwner((tx) => tx.execute(sql`truncate audit_log`));
    expect(await verifyAuditChain(db, { checkpoints })).toMatchObject({ ok: false, brokenSeq: 1 });
    // Deleted and re-appended by the app (a new row where the old ones were): the hash differs.
    await asOwner(async (tx) => {
      await tx.insert(auditLog).values(original.slice(0, keep));
    });
    await write(2, 'after-deletion');
    expect(await verifyAuditChain(db, { checkpoints })).toMatchObject({
      ok: false,
      brokenSeq: original.length,
      reason: expect.stringMatching(/differs from the checkpoint/),
    });
  });

  it('(c) a rewritten middle row is caught, even with every later link recomputed', async () => {
    await freshDir();
    const middle = Math.ceil(original.length / 2);
    // The owner switches the trigger off the other way, and re-links every row after the change.
    await db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    try {
      let prev = original[middle - 2]!.hash;
      for (const r of original.slice(middle - 1)) {
        const fields = { ...fieldsOf(r), actorName: r.seq === middle ? 'Pemalsu' : r.actorName };
        const hash = auditHash(prev, fields);
        await db
          .update(auditLog)
          .set({ actorName: fields.actorName, prevHash: prev, hash })
          .where(eq(auditLog.seq, r.seq));
        prev = hash;
      }
    } finally {
      await db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    }
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false,
      brokenSeq: middle,
      reason: 'content does not match its seal',
    });
  });

  it('refuses a checkpoint altered in its folder, or one of another database', async () => {
    await freshDir();
    await takeCheckpoint({ db, keys: auditKeys(), dir });
    const [file] = (await readCheckpoints([dir])).checkpoints;
    const database = await databaseIdentity(db);
    expect(checkpointProblem(auditKeys(), database, file!)).toBeNull();
    expect(checkpointProblem(auditKeys(), database, { ...file!, seq: file!.seq - 1 })).toMatch(/was altered/);
    expect(checkpointProblem(auditKeys(), `other/${database}`, file!)).toMatch(/another database/);
    expect(checkpointProblem(auditKeyring('k'.repeat(40)), database, file!)).toMatch(/key not configured/);
    // A line that claims to be a checkpoint but is not one is reported, not skipped.
    await writeFile(join(dir, 'broken.jsonl'), '{"seq":1,"mac":"x"}\n');
    expect((await readCheckpoints([dir])).problems).toEqual([expect.stringMatching(/broken\.jsonl:1/)]);
  });

  it('takes checkpoints as the server timer does: file and log line, only when the head moved, never of a broken chain', async () => {
    await freshDir();
    const lines: string[] = [];
    const log = pino(
      { level: 'info' },
      new Writable({
        write(chunk, _e, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const step = checkpointStep({ db, keys: auditKeys(), dir, log });
    expect(await step()).toMatchObject({ seq: original.length });
    expect(await step()).toBeNull();
    await write(1);
    expect(await step()).toMatchObject({ seq: original.length + 1 });
    // The shipped log carries the same checkpoints as the folder: either is enough to verify.
    const logged = lines.filter((l) => l.includes('"auditCheckpoint"'));
    expect(logged).toHaveLength(2);
    const logFile = `${dir}.log`;
    await writeFile(logFile, lines.join(''));
    const fromLog = await checkpointsIn(logFile);
    await rm(logFile);
    expect(fromLog).toEqual(await checkpointsIn(dir));

    await asOwner((tx) => tx.delete(auditLog).where(eq(auditLog.seq, original.length + 1)));
    await write(1, 'after-deletion');
    expect(await step()).toBeNull();
    const broken = lines.filter((l) => l.includes('audit chain broken'));
    expect(broken).toHaveLength(1);
    expect(JSON.parse(broken[0]!)).toMatchObject({ level: 50, audit: { brokenSeq: original.length + 1 } });
    expect(await checkpointsIn(dir)).toHaveLength(2);
    // A new process (a restart) starts from the newest checkpoint in the folder and sees it too.
    const restarted = checkpointStep({ db, keys: auditKeys(), dir, log });
    expect(await restarted()).toBeNull();
    expect(lines.filter((l) => l.includes('audit chain broken'))).toHaveLength(2);
  });

  it('rotates keys: old rows verify with the retired key, which can never follow the new one', async () => {
    await freshDir();
    const oldKey = auditKeys().current.secret;
    const newKey = 'n'.repeat(48);
    const rotated = auditKeyring(newKey, [oldKey]);
    installAuditKeys(rotated);
    await write(2, 'after-rotation');
    const all = await rows();
    expect(all.at(-1)!.keyId).toBe(rotated.current.id);
    expect(all.at(-3)!.keyId).toBe(auditKeyring(oldKey).current.id);
    expect(await verifyAuditChain(db, { keys: rotated })).toMatchObject({ ok: true, rows: all.length });
    // Without the retired key the rows it sealed cannot be checked.
    expect(await verifyAuditChain(db, { keys: auditKeyring(newKey) })).toMatchObject({
      ok: false,
      brokenSeq: 1,
      reason: expect.stringMatching(/key not configured/),
    });
    // A process still on the old key refuses to append after the new key's rows.
    installAuditKeys(auditKeyring(oldKey));
    await expect(write(1)).rejects.toBeInstanceOf(AuditKeyMissing);
    // Whoever holds the retired key cannot re-seal the newest row with it.
    const head = all.at(-1)!;
    const old = auditKeyring(oldKey).current;
    await asOwner((tx) =>
      tx
        .update(auditLog)
        .set({
          actorName: 'Pemalsu',
          keyId: old.id,
          hash: sealRow(old, head.prevHash, { ...fieldsOf(head), actorName: 'Pemalsu' }),
        })
        .where(eq(auditLog.seq, head.seq)),
    );
    expect(await verifyAuditChain(db, { keys: rotated })).toMatchObject({
      ok: false,
      brokenSeq: head.seq,
      reason: expect.stringMatching(/older key/),
    });
  });

  it('verifies rows written before the keyed seal (sha256) as they were, then the sealed ones after them', async () => {
    await freshDir();
    // The chain as migration 0016 found it: plain SHA-256 links named `sha256`.
    await asOwner(async (tx) => {
      await tx.delete(auditLog);
      let prev = genesisHash;
      for (const r of original.slice(0, 3)) {
        const hash = auditHash(prev, fieldsOf(r));
        await tx.insert(auditLog).values({ ...r, prevHash: prev, hash, keyId: legacyKeyId });
        prev = hash;
      }
    });
    await write(2, 'after-upgrade');
    const all = await rows();
    expect(all.map((r) => r.keyId === legacyKeyId)).toEqual([true, true, true, false, false]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 5 });
    // A legacy row may not follow a sealed one.
    const [head] = await db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    await asOwner((tx) =>
      tx
        .update(auditLog)
        .set({ keyId: legacyKeyId, hash: auditHash(head!.prevHash, fieldsOf(head!)) })
        .where(eq(auditLog.seq, head!.seq)),
    );
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenSeq: 5 });
    // An insert that names no key (code from before the change, during a rolling upgrade) is refused.
    const refused = await db
      .execute(
        sql`insert into audit_log (seq, at, action, entity, entity_id, changes, prev_hash, hash)
            values (6, now(), 'update', 'x', 'x', '[]', ${head!.hash}, 'x')`,
      )
      .then(
        () => null,
        (e: Error & { cause?: { code?: string } }) => e.cause?.code,
      );
    expect(refused).toBe('23502');
  });

  it('leaves the checkpoint folder readable as plain JSON lines', async () => {
    await freshDir();
    await takeCheckpoint({ db, keys: auditKeys(), dir });
    const [name] = await readdir(dir);
    expect(name).toMatch(/^audit-checkpoints-\d{4}-\d{2}\.jsonl$/);
    const line = JSON.parse((await readFile(join(dir, name!), 'utf8')).trim());
    expect(Object.keys(line).sort()).toEqual(['at', 'database', 'hash', 'keyId', 'mac', 'seq', 'v']);
    // A head already pinned is not pinned twice.
    const again = await takeCheckpoint({ db, keys: auditKeys(), dir, checkpoints: await checkpointsIn(dir) });
    expect(again).toMatchObject({ ok: true, checkpoint: null });
    expect(await checkpointsIn(dir)).toHaveLength(1);
  });

  // The command needs a database another process can open: PGlite's is this process's own.
  it.skipIf(process.env.ATENSI_TEST_DB !== 'postgres')(
    'npm run audit:verify passes, pins the head, and fails with exit 1 once the newest row is deleted',
    async () => {
      await freshDir();
      const verify = () =>
        new Promise<{ code: number | null; out: string }>((resolve) => {
          const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli/audit-verify.ts'], {
            env: {
              PATH: process.env.PATH,
              NODE_ENV: 'development',
              DATABASE_URL: t.database.url,
              ATENSI_AUDIT_CHECKPOINT_DIR: dir,
            },
          });
          let out = '';
          child.stdout.on('data', (c) => (out += c));
          child.stderr.on('data', (c) => (out += c));
          child.on('close', (code) => resolve({ code, out }));
        });
      const first = await verify();
      expect(first.out).toMatch(new RegExp(`Rantai audit utuh: ${original.length} baris`));
      expect(first.code).toBe(0);
      expect(await checkpointsIn(dir)).toMatchObject([{ seq: original.length }]);
      await asOwner((tx) => tx.delete(auditLog).where(eq(auditLog.seq, original.length)));
      const second = await verify();
      expect(second.out).toMatch(
        new RegExp(`RUSAK pada baris #${original.length}: row ${original.length} is missing`),
      );
      expect(second.code).toBe(1);
    },
    60_000,
  );
});
