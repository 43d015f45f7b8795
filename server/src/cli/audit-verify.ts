import { parseArgs } from 'node:util';
import {
  checkpointProblem,
  databaseIdentity,
  readCheckpoints,
  takeCheckpoint,
} from '../platform/audit/checkpoint.ts';
import { installConfiguredAuditKeys } from '../platform/audit/keys.ts';
import { loadConfig } from '../platform/config.ts';
import { openConfiguredDatabase } from '../platform/db/client.ts';
import { runCli } from './run-cli.ts';

/**
 * `npm run audit:verify [-- --checkpoints <file or folder>…]`: recompute every seal of the audit
 * chain and compare it with every checkpoint in ATENSI_AUDIT_CHECKPOINT_DIR and in the copies
 * named (the shipped server log, a backup of the folder); exit 1 naming the first broken row.
 * When the chain holds, its head is pinned by a new checkpoint (decision 0020).
 */
await runCli(async () => {
  const { values } = parseArgs({ options: { checkpoints: { type: 'string', multiple: true } } });
  const config = loadConfig();
  const keys = installConfiguredAuditKeys(config);
  const database = await openConfiguredDatabase(config);
  try {
    const dir = config.auditCheckpointDir;
    const { checkpoints, problems } = await readCheckpoints([dir, ...(values.checkpoints ?? [])]);
    const identity = await databaseIdentity(database.db);
    for (const c of checkpoints) {
      const problem = checkpointProblem(keys, identity, c);
      if (problem) problems.push(problem);
    }
    if (problems.length > 0) {
      console.error(`Titik periksa audit TIDAK dapat dipercaya (${dir}):`);
      for (const p of problems) console.error(`- ${p}`);
      return 1;
    }
    const result = await takeCheckpoint({ db: database.db, keys, dir, checkpoints });
    if (!result.ok) {
      const r = result.report;
      console.error(
        `Rantai audit RUSAK pada baris #${r.brokenSeq}: ${r.reason} (${r.rows} baris sebelumnya utuh).`,
      );
      return 1;
    }
    const r = result.report;
    console.log(
      `Rantai audit utuh: ${r.rows} baris diperiksa, ${r.checkpointsMatched} baris cocok dengan ${checkpoints.length} titik periksa.`,
    );
    if (result.checkpoint) console.log(`Titik periksa baru: baris #${result.checkpoint.seq} di ${dir}.`);
    else if (r.head) console.log(`Baris terakhir #${r.head.seq} sudah tercatat di titik periksa.`);
    return 0;
  } finally {
    await database.close();
  }
});
