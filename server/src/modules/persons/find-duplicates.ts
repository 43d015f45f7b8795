import {
  type DuplicateCandidate,
  type DuplicateQuery,
  duplicateThreshold,
  normalizeName,
  scoreDuplicate,
} from '@atensi/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform/db/client.ts';
import { minName, regencyOf, regencyProbe, regionLevels, swappedDate, yearProbe } from './duplicate-keys.ts';
import { type PersonRow, summariesOf } from './persons.service.ts';

/** How many rows each way hands to the scorer at most (the most similar names first). */
const namePool = 200;
const datePool = 200;

const keyList = (keys: string[]) =>
  sql`array[${sql.join(
    keys.map((k) => sql`${k}`),
    sql`, `,
  )}]::text[]`;

export type CandidateWay = 'nik' | 'date' | 'regency' | 'year';

/** The ways of `candidateIdsSql`, each a `(select id …)` of its own (the registry bench times them apart). */
export const candidateWays = (query: DuplicateQuery): { way: CandidateWay; sql: SQL }[] => {
  const norm = normalizeName(query.fullName);
  const live = sql`merged_into_id is null${query.excludeId ? sql` and id <> ${query.excludeId}` : sql``}`;
  const similarity = sql`similarity(name_normalized, ${norm})`;
  // People with aliases go to the scorer whatever their full name: an alias may be the match.
  const nameAtLeast = (min: number) => sql`(${similarity} >= ${min} or aliases_normalized <> '')`;
  const regency = regencyOf(query.regionCode);
  const year = query.birthDate ? Number(query.birthDate.slice(0, 4)) : (query.birthYearEstimate ?? null);
  const ways: { way: CandidateWay; sql: SQL }[] = [];
  if (query.nik && /^\d{16}$/.test(query.nik)) {
    ways.push({
      way: 'nik',
      sql: sql`(select id from persons where ${live} and nik = ${query.nik} limit 5)`,
    });
  }
  if (query.birthDate) {
    const dates = [query.birthDate, swappedDate(query.birthDate) ?? query.birthDate];
    const near = regency
      ? sql`(left(region_code, 5) = ${regency} or ${nameAtLeast(minName.date)})`
      : nameAtLeast(minName.date);
    ways.push({
      way: 'date',
      sql: sql`(select id from persons where ${live} and birth_date in (${dates[0]}, ${dates[1]}) and ${near}
               order by ${similarity} desc limit ${datePool})`,
    });
  }
  if (norm !== '') {
    const inRegency = regencyProbe(norm, query.regionCode, query.sex);
    const levels = regionLevels(query.regionCode);
    if (inRegency.length > 0 && levels) {
      // The closer the region, the less name it takes: village, district, else the regency.
      const yearKnown = year !== null;
      const closer = (['village', 'district'] as const).flatMap((level) => {
        const prefix = levels[level];
        return prefix
          ? [
              sql`when left(region_code, ${prefix.length}::int) = ${prefix} then ${minName.regency(yearKnown, level)}::real`,
            ]
          : [];
      });
      const regencyLeast = sql`${minName.regency(yearKnown, 'regency')}::real`;
      // A regency code alone (the worker has not chosen the district yet) has no closer level:
      // a CASE needs at least one WHEN, so the regency's bound stands by itself.
      const least =
        closer.length > 0 ? sql`case ${sql.join(closer, sql` `)} else ${regencyLeast} end` : regencyLeast;
      ways.push({
        way: 'regency',
        sql: sql`(select id from persons where ${live} and dup_keys && ${keyList(inRegency)}
                 and (${similarity} >= ${least} or aliases_normalized <> '')
                 order by ${similarity} desc limit ${namePool})`,
      });
    }
    if (year !== null) {
      const sameYear = yearProbe(norm, year, Boolean(query.birthDate), query.sex);
      ways.push({
        way: 'year',
        sql: sql`(select id from persons where ${live} and dup_keys && ${keyList(sameYear)}
                 and ${nameAtLeast(minName.year)} order by ${similarity} desc limit ${namePool})`,
      });
    }
  }
  return ways;
};

/**
 * Likely duplicates across the whole registry (masked summaries only). One indexed query per
 * kind of evidence that can lift a candidate over the threshold (duplicate-keys.ts), each
 * asking only for the names similar enough to still get there, joined by UNION:
 * exact NIK; the same birth date or its day/month swap; the same regency; the same birth year.
 * No way reads more than a few hundred rows at 1M people (docs/performance.md), and together
 * they miss no candidate `scoreDuplicate` would put over the threshold whose name differs by one
 * slip (duplicate-keys.test.ts) — the limits aside, which only cut the least similar names.
 * The domain's `scoreDuplicate` ranks the union.
 */
export const candidateIdsSql = (query: DuplicateQuery): SQL => {
  const ways = candidateWays(query);
  if (ways.length === 0) return sql`select null::uuid as id where false`;
  return sql.join(
    ways.map((w) => w.sql),
    sql` union `,
  );
};

/** What scoring and the summary read of a candidate. */
type CandidateRow = Pick<
  PersonRow,
  | 'id'
  | 'nik'
  | 'fullName'
  | 'aliases'
  | 'sex'
  | 'birthDate'
  | 'birthYearEstimate'
  | 'regionCode'
  | 'mergedIntoId'
  | 'version'
>;

/** The one statement `findDuplicates` sends: what scoring and the summary read of each candidate. */
export const candidatesSql = (query: DuplicateQuery): SQL =>
  sql`select id, nik, full_name, aliases, sex, birth_date::text as birth_date,
        birth_year_estimate, region_code, merged_into_id, version
      from persons where id in (${candidateIdsSql(query)})`;

export const findDuplicates = async (db: Db, query: DuplicateQuery): Promise<DuplicateCandidate[]> => {
  const rows = rowsOf<{
    id: string;
    nik: string | null;
    full_name: string;
    aliases: string[];
    sex: string;
    birth_date: string | null;
    birth_year_estimate: number | null;
    region_code: string;
    merged_into_id: string | null;
    version: number;
  }>(await db.execute(candidatesSql(query))).map(
    (r): CandidateRow => ({
      id: r.id,
      nik: r.nik,
      fullName: r.full_name,
      aliases: r.aliases,
      sex: r.sex,
      birthDate: r.birth_date,
      birthYearEstimate: r.birth_year_estimate,
      regionCode: r.region_code,
      mergedIntoId: r.merged_into_id,
      version: r.version,
    }),
  );
  const scored = rows
    .map((row) => ({
      row,
      ...scoreDuplicate(
        {
          nik: query.nik ?? null,
          fullName: query.fullName,
          aliases: [],
          sex: query.sex ?? null,
          birthDate: query.birthDate ?? null,
          birthYearEstimate: query.birthYearEstimate ?? null,
          regionCode: query.regionCode ?? null,
        },
        {
          nik: row.nik,
          fullName: row.fullName,
          aliases: row.aliases,
          sex: row.sex as 'male' | 'female',
          birthDate: row.birthDate,
          birthYearEstimate: row.birthYearEstimate,
          regionCode: row.regionCode,
        },
      ),
    }))
    .filter((c) => c.score >= duplicateThreshold)
    .sort(
      (a, b) =>
        b.score - a.score || a.row.fullName.localeCompare(b.row.fullName) || a.row.id.localeCompare(b.row.id),
    )
    .slice(0, query.limit);
  const summaries = await summariesOf(
    db,
    scored.map((c) => c.row),
  );
  return scored.map((c, i) => ({
    person: summaries[i]!,
    score: Math.round(c.score * 1000) / 1000,
    reasons: c.reasons,
  }));
};
