import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../server/src/app.ts';
import { loadRegions } from '../server/src/modules/regions/load-regions.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import { type Database, openDatabase, rowsOf } from '../server/src/platform/db/client.ts';
import { runMigrations } from '../server/src/platform/db/migrate.ts';
import { option } from './args.ts';
import { measure, ms } from './stats.ts';

/**
 * Regions: (1) our loader against PostgreSQL's own COPY of the same four files into a bare
 * table; (2) name search through the HTTP API against the same query in raw SQL.
 */
export const regionsBench = async (database: Database) => {
  const { db } = database;
  const out: string[] = [];
  const t0 = performance.now();
  await runMigrations(database);
  const load = await loadRegions(db);
  const loadMs = performance.now() - t0;

  const dataDir = join(createRequire(import.meta.url).resolve('idn-area-data/package.json'), '../data');
  await db.execute(sql`create temp table copy_baseline (code text, parent text, name text)`);
  const c0 = performance.now();
  for (const f of ['regencies', 'districts', 'villages']) {
    const csv = readFileSync(join(dataDir, `${f}.csv`), 'utf8');
    const values = csv
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    // Same rows through one multi-row INSERT per 5,000: the fastest plain-SQL path both drivers share.
    for (let i = 0; i < values.length; i += 5000) {
      const chunk = values.slice(i, i + 5000);
      await db.execute(
        sql`insert into copy_baseline values ${sql.join(
          chunk.map(([code, parent, ...name]) => sql`(${code}, ${parent}, ${name.join(',')})`),
          sql`, `,
        )}`,
      );
    }
  }
  const baselineMs = performance.now() - c0;
  out.push(
    `region load (migrations + ${load.total} rows, inserted ${load.inserted}): ${ms(loadMs)}; plain batched INSERT of the same rows into a bare table: ${ms(baselineMs)}`,
  );

  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ATENSI_DEMO_DATA: 'false' });
  const app = await buildApp({ config, database, webDist: null });
  const terms = [
    'bekasi',
    'kupang',
    'sukamaju',
    'jaya',
    'temanggung',
    'naibonat',
    'makassar',
    'wates',
    'tanjung',
    'sari',
  ];
  const inputs = Array.from({ length: 300 }, (_, i) => terms[i % terms.length]!);
  const api = await measure(inputs, (q) =>
    app.inject({ method: 'GET', url: `/api/regions?q=${q}&limit=20` }),
  );
  const raw = await measure(inputs, async (q) =>
    rowsOf(
      await db.execute(
        sql`select code, parent_code, level, name from regions where name ilike ${`%${q}%`}
            order by case when name ilike ${`${q}%`} or name ilike ${`% ${q}%`} then 0 else 1 end, level,
                     similarity(name, ${q}) desc, length(name), name, code limit 20`,
      ),
    ),
  );
  out.push(
    `region name search, API (inject) p50 ${ms(api.p50)} p95 ${ms(api.p95)}; raw SQL p50 ${ms(raw.p50)} p95 ${ms(raw.p95)} (n=${api.n})`,
  );
  const children = await measure(inputs, () =>
    app.inject({ method: 'GET', url: '/api/regions?parent=53.71.01' }),
  );
  out.push(`region children (picker step), API p50 ${ms(children.p50)} p95 ${ms(children.p95)}`);
  await app.close();
  return out;
};

/** An empty in-memory PGlite, or a scratch PostgreSQL database made beside DATABASE_URL's and dropped on close. */
export const openBenchDatabase = async (): Promise<Database> => {
  const url = process.env.DATABASE_URL;
  if (!url) return openDatabase({ kind: 'pglite' });
  const name = `atensi_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: scratch.toString() });
  // `--keep true` leaves the scratch database in place for EXPLAIN sessions afterwards.
  const keep = option('keep', 'BENCH_KEEP') === 'true';
  return {
    ...database,
    close: async () => {
      await database.close();
      if (keep) {
        console.log(`(kept database ${name})`);
        return;
      }
      const drop = new pg.Client({ connectionString: url });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
};
