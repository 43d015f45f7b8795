import { normalizeName } from '@atensi/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { AtensiApp } from '../server/src/app.ts';
import { type CandidateWay, candidateWays } from '../server/src/modules/persons/find-duplicates.ts';
import { loadRegions } from '../server/src/modules/regions/load-regions.ts';
import { type Database, rowsOf } from '../server/src/platform/db/client.ts';
import { runMigrations } from '../server/src/platform/db/migrate.ts';
import { numberOption, option } from './args.ts';
import { buildBenchApp, createBenchCenter, signedInAs } from './bench-app.ts';
import { loadVillages, PersonGenerator, Rng, type SyntheticPerson } from './identity/generate.ts';
import {
  type CandidateQuery,
  candidateSql,
  candidates,
  insertPersons,
  overThreshold,
  type PersonRowJson,
  personRow,
  previousCandidateSql,
  queryOf,
} from './persons-data.ts';
import { measure, ms } from './stats.ts';

/**
 * The person registry at national size: `npm run bench -- registry [--size 1000000]`.
 * Streams synthetic people into `persons` in batches (never all in memory), then measures
 * NIK lookup and duplicate-candidate search through the API (app.inject, signed in) against
 * the same SQL sent raw, explains the candidate query, and times alternatives to it.
 */

const centerCount = 20;
const batchSize = 5_000;
const sampleSize = 300;

/** Keeps a uniform sample of a stream (reservoir sampling, Algorithm R). */
class Reservoir<T> {
  readonly items: T[] = [];
  private seen = 0;
  constructor(
    private readonly size: number,
    private readonly rng: Rng,
  ) {}
  offer(item: T) {
    this.seen++;
    if (this.items.length < this.size) this.items.push(item);
    else {
      const j = Math.floor(this.rng.next() * this.seen);
      if (j < this.size) this.items[j] = item;
    }
  }
}

type Sampled = { id: string; person: SyntheticPerson };

const secondaryIndexes = async (database: Database) =>
  rowsOf<{ indexname: string; indexdef: string }>(
    await database.db.execute(
      sql`select indexname, indexdef from pg_indexes
          where schemaname = 'public' and tablename = 'persons'
            and indexname not in ('persons_pkey', 'persons_nik_live_idx')`,
    ),
  );

const explain = async (database: Database, query: SQL) =>
  rowsOf<Record<string, string>>(await database.db.execute(sql`explain (analyze, buffers) ${query}`))
    .map((r) => Object.values(r)[0])
    .join('\n    ');

/** Fewer warm-up calls when the sample is small (slow queries at national size). */
const measureFew = <T>(inputs: T[], fn: (input: T) => Promise<unknown>) =>
  measure(inputs, fn, Math.min(20, Math.ceil(inputs.length / 10)));

const summary = (label: string, m: { n: number; p50: number; p95: number }) =>
  `${label}: p50 ${ms(m.p50)} p95 ${ms(m.p95)} (n=${m.n})`;

