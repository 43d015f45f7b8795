import { type CreatePersonInput, duplicateThreshold, normalizeName, scoreDuplicate } from '@atensi/domain';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { candidatesSql } from '../server/src/modules/persons/find-duplicates.ts';
import { personColumns } from '../server/src/modules/persons/persons.service.ts';
import type { Db } from '../server/src/platform/db/client.ts';
import { rowsOf } from '../server/src/platform/db/client.ts';
import type { SyntheticPerson } from './identity/generate.ts';

/** Bulk loading of synthetic people into `persons`, with the columns `personColumns` of the persons service derives. */
export type PersonRowJson = {
  id: string;
  nik: string | null;
  nik_unknown_reason: string | null;
  full_name: string;
  name_normalized: string;
  aliases_normalized: string;
  sex: string;
  birth_date: string | null;
  birth_year_estimate: number | null;
  birth_year: number | null;
  region_code: string;
  registered_at_center_id: string | null;
  dup_keys: string[];
};

export const personRow = (p: SyntheticPerson, centerId: string | null, id = uuidv7()): PersonRowJson => {
  const c = personColumns({
    nik: p.nik,
    nikUnknownReason: p.nik ? null : (p.nikUnknownReason as CreatePersonInput['nikUnknownReason']),
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
  });
  return {
    id,
    nik: c.nik,
    nik_unknown_reason: c.nikUnknownReason,
    full_name: c.fullName,
    name_normalized: c.nameNormalized,
    aliases_normalized: c.aliasesNormalized,
    sex: c.sex,
    birth_date: c.birthDate,
    birth_year_estimate: c.birthYearEstimate,
    birth_year: c.birthYear,
    region_code: c.regionCode,
    registered_at_center_id: centerId,
    dup_keys: c.dupKeys,
  };
};

/**
 * One multi-row INSERT per batch, the rows travelling as one JSON parameter (no limit of
 * 65,535 bind parameters, same SQL on PostgreSQL and PGlite; the keys, which hold no space,
 * as one space-separated string). A clash on the live-NIK unique
 * index (two people drawn with the same district, birth date and sequence) skips the row;
 * the number inserted is returned.
 */
export const insertPersons = async (db: Db, rows: PersonRowJson[]): Promise<number> => {
  if (rows.length === 0) return 0;
  const json = JSON.stringify(rows.map((r) => ({ ...r, dup_keys: r.dup_keys.join(' ') })));
  const result = await db.execute(sql`
    insert into persons (id, nik, nik_unknown_reason, full_name, name_normalized, aliases_normalized, sex,
                         birth_date, birth_year_estimate, birth_year, region_code, registered_at_center_id,
                         dup_keys, legal_basis, consent_by)
    select id, nik, nik_unknown_reason, full_name, name_normalized, aliases_normalized, sex,
           birth_date, birth_year_estimate, birth_year, region_code, registered_at_center_id,
           string_to_array(dup_keys, ' '), 'consent', 'self'
    from json_to_recordset(${json}::json) as x(
      id uuid, nik text, nik_unknown_reason text, full_name text, name_normalized text,
      aliases_normalized text, sex text, birth_date date, birth_year_estimate smallint, birth_year smallint,
      region_code text, registered_at_center_id uuid, dup_keys text)
    on conflict do nothing
    returning 1`);
  return rowsOf(result).length;
};

/** The duplicate query a record makes of the registry (as the registration form sends it). */
export type CandidateQuery = {
  nik: string | null;
  fullName: string;
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  birthYearEstimate: number | null;
  regionCode: string | null;
  excludeId: string | null;
};

export const queryOf = (p: SyntheticPerson, id: string | null): CandidateQuery => ({
  nik: p.nik,
  fullName: p.fullName,
  sex: p.sex,
  birthDate: p.birthDate,
  birthYearEstimate: p.birthYearEstimate,
  regionCode: p.regionCode,
  excludeId: id,
});

export type CandidateRow = {
  id: string;
  nik: string | null;
  full_name: string;
  aliases: string[];
  sex: string;
  birth_date: string | null;
  birth_year_estimate: number | null;
  region_code: string;
};

/** The statement `findDuplicates` sends (its own `candidatesSql`). */
export const candidateSql = (q: CandidateQuery) => candidatesSql({ ...q, limit: 10 });

export const candidates = async (db: Db, q: CandidateQuery, query = candidateSql(q)) =>
  rowsOf<CandidateRow>(await db.execute(query));

/**
 * The candidate SQL of the previous finder (commit 9306a17): a UNION of a trigram `%` way on
 * the name and on the aliases inside a ±10-year window, exact NIK, and the same birth date in
 * the regency. Kept so both benches measure the old and the new finder in the same run.
 */
export const previousCandidateSql = (q: CandidateQuery) => {
  const norm = normalizeName(q.fullName);
  const live = sql`merged_into_id is null${q.excludeId ? sql` and id <> ${q.excludeId}` : sql``}`;
  const year = q.birthDate ? Number(q.birthDate.slice(0, 4)) : q.birthYearEstimate;
  const inWindow = year
    ? sql` and (birth_year is null or birth_year between ${year - 10} and ${year + 10})`
    : sql``;
  const ways = [
    sql`(select id from persons where ${live} and name_normalized % ${norm}${inWindow}
         order by similarity(name_normalized, ${norm}) desc limit 200)`,
    sql`(select id from persons where ${live} and aliases_normalized <> '' and aliases_normalized % ${norm}${inWindow}
         limit 50)`,
  ];
  if (q.nik && /^\d{16}$/.test(q.nik))
    ways.push(sql`(select id from persons where ${live} and nik = ${q.nik} limit 5)`);
  if (q.birthDate && q.regionCode && q.regionCode.length >= 5) {
    ways.push(sql`(select id from persons where ${live} and birth_date = ${q.birthDate}
                   and left(region_code, 5) = ${q.regionCode.slice(0, 5)} limit 100)`);
  }
  return sql`select id, nik, full_name, aliases, sex, birth_date::text as birth_date, birth_year_estimate, region_code
    from persons where id in (${sql.join(ways, sql` union `)})`;
};

/** Ids of the candidates `scoreDuplicate` puts at or over the threshold, as `findDuplicates` keeps them. */
export const overThreshold = (q: CandidateQuery, rows: CandidateRow[]): string[] =>
  rows
    .filter(
      (c) =>
        scoreDuplicate(
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
        ).score >= duplicateThreshold,
    )
    .map((c) => c.id);
