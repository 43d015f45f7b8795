import { duplicateThreshold, normalizeName, scoreDuplicate } from '@atensi/domain';
import { sql } from 'drizzle-orm';
import { findDuplicates } from '../../server/src/modules/persons/find-duplicates.ts';
import { createPerson } from '../../server/src/modules/persons/persons.service.ts';
import { loadRegions } from '../../server/src/modules/regions/load-regions.ts';
import { systemContext } from '../../server/src/modules/users/first-admin.ts';
import { type Database, rowsOf } from '../../server/src/platform/db/client.ts';
import { runMigrations } from '../../server/src/platform/db/migrate.ts';
import { numberOption } from '../args.ts';
import { createBenchCenter } from '../bench-app.ts';
import {
  type CandidateQuery,
  type CandidateRow,
  candidates,
  insertPersons,
  type PersonRowJson,
  personRow,
  previousCandidateSql,
  queryOf,
} from '../persons-data.ts';
import { ms, percentile } from '../stats.ts';
import { loadVillages, PersonGenerator, Rng, type SyntheticPerson } from './generate.ts';

/**
 * Quality of the duplicate finder on synthetic people with known duplicates: precision,
 * recall and F1 of `findDuplicates` (a returned candidate is right when it is the same
 * real person), the same at other thresholds, its latency, and the baseline of exact
 * normalised-name equality. `npm run bench -- identity [--size 20000] [--queries 1000]`.
 */

type Scored = { id: string; name: string; score: number };
const scorePool = (q: CandidateQuery, pool: CandidateRow[]): Scored[] =>
  pool
    .map((c) => ({
      id: c.id,
      name: c.full_name,
      score: scoreDuplicate(
        { ...q, aliases: [] },
        {
          nik: c.nik,
          fullName: c.full_name,
          aliases: c.aliases,
          sex: c.sex as 'male' | 'female',
          birthDate: c.birth_date,
          birthYearEstimate: c.birth_year_estimate,
          regionCode: c.region_code,
        },
      ).score,
    }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));

type Tally = { tp: number; returned: number; truth: number };

const f1 = ({ tp, returned, truth }: Tally) => {
  const precision = returned === 0 ? 1 : tp / returned;
  const recall = truth === 0 ? 1 : tp / truth;
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
};
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const row = (label: string, t: Tally) => {
  const m = f1(t);
  return `| ${label} | ${pct(m.precision)} | ${pct(m.recall)} | ${m.f1.toFixed(3)} | ${t.tp} / ${t.returned} / ${t.truth} |`;
};

/** The real service path for a few records: proves `personRow` writes what `createPerson` writes. */
const checkDerivedColumns = async (database: Database, records: SyntheticPerson[]) => {
  const { db } = database;
  const center = await createBenchCenter(database, 1);
  let same = 0;
  const fields = [
    'name_normalized',
    'aliases_normalized',
    'birth_year',
    'birth_year_estimate',
    'birth_date',
    'nik',
    'nik_unknown_reason',
    'dup_keys',
  ] as const;
  for (const p of records) {
    const id = await createPerson({
      db,
      context: systemContext,
      input: {
        centerId: center.id,
        nik: p.nik,
        nikUnknownReason: p.nikUnknownReason,
        nikWarningsConfirmed: true,
        kkNumber: null,
        fullName: p.fullName,
        aliases: [],
        sex: p.sex,
        birthDate: p.birthDate,
        birthYearEstimate: p.birthYearEstimate,
        birthPlace: null,
        regionCode: p.regionCode,
        rt: null,
        rw: null,
        street: null,
        phone: null,
        disabilityTypes: [],
        dtksStatus: 'unknown',
        dtksDecile: null,
        legalBasis: 'consent',
        consentBy: 'self',
        consentGuardianName: null,
      },
    });
    const [stored] = rowsOf<Record<string, unknown>>(
      await db.execute(
        sql`select name_normalized, aliases_normalized, birth_year, birth_year_estimate, birth_date::text as birth_date,
                   nik, nik_unknown_reason, dup_keys from persons where id = ${id}`,
      ),
    );
    const mine = personRow(p, center.id, id) as unknown as Record<string, unknown>;
    if (fields.every((f) => String(stored?.[f] ?? null) === String(mine[f] ?? null))) same++;
    else console.error('derived columns differ', { stored, mine });
    await db.execute(sql`delete from persons where id = ${id}`);
  }
  await db.execute(sql`delete from audit_log where entity = 'person'`).catch(() => undefined);
  return `${same}/${records.length}`;
};

