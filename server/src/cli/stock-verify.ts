import { verifyStock } from '../modules/logistics/stock-verify.ts';
import { loadConfig } from '../platform/config.ts';
import { openConfiguredDatabase } from '../platform/db/client.ts';

/** `npm run stock:verify`: recompute every balance and lot from the stock ledger; exit 1 on any difference. */
const config = loadConfig();
const database = await openConfiguredDatabase(config);
const report = await verifyStock(database.db);
await database.close();
if (report.mismatches.length === 0) {
  console.log(`Stok sesuai buku mutasi: ${report.checked} saldo, lot dan penerimaan diperiksa.`);
} else {
  console.error(`Stok TIDAK sesuai buku mutasi: ${report.mismatches.length} selisih.`);
  for (const m of report.mismatches) {
    console.error(
      `- ${m.kind} gudang=${m.warehouseId ?? '-'} barang=${m.itemId ?? '-'} lot=${m.lotId ?? '-'}: tercatat ${m.recorded}, buku mutasi ${m.expected}`,
    );
  }
  process.exit(1);
}
