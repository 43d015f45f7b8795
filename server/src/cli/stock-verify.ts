import { verifyStock } from '../modules/logistics/stock-verify.ts';
import { loadConfig } from '../platform/config.ts';
import { openConfiguredDatabase } from '../platform/db/client.ts';
import { runCli } from './run-cli.ts';

/** `npm run stock:verify`: recompute every balance and lot from the stock ledger; exit 1 on any difference. */
await runCli(async () => {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  const report = await verifyStock(database.db).finally(() => database.close());
  if (report.mismatches.length === 0) {
    console.log(`Stok sesuai buku mutasi: ${report.checked} saldo, lot dan penerimaan diperiksa.`);
    return 0;
  }
  console.error(`Stok TIDAK sesuai buku mutasi: ${report.mismatches.length} selisih.`);
  for (const m of report.mismatches) {
    console.error(
      `- ${m.kind} gudang=${m.warehouseId ?? '-'} barang=${m.itemId ?? '-'} lot=${m.lotId ?? '-'}: tercatat ${m.recorded}, buku mutasi ${m.expected}`,
    );
  }
  return 1;
});