export const registryBench = async (database: Database): Promise<string[]> => {
  const { db } = database;
  const size = numberOption('size', 'BENCH_SIZE', 1_000_000);
  const seed = numberOption('seed', 'BENCH_SEED', 20_261_122);
  // Lines are printed as they are measured (a slow query plan should not hide the rest).
  const out = {
    push: (...lines: string[]) => {
      for (const l of lines) console.log(`- ${l}`);
    },
  };
  const log = (line: string) => {
    console.log(`  … ${line}`);
  };

  await runMigrations(database);
  await loadRegions(db);
  const centers: string[] = [];
  for (let i = 0; i < centerCount; i++) centers.push((await createBenchCenter(database, i)).id);
  const app: AtensiApp = await buildBenchApp(database);
  const worker = await signedInAs(app, database, [{ role: 'social_worker', centerId: centers[0]! }]);
  const central = await signedInAs(app, database, [{ role: 'central', centerId: null }]);

  // Load: secondary indexes dropped and rebuilt afterwards, as a bulk load would; the unique
  // live-NIK index stays because ON CONFLICT needs it.
  const indexes = await secondaryIndexes(database);
  for (const ix of indexes) await db.execute(sql.raw(`drop index ${ix.indexname}`));
  const rng = new Rng(seed + 7);
  const nikOwn = new Reservoir<Sampled>(sampleSize, rng);
  const nikAny = new Reservoir<Sampled>(sampleSize, rng);
  const dupQueries = new Reservoir<Sampled>(
    numberOption('dup-queries', 'BENCH_DUP_QUERIES', sampleSize),
    rng,
  );
  const villages = loadVillages();
  const t0 = performance.now();
  let inserted = 0;
  let batch: PersonRowJson[] = [];
  let generated = 0;
  for (const person of new PersonGenerator({ seed, records: size, villages }).records()) {
    const center = centers[person.truthId % centerCount]!;
    const row = personRow(person, center);
    batch.push(row);
    generated++;
    const sampled = { id: row.id, person };
    if (person.nik && center === centers[0]) nikOwn.offer(sampled);
    if (person.nik) nikAny.offer(sampled);
    dupQueries.offer(sampled);
    if (batch.length === batchSize) {
      inserted += await insertPersons(db, batch);
      batch = [];
      if (generated % (size >= 1_000_000 ? 250_000 : 50_000) === 0) {
        const s = (performance.now() - t0) / 1000;
        log(`${generated.toLocaleString('en')} rows, ${s.toFixed(0)} s, ${Math.round(generated / s)} rows/s`);
      }
    }
  }
  inserted += await insertPersons(db, batch);
  const loadMs = performance.now() - t0;
  const i0 = performance.now();
  for (const ix of indexes) {
    await db.transaction(async (tx) => {
      if (database.kind === 'postgres') await tx.execute(sql`set local maintenance_work_mem = '512MB'`);
      await tx.execute(sql.raw(ix.indexdef));
    });
  }
  const indexMs = performance.now() - i0;
  const a0 = performance.now();
  await db.execute(sql`analyze persons`);
  const analyzeMs = performance.now() - a0;
  const [sizes] = rowsOf<{ table: string; indexes: string }>(
    await db.execute(
      sql`select pg_size_pretty(pg_table_size('persons')) as table, pg_size_pretty(pg_indexes_size('persons')) as indexes`,
    ),
  );
  out.push(
    `${inserted.toLocaleString('en')} persons (of ${generated.toLocaleString('en')} generated; NIK clashes skipped) in ${centerCount} centres: ` +
      `insert ${ms(loadMs)} (${Math.round(inserted / (loadMs / 1000))} rows/s, batches of ${batchSize}), ` +
      `rebuilding ${indexes.length} secondary indexes ${ms(indexMs)}, ANALYZE ${ms(analyzeMs)}; table ${sizes?.table}, indexes ${sizes?.indexes}`,
  );

  // (a) NIK lookup. Every sample is read once before timing, so the API and the raw SQL that
  // follow it meet the same cache (the one timed first used to pay for reading the pages in).
  const own = nikOwn.items.map((s) => s.person.nik!);
  const any = nikAny.items.map((s) => s.person.nik!);
  for (const nik of [...own, ...any]) {
    await db.execute(sql`select * from persons where nik = ${nik} and merged_into_id is null`);
  }
  let hits = 0;
  const apiNikWorker = await measure(own, async (nik) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/persons/search',
      headers: worker,
      payload: { q: nik },
    });
    if (res.statusCode === 200 && res.json().total === 1) hits++;
  });
  const apiNikCentral = await measure(any, (nik) =>
    app.inject({ method: 'POST', url: '/api/persons/search', headers: central, payload: { q: nik } }),
  );
  const rawNik = await measure(any, async (nik) =>
    rowsOf(await db.execute(sql`select * from persons where nik = ${nik} and merged_into_id is null`)),
  );
  // Every statement the worker's request sends, raw and in sequence: the session with its user,
  // the role assignments, the person by NIK, the region name. API minus this is HTTP and code.
  const token = decodeURIComponent(worker.cookie!.split('=')[1]!).split('.')[0]!;
  const rawRequest = await measure(own, async (nik) => {
    const [session] = rowsOf<{ user_id: string }>(
      await db.execute(sql`select s.id, s.created_at, s.expires_at, u.id as user_id, u.name, u.email, u.username, u.active
        from sessions s join users u on u.id = s.user_id where s.token = ${token}`),
    );
    await db.execute(sql`select role, center_id from role_assignments where user_id = ${session!.user_id}`);
    const [person] = rowsOf<{ region_code: string }>(
      await db.execute(sql`select * from persons where nik = ${nik} and merged_into_id is null`),
    );
    await db.execute(sql`select code, name from regions where code in (${person!.region_code})`);
  });
  // What any signed-in request costs before its own SQL: session, assignments, policy, serialisation.
  const me = await measure(own, () => app.inject({ method: 'GET', url: '/api/me', headers: worker }));
  out.push(summary('authenticated baseline, GET /api/me as the social worker', me));
  out.push(summary('NIK lookup, API as social worker (own-centre NIKs)', apiNikWorker));
  out.push(summary('NIK lookup, API as central user (any NIK)', apiNikCentral));
  out.push(summary('NIK lookup, raw SQL `where nik = $1 and merged_into_id is null`', rawNik));
  out.push(
    summary(
      'NIK lookup, the four statements of the request raw (session, assignments, person, region)',
      rawRequest,
    ),
  );
  out.push(
    `NIK lookup: ${hits}/${own.length + Math.min(20, own.length)} worker calls found exactly one person; API/raw p50 ${(apiNikWorker.p50 / rawNik.p50).toFixed(1)}×, p95 ${(apiNikWorker.p95 / rawNik.p95).toFixed(1)}×; ` +
      `API/its statements raw p50 ${(apiNikWorker.p50 / rawRequest.p50).toFixed(1)}×, p95 ${(apiNikWorker.p95 / rawRequest.p95).toFixed(1)}×; target p95 ≤ 5 ms: ${apiNikWorker.p95 <= 5 ? 'met' : 'MISSED'}`,
  );

  // (b) Duplicate candidates.
  const queries: CandidateQuery[] = dupQueries.items.map((s) => queryOf(s.person, s.id));
  for (const q of queries) await db.execute(candidateSql(q));
  const apiDup = await measureFew(queries, (q) =>
    app.inject({ method: 'POST', url: '/api/persons/duplicates', headers: worker, payload: q }),
  );
  const rawDup = await measureFew(queries, async (q) => rowsOf(await db.execute(candidateSql(q))));
  out.push(summary('duplicate candidates, API `POST /api/persons/duplicates`', apiDup));
  out.push(summary('duplicate candidates, raw candidate SQL of find-duplicates.ts', rawDup));
  out.push(
    `duplicate candidates: API/raw p50 ${(apiDup.p50 / rawDup.p50).toFixed(2)}×, p95 ${(apiDup.p95 / rawDup.p95).toFixed(2)}×; ` +
      `target p95 ≤ 50 ms: ${apiDup.p95 <= 50 ? 'met' : 'MISSED'}; API at least half the raw rate: ${apiDup.p50 <= 2 * rawDup.p50 ? 'met' : 'MISSED'}`,
  );
  // (c) Case list for a centre: a fifth of the people get an open case at their centre.
  const c0 = performance.now();
  const [anyUser] = rowsOf<{ id: string }>(await db.execute(sql`select id from users limit 1`));
  await db.execute(sql`insert into cases (id, number, person_id, center_id, clusters, sensitive, intake_channel, problem,
      urgency, modality, assigned_worker_id, stage, opened_at)
    select gen_random_uuid(), 'ATN-BENCH-' || row_number() over (), p.id, p.registered_at_center_id, array['poor_vulnerable'],
      false, 'walk_in', 'Data uji', 'medium', 'family', ${anyUser!.id}, 'engagement', now() - random() * interval '365 days'
    from persons p where p.registered_at_center_id is not null and random() < 0.2`);
  await db.execute(sql`analyze cases`);
  const [caseCount] = rowsOf<{ n: number; own: number }>(
    await db.execute(
      sql`select count(*)::int as n, count(*) filter (where center_id = ${centers[0]!})::int as own from cases`,
    ),
  );
  out.push(
    `cases: ${caseCount!.n} loaded (${caseCount!.own} at the measured centre) in ${ms(performance.now() - c0)}`,
  );
  const head = await signedInAs(app, database, [{ role: 'center_head', centerId: centers[0]! }]);
  const pages = Array.from({ length: 200 }, (_, i) => 1 + (i % 50));
  const apiCases = await measure(pages, (page) =>
    app.inject({
      method: 'POST',
      url: '/api/cases/list',
      headers: head,
      payload: { view: 'center', centerId: centers[0], page },
    }),
  );
  const rawCases = await measure(pages, async (page) => {
    await db.execute(
      sql`select * from cases where center_id = ${centers[0]!} order by opened_at desc, id limit 20 offset ${(page - 1) * 20}`,
    );
    await db.execute(sql`select count(*) from cases where center_id = ${centers[0]!}`);
  });
  out.push(summary('case list for a centre, API `POST /api/cases/list` as its head (pages 1–50)', apiCases));
  out.push(summary('case list for a centre, raw SQL (page + count)', rawCases));
  out.push(
    `case list: API/raw p50 ${(apiCases.p50 / rawCases.p50).toFixed(2)}×, p95 ${(apiCases.p95 / rawCases.p95).toFixed(2)}×`,
  );

  if (option('explain', 'BENCH_EXPLAIN') !== 'false') await investigate(database, queries, out);
  await app.close();
  return [];
};

