import { type CreatePersonInput, normalizeName } from '@atensi/domain';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { candidateIdsSql } from '../server/src/modules/persons/find-duplicates.ts';
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
  };
};

/**
 * One multi-row INSERT per batch, the rows travelling as one JSON parameter (no limit of
 * 65,535 bind parameters, same SQL on PostgreSQL and PGlite). A clash on the live-NIK unique
 * index (two people drawn with the same district, birth date and sequence) skips the row;
 * the number inserted is returned.
 */
export const insertPersons = async (db: Db, rows: PersonRowJson[]): Promise<number> => {
  if (rows.length === 0) return 0;
  const result = await db.execute(sql`
    insert into persons (id, nik, nik_unknown_reason, full_name, name_normalized, aliases_normalized, sex,
                         birth_date, birth_year_estimate, birth_year, region_code, registered_at_center_id,
                         legal_basis, consent_by)
    select id, nik, nik_unknown_reason, full_name, name_normalized, aliases_normalized, sex,
           birth_date, birth_year_estimate, birth_year, region_code, registered_at_center_id,
           'consent', 'self'
    from json_to_recordset(${JSON.stringify(rows)}::json) as x(
      id uuid, nik text, nik_unknown_reason text, full_name text, name_normalized text,
      aliases_normalized text, sex text, birth_date date, birth_year_estimate smallint, birth_year smallint,
      region_code text, registered_at_center_id uuid)
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

/** The candidate SQL `find-duplicates.ts` runs (its own `candidateIdsSql`), selecting `select`. */
export const candidateSql = (q: CandidateQuery, select = sql`*`) =>
  sql`select ${select} from persons where id in (${candidateIdsSql({ ...q, limit: 10 })})`;

export const candidateColumns = sql`id, nik, full_name, aliases, sex, birth_date::text as birth_date, birth_year_estimate, region_code`;

export const candidates = async (db: Db, q: CandidateQuery, query = candidateSql(q, candidateColumns)) =>
  rowsOf<CandidateRow>(await db.execute(query));

/**
 * The candidate SQL with the trigram ways restricted to a birth-year window (±10, or no year
 * known): a proposal measured by the benches, not what the server runs.
 */
export const candidateSqlWindow = (q: CandidateQuery, year: number, select = sql`*`) => {
  const norm = normalizeName(q.fullName);
  const near = sql`(birth_year between ${year - 10} and ${year + 10} or birth_year is null)`;
  const ways = [sql`((name_normalized % ${norm} or aliases_normalized % ${norm}) and ${near})`];
  if (q.nik && /^\d{16}$/.test(q.nik)) ways.push(sql`nik = ${q.nik}`);
  if (q.birthDate && q.regionCode && q.regionCode.length >= 5) {
    ways.push(sql`(birth_date = ${q.birthDate} and region_code like ${`${q.regionCode.slice(0, 5)}%`})`);
  }
  return sql`select ${select} from persons
    where merged_into_id is null ${q.excludeId ? sql`and id <> ${q.excludeId}` : sql``}
      and (${sql.join(ways, sql` or `)})
    order by similarity(name_normalized, ${norm}) desc limit 200`;
};
