import { verifyAuditChain } from '../platform/audit/verify-chain.ts';
import { loadConfig } from '../platform/config.ts';
import { openConfiguredDatabase } from '../platform/db/client.ts';

/** `npm run audit:verify`: recompute the audit hash chain; exit 1 naming the first broken row. */
const config = loadConfig();
const database = await openConfiguredDatabase(config);
const report = await verifyAuditChain(database.db);
await database.close();
if (report.ok) {
  console.log(`Rantai audit utuh: ${report.rows} baris diperiksa.`);
} else {
  console.error(
    `Rantai audit RUSAK pada baris #${report.brokenSeq}: ${report.reason} (${report.rows} baris sebelumnya utuh).`,
  );
  process.exit(1);
}
