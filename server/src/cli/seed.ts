import { bootstrap } from '../bootstrap.ts';
import { loadConfig } from '../platform/config.ts';
import { openConfiguredDatabase } from '../platform/db/client.ts';
import { runCli } from './run-cli.ts';

/** `npm run seed`: migrate, load regions and (outside production) demo data, then stop. */
await runCli(async () => {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    const report = await bootstrap(database, config, (step) => console.log(`${step}…`));
    console.log(
      JSON.stringify({ ...report, setupToken: report.setupToken ? '(dicetak saat npm start)' : null }),
    );
  } finally {
    await database.close();
  }
});
