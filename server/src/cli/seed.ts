import { bootstrap } from '../bootstrap.ts';
import { loadConfig } from '../platform/config.ts';
import { openConfiguredDatabase } from '../platform/db/client.ts';

/** `npm run seed`: migrate, load regions and (outside production) demo data, then stop. */
const config = loadConfig();
const database = await openConfiguredDatabase(config);
const report = await bootstrap(database, config, (step) => console.log(`${step}…`));
await database.close();
console.log(JSON.stringify({ ...report, setupToken: report.setupToken ? '(dicetak saat npm start)' : null }));
