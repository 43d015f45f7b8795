// Integration tests run on PGlite always, and again on PostgreSQL when DATABASE_URL is set.
import { spawnSync } from 'node:child_process';

const run = (project) => {
  console.log(`\n=== integration tests on ${project === 'int-pglite' ? 'PGlite' : 'PostgreSQL'} ===`);
  const r = spawnSync('npx', ['vitest', 'run', '--project', project, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run('int-pglite');
if (process.env.DATABASE_URL) run('int-postgres');
else console.log('\nDATABASE_URL is not set: integration tests ran on PGlite only.');
