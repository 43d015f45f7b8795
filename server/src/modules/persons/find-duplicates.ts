import {
  type DuplicateCandidate,
  type DuplicateQuery,
  duplicateThreshold,
  normalizeName,
  scoreDuplicate,
} from '@atensi/domain';
import { and, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { summariesOf } from './persons.service.ts';
import { persons } from './persons.tables.ts';

/** How many rows the database hands to the scorer: enough for common names, bounded for speed. */
const poolSize = 200;

/**
 * Likely duplicates across the whole registry (masked summaries only). The database finds
 * candidates by exact NIK, by trigram similarity of the normalised name or aliases, or by the
 * same birth date in the same regency (catches a badly misspelt name); the domain's
 * `scoreDuplicate` ranks them and explains why.
 */
export const findDuplicates = async (db: Db, query: DuplicateQuery): Promise<DuplicateCandidate[]> => {
  const norm = normalizeName(query.fullName);
  const live = isNull(persons.mergedIntoId);
  const exclude = query.excludeId ? sql`${persons.id} <> ${query.excludeId}` : undefined;
  const ways: SQL[] = [sql`${persons.nameNormalized} % ${norm}`, sql`${persons.aliasesNormalized} % ${norm}`];
  if (query.nik && /^\d{16}$/.test(query.nik)) ways.push(eq(persons.nik, query.nik));
  if (query.birthDate && query.regionCode && query.regionCode.length >= 5) {
    ways.push(
      and(
        eq(persons.birthDate, query.birthDate),
        sql`${persons.regionCode} like ${`${query.regionCode.slice(0, 5)}%`}`,
      ) as SQL,
    );
  }
  const rows = await db
    .select()
    .from(persons)
    .where(and(live, exclude, or(...ways)))
    .orderBy(sql`similarity(${persons.nameNormalized}, ${norm}) desc`)
    .limit(poolSize);
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
    .sort((a, b) => b.score - a.score || a.row.fullName.localeCompare(b.row.fullName))
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
