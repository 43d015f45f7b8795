import { loadConfig } from '../platform/config.ts';
import { openConfiguredDatabase } from '../platform/db/client.ts';
import { runMigrations } from '../platform/db/migrate.ts';

/** `npm run db:migrate`: apply pending migrations and stop. */
const config = loadConfig();
const database = await openConfiguredDatabase(config);
await runMigrations(database);
await database.close();
console.log('Migrasi selesai.');
