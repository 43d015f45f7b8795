import { type Region, type RegionQuery, regionLevels, regionLineage } from '@atensi/domain';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { containsPattern, escapeLike } from '../../platform/db/like.ts';
import { regions } from './regions.tables.ts';

type RegionRow = typeof regions.$inferSelect;

const toRegion = (row: RegionRow): Region => ({
  code: row.code,
  name: row.name,
  level: regionLevels[row.level - 1] ?? 'village',
  parentCode: row.parentCode,
});

const levelNumber = (level: Region['level']): number => regionLevels.indexOf(level) + 1;

/** `%` and `_` typed by a user are letters, not wildcards. */

/** The most codes one `code=` list may ask for. */
const maxCodes = 100;

const splitCodes = (list: string): string[] => [
  ...new Set(
    list
      .split(',')
      .map((c) => c.trim())
      .filter((c) => c !== ''),
  ),
];

/**
 * Region search for pickers and lookups. Filters combine: `parent` (children of a code), `level`,
 * `q` (case-insensitive part of the name), `code` (comma-separated codes). With none of them, the
 * provinces. A name search ranks first the names where a word starts with `q` ("Kota Bekasi" for
 * "bek"), then larger units before smaller ones (Kota Kupang before the villages called Kupang), then
 * trigram similarity, shorter names, name.
 */
export const searchRegions = async (db: Db, query: RegionQuery): Promise<Region[]> => {
  const conditions: SQL[] = [];
  const q = query.q?.trim() ?? '';
  const codes = query.code ? splitCodes(query.code).slice(0, maxCodes) : [];

  if (query.parent) conditions.push(eq(regions.parentCode, query.parent));
  if (query.level) conditions.push(eq(regions.level, levelNumber(query.level)));
  if (query.code) {
    if (codes.length === 0) return [];
    conditions.push(inArray(regions.code, codes));
  }
  if (q !== '') conditions.push(sql`${regions.name} ilike ${containsPattern(q)}`);
  if (conditions.length === 0) conditions.push(eq(regions.level, 1));

  const orderBy: SQL[] =
    q !== ''
      ? [
          sql`case when ${regions.name} ilike ${`${escapeLike(q)}%`}
                     or ${regions.name} ilike ${`% ${escapeLike(q)}%`} then 0 else 1 end`,
          asc(regions.level),
          sql`similarity(${regions.name}, ${q}) desc`,
          sql`length(${regions.name})`,
          asc(regions.name),
          asc(regions.code),
        ]
      : query.code
        ? [asc(regions.code)]
        : [asc(regions.name), asc(regions.code)];

  const rows = await db
    .select()
    .from(regions)
    .where(and(...conditions))
    .orderBy(...orderBy)
    .limit(query.limit);
  return rows.map(toRegion);
};

/** One region and its chain of ancestors, province first, ending with the region itself. */
export const getRegionWithLineage = async (
  db: Db,
  code: string,
): Promise<{ region: Region; lineage: Region[] } | null> => {
  const chain = regionLineage(code.trim());
  const rows = await db.select().from(regions).where(inArray(regions.code, chain));
  const byCode = new Map(rows.map((r) => [r.code, toRegion(r)]));
  const region = byCode.get(chain[chain.length - 1]!);
  if (!region) return null;
  const lineage = chain.map((c) => byCode.get(c)).filter((r): r is Region => r !== undefined);
  return { region, lineage };
};

/** Names of the given codes; codes that do not exist are simply absent from the map. */
export const regionNames = async (db: Db, codes: string[]): Promise<Map<string, string>> => {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(inArray(regions.code, unique));
  return new Map(rows.map((r) => [r.code, r.name]));
};

/**
 * Codes of the regencies, districts and villages whose name holds `text`, larger units first,
 * at most `limit`: other modules find their records by the words of the place this way
 * (the trigram index serves the search).
 */
export const regionCodesNamed = async (db: Db, text: string, limit = 500): Promise<string[]> => {
  const q = text.trim();
  if (q === '') return [];
  const rows = await db
    .select({ code: regions.code })
    .from(regions)
    .where(and(sql`${regions.level} between 2 and 4`, sql`${regions.name} ilike ${containsPattern(q)}`))
    .orderBy(asc(regions.level), asc(regions.code))
    .limit(limit);
  return rows.map((r) => r.code);
};

export const regionExists = async (db: Db, code: string): Promise<boolean> => {
  const rows = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, code)).limit(1);
  return rows.length > 0;
};
export { type RegencySeat, regencySeat } from './regency-seats.ts';
