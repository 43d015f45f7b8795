import { loadConfig } from '../platform/config.ts';
import { openConfiguredDatabase } from '../platform/db/client.ts';
import { migrateWithRoles } from '../platform/db/roles.ts';
import { runCli } from './run-cli.ts';

/**
 * `npm run db:migrate`: apply pending migrations and stop. With ATENSI_MIGRATION_DATABASE_URL the
 * owner role migrates and grants DATABASE_URL's role its rights (docs/operations.md).
 */
await runCli(async () => {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    await migrateWithRoles(database, config);
  } finally {
    await database.close();
  }
  console.log('Migrasi selesai.');
});