export const identityBench = async (database: Database): Promise<string[]> => {
  const { db } = database;
  const size = numberOption('size', 'BENCH_SIZE', 20_000);
  const queryCount = numberOption('queries', 'BENCH_QUERIES', 1_000);
  const seed = numberOption('seed', 'BENCH_SEED', 20_261_122);
  const out: string[] = [];
  await runMigrations(database);
  await loadRegions(db);

  const villages = loadVillages();
  const records = [...new PersonGenerator({ seed, records: size, villages }).records()];
  const serviceCheck = await checkDerivedColumns(database, records.slice(0, 50));

  const rows: PersonRowJson[] = records.map((p) => personRow(p, null));
  const t0 = performance.now();
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 5_000) inserted += await insertPersons(db, rows.slice(i, i + 5_000));
  await db.execute(sql`analyze persons`);
  const loadMs = performance.now() - t0;
  const live = new Set(
    rowsOf<{ id: string }>(await db.execute(sql`select id from persons`)).map((r) => r.id),
  );

  // Who is who: truthId of every stored record, and the records of each real person.
  const truthOf = new Map<string, number>();
  const group = new Map<number, string[]>();
  const recordOf = new Map<string, SyntheticPerson>();
  records.forEach((p, i) => {
    const id = rows[i]!.id;
    if (!live.has(id)) return;
    truthOf.set(id, p.truthId);
    recordOf.set(id, p);
    group.set(p.truthId, [...(group.get(p.truthId) ?? []), id]);
  });
  const byName = new Map<string, string[]>();
  for (const r of rows)
    if (live.has(r.id)) byName.set(r.name_normalized, [...(byName.get(r.name_normalized) ?? []), r.id]);

  const rng = new Rng(seed + 1);
  // In generation order, not the table's physical order (which moves with the row width).
  const stored = rows.map((r) => r.id).filter((id) => live.has(id));
  const withDup = stored.filter((id) => group.get(truthOf.get(id)!)!.length > 1);
  const withoutDup = stored.filter((id) => group.get(truthOf.get(id)!)!.length === 1);
  const sample = (ids: string[], n: number) => {
    const pool = [...ids];
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    return pool.slice(0, n);
  };
  const queries = [...sample(withDup, queryCount / 2), ...sample(withoutDup, queryCount / 2)];

  const thresholds = [...new Set([0.5, duplicateThreshold, 0.6, 0.7, 0.8])].sort((a, b) => a - b);
  const tallies = new Map<number, Tally>(thresholds.map((t) => [t, { tp: 0, returned: 0, truth: 0 }]));
  const finder: Tally = { tp: 0, returned: 0, truth: 0 };
  const naive: Tally = { tp: 0, returned: 0, truth: 0 };
  const byVariation = new Map<string, { found: number; pairs: number }>();
  const falsePositives = new Map<string, number>();
  let agree = 0;
  const variants: [string, (q: CandidateQuery) => Promise<CandidateRow[]>][] = [
    [
      'previous candidate SQL (trigram `%` ways, commit 9306a17)',
      (q) => candidates(db, q, previousCandidateSql(q)),
    ],
  ];
  const variantTallies = new Map<string, Tally>(variants.map(([l]) => [l, { tp: 0, returned: 0, truth: 0 }]));
  const times: number[] = [];
  const limit = 10;

  for (const [i, id] of queries.entries()) {
    const p = recordOf.get(id)!;
    const truth = truthOf.get(id)!;
    const q = queryOf(p, id);
    const others = group.get(truth)!.filter((o) => o !== id);

    const start = performance.now();
    const found = await findDuplicates(db, { ...q, limit });
    if (i >= 20) times.push(performance.now() - start);
    const foundIds = found.map((c) => c.person.id);
    const tp = foundIds.filter((f) => truthOf.get(f) === truth).length;
    finder.tp += tp;
    finder.returned += foundIds.length;
    finder.truth += others.length;
    for (const f of foundIds) {
      if (truthOf.get(f) === truth) continue;
      const name = normalizeName(recordOf.get(f)?.fullName ?? '?');
      const key = name === normalizeName(p.fullName) ? 'same normalised name' : 'similar name';
      falsePositives.set(key, (falsePositives.get(key) ?? 0) + 1);
    }
    for (const o of others) {
      const variations = [...new Set([...p.variations, ...recordOf.get(o)!.variations])];
      for (const v of variations.length ? variations : ['none']) {
        const s = byVariation.get(v) ?? { found: 0, pairs: 0 };
        s.pairs++;
        if (foundIds.includes(o)) s.found++;
        byVariation.set(v, s);
      }
    }

    // The same pool, scored here at several thresholds (findDuplicates filters at the default).
    const scored = scorePool(q, await candidates(db, q));
    for (const t of thresholds) {
      const kept = scored.filter((s) => s.score >= t).slice(0, limit);
      const tally = tallies.get(t)!;
      tally.tp += kept.filter((s) => truthOf.get(s.id) === truth).length;
      tally.returned += kept.length;
      tally.truth += others.length;
      if (
        t === duplicateThreshold &&
        kept
          .map((s) => s.id)
          .sort()
          .join() === [...foundIds].sort().join()
      )
        agree++;
    }
    // Other candidate queries, scored like findDuplicates.
    for (const [label, pool] of variants) {
      const kept = scorePool(q, await pool(q))
        .filter((s) => s.score >= duplicateThreshold)
        .slice(0, limit);
      const tally = variantTallies.get(label)!;
      tally.tp += kept.filter((s) => truthOf.get(s.id) === truth).length;
      tally.returned += kept.length;
      tally.truth += others.length;
    }

    const exact = (byName.get(normalizeName(p.fullName)) ?? []).filter((o) => o !== id);
    naive.tp += exact.filter((o) => truthOf.get(o) === truth).length;
    naive.returned += exact.length;
    naive.truth += others.length;
  }

  times.sort((a, b) => a - b);
  const groups = [...group.values()];
  out.push(
    `${inserted.toLocaleString('en')} records of ${groups.length.toLocaleString('en')} people ` +
      `(${groups.filter((g) => g.length > 1).length.toLocaleString('en')} registered more than once), seed ${seed}, loaded in ${ms(loadMs)}; ` +
      `derived columns of the bulk load equal createPerson's for ${serviceCheck} records`,
  );
  out.push(
    `${queries.length} queries (${Math.min(queryCount / 2, withDup.length)} with a true duplicate in the registry, the rest without), top ${limit}, excludeId = itself`,
  );
  out.push(
    `findDuplicates latency p50 ${ms(percentile(times, 50))} p95 ${ms(percentile(times, 95))} (n=${times.length})`,
  );
  out.push(`bench scoring of the candidate SQL equals findDuplicates for ${agree}/${queries.length} queries`);
  const table = [
    '',
    '| finder | precision | recall | F1 | TP / returned / true |',
    '| --- | --- | --- | --- | --- |',
    row(`findDuplicates (threshold ${duplicateThreshold})`, finder),
    ...thresholds.map((t) => row(`candidate SQL + scoreDuplicate ≥ ${t}`, tallies.get(t)!)),
    ...variants.map(([l]) => row(`${l}, score ≥ ${duplicateThreshold}`, variantTallies.get(l)!)),
    row('baseline: exact normalised name (all matches)', naive),
    '',
    '| variation in the pair | found / pairs | recall |',
    '| --- | --- | --- |',
    ...[...byVariation.entries()]
      .sort((a, b) => b[1].pairs - a[1].pairs)
      .map(([v, s]) => `| ${v} | ${s.found} / ${s.pairs} | ${pct(s.found / s.pairs)} |`),
    '',
    `false positives of findDuplicates: ${[...falsePositives.entries()].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`,
  ];
  out.push(table.join('\n  '));
  return out;
};