/**
 * Why the candidate query costs what it costs: its plan for a common and a rarer name, what
 * each way reads, the previous finder in the same run (time, and what each puts over the
 * threshold: the new ways must not lose a candidate), and the trigram alternative rejected.
 */
const investigate = async (
  database: Database,
  queries: CandidateQuery[],
  out: { push: (...lines: string[]) => void },
) => {
  const { db } = database;
  const common =
    queries.find((q) => /^siti |^muhammad |^sri |^nur /i.test(q.fullName) && q.birthDate) ?? queries[0]!;
  const rare = queries.find((q) => q.fullName.split(' ').length >= 3 && q.birthDate) ?? queries[1]!;
  for (const [label, q] of [
    ['common name', common],
    ['rarer name', rare],
  ] as const) {
    out.push(
      `EXPLAIN ANALYZE, candidate SQL, ${label} "${q.fullName}":\n    ${await explain(database, candidateSql(q))}`,
    );
  }

  const yearOf = (q: CandidateQuery) =>
    q.birthDate ? Number(q.birthDate.slice(0, 4)) : (q.birthYearEstimate ?? null);

  // Each way alone (find-duplicates.ts `candidateWays`): its time and the rows it hands to the scorer.
  const wayLabels: Record<CandidateWay, string> = {
    nik: 'exact NIK',
    date: 'same birth date or its swap (in the regency, or name ≥ 0.6)',
    regency: 'same regency: dup_keys && regency keys, name ≥ 0.5 (village) / 0.66 (district) / 0.78',
    year: 'same birth year: dup_keys && year keys, name ≥ 0.9',
  };
  for (const way of ['date', 'regency', 'year'] as const) {
    let rows = 0;
    let calls = 0;
    const m = await measureFew(queries, async (q) => {
      const part = candidateWays({ ...q, limit: 10 }).find((w) => w.way === way);
      if (!part) return;
      calls++;
      rows += rowsOf(await db.execute(part.sql)).length;
    });
    out.push(
      `${summary(`way alone: ${wayLabels[way]}`, m)}; ${Math.round(rows / Math.max(1, calls))} rows on average`,
    );
  }

  // The previous finder in the same run, and what each finder puts over the threshold.
  const previous = await measureFew(queries, async (q) => rowsOf(await db.execute(previousCandidateSql(q))));
  out.push(summary('previous candidate SQL (trigram `%` ways, commit 9306a17)', previous));
  let both = 0;
  let onlyPrevious = 0;
  let onlyCurrent = 0;
  const lost: string[] = [];
  for (const q of queries) {
    const now = new Set(overThreshold(q, await candidates(db, q)));
    const before = new Set(overThreshold(q, await candidates(db, q, previousCandidateSql(q))));
    for (const id of before) {
      if (now.has(id)) both++;
      else {
        onlyPrevious++;
        if (lost.length < 5) lost.push(`"${q.fullName}" → ${id}`);
      }
    }
    for (const id of now) if (!before.has(id)) onlyCurrent++;
  }
  out.push(
    `candidates over the threshold in ${queries.length} queries: ${both} found by both finders, ${onlyCurrent} only by the current one, ` +
      `${onlyPrevious} only by the previous one${lost.length ? ` (${lost.join('; ')})` : ''}`,
  );

  // Rejected: the same bounds through the trigram index (`%` with a raised threshold) instead of
  // keys; the regency as a range on the region_code b-tree (valid under a C-ordered collation).
  const trigram = await measureFew(queries, (q) =>
    db.transaction(async (tx) => {
      const n = normalizeName(q.fullName);
      const live = sql`merged_into_id is null and id <> ${q.excludeId}`;
      const regency = q.regionCode?.slice(0, 5) ?? '';
      await tx.execute(sql`set local pg_trgm.similarity_threshold = 0.49`);
      await tx.execute(sql`select id from persons where ${live} and region_code >= ${`${regency}.`}
                           and region_code < ${`${regency}/`} and name_normalized % ${n} limit 200`);
      const year = yearOf(q);
      if (year === null) return;
      await tx.execute(sql`set local pg_trgm.similarity_threshold = 0.89`);
      await tx.execute(sql`select id from persons where ${live} and birth_year between ${year - 2} and ${year + 2}
                           and sex = ${q.sex ?? 'female'} and name_normalized % ${n} limit 200`);
    }),
  );
  out.push(
    summary(
      'alternative: the regency and year ways through the trigram GIN index (`set local pg_trgm.similarity_threshold` 0.49 / 0.89)',
      trigram,
    ),
  );
};
