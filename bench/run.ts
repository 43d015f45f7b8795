import { identityBench } from './identity/evaluate.ts';
import { openBenchDatabase, regionsBench } from './regions.bench.ts';
import { registryBench } from './registry.bench.ts';

/**
 * `npm run bench -- [name]`: runs the named benchmark (default all) on an empty in-memory
 * PGlite, or on PostgreSQL when DATABASE_URL is set (use a scratch database: it writes).
 */
const benches: Record<string, typeof regionsBench> = {
  regions: regionsBench,
  identity: identityBench,
  registry: registryBench,
};
const wanted = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'all';
const names = wanted === 'all' ? Object.keys(benches) : [wanted];
for (const name of names) {
  const bench = benches[name];
  if (!bench) {
    console.error(`Unknown benchmark "${name}". Known: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  const database = await openBenchDatabase();
  console.log(`\n# ${name} on ${database.kind}`);
  for (const line of await bench(database)) console.log(`- ${line}`);
  await database.close();
}
