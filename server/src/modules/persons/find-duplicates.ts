import {
  type DuplicateCandidate,
  type DuplicateQuery,
  duplicateThreshold,
  normalizeName,
  scoreDuplicate,
} from '@atensi/domain';
import { inArray, type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform/db/client.ts';
import { summariesOf } from './persons.service.ts';
import { persons } from './persons.tables.ts';

/** How many rows each way hands to the scorer: enough for common names, bounded for speed. */
const namePool = 200;
const aliasPool = 50;
const birthDatePool = 100;

/**
 * Birth years further apart than this cannot reach the threshold (scoreDuplicate's year
 * penalty), so the name ways look only inside the window; people without a year stay in.
 */
const yearWindow = 10;

/**
 * Likely duplicates across the whole registry (masked summaries only). One indexed query per
 * way, each with its own limit, so a common name cannot push out the exact-NIK or same-birth-
 * date candidates and no way turns the whole search into a table scan (docs/performance.md):
 * exact NIK; same birth date in the same regency (a badly misspelt name); trigram similarity
 * of the normalised name and of the aliases. The domain's `scoreDuplicate` ranks the union.
 */
export const candidateIdsSql = (query: DuplicateQuery): SQL => {
  const norm = normalizeName(query.fullName);
  const live = sql`merged_into_id is null${query.excludeId ? sql` and id <> ${query.excludeId}` : sql``}`;
  const year = query.birthDate ? Number(query.birthDate.slice(0, 4)) : (query.birthYearEstimate ?? null);
  const inWindow = year
    ? sql` and (birth_year is null or birth_year between ${year - yearWindow} and ${year + yearWindow})`
    : sql``;
  const ways: SQL[] = [
    sql`(select id from persons where ${live} and name_normalized % ${norm}${inWindow}
         order by similarity(name_normalized, ${norm}) desc limit ${namePool})`,
    sql`(select id from persons where ${live} and aliases_normalized <> '' and aliases_normalized % ${norm}${inWindow}
         limit ${aliasPool})`,
  ];
  if (query.nik && /^\d{16}$/.test(query.nik))
    ways.push(sql`(select id from persons where ${live} and nik = ${query.nik} limit 5)`);
  if (query.birthDate && query.regionCode && query.regionCode.length >= 5) {
    ways.push(sql`(select id from persons where ${live} and birth_date = ${query.birthDate}
                   and left(region_code, 5) = ${query.regionCode.slice(0, 5)} limit ${birthDatePool})`);
  }
  return sql.join(ways, sql` union `);
};

export const findDuplicates = async (db: Db, query: DuplicateQuery): Promise<DuplicateCandidate[]> => {
  const ids = rowsOf<{ id: string }>(await db.execute(candidateIdsSql(query))).map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await db.select().from(persons).where(inArray(persons.id, ids));
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
