import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { rowsOf } from '../../platform/db/client.ts';
import { regions } from './regions.tables.ts';

/** The four idn-area-data files, in load order (parents before children), with their level number. */
const files = [
  { key: 'province', file: 'provinces.csv', level: 1 },
  { key: 'regency', file: 'regencies.csv', level: 2 },
  { key: 'district', file: 'districts.csv', level: 3 },
  { key: 'village', file: 'villages.csv', level: 4 },
] as const;

type LevelKey = (typeof files)[number]['key'];
export type RegionFileCounts = Record<LevelKey, number>;

type RegionRow = typeof regions.$inferInsert;

const batchSize = 2_000;

let dataDirCache: string | undefined;
export const regionDataDir = (): string => {
  dataDirCache ??= join(
    dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')),
    'data',
  );
  return dataDirCache;
};

const readLines = (file: string): string[] =>
  readFileSync(join(regionDataDir(), file), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');

/**
 * Splits one CSV line. A field that starts with `"` is a quoted field (RFC 4180, `""` is a literal quote).
 * A `"` inside an unquoted field is kept as is: idn-area-data writes apostrophes that way in some
 * village names (`Soka"an`, `T"Singa`), and none of its fields is actually quoted.
 */
export const parseCsvLine = (line: string): string[] => {
  const fields: string[] = [];
  let i = 0;
  while (true) {
    let field = '';
    if (line[i] === '"') {
      i++;
      while (i < line.length) {
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else {
          field += line[i++];
        }
      }
      // Anything between the closing quote and the comma is kept rather than lost.
      while (i < line.length && line[i] !== ',') field += line[i++];
    } else {
      while (i < line.length && line[i] !== ',') field += line[i++];
    }
    fields.push(field);
    if (i >= line.length) return fields;
    i++; // the comma
  }
};

const lowerWords = new Set(['dan']);
const upperWords = new Set(['DKI']);

/**
 * "KABUPATEN ACEH SELATAN" → "Kabupaten Aceh Selatan", "DKI JAKARTA" → "DKI Jakarta",
 * "KABUPATEN PANGKAJENE DAN KEPULAUAN" → "Kabupaten Pangkajene dan Kepulauan".
 */
export const titleCaseRegionName = (upper: string): string =>
  upper
    .trim()
    .split(/\s+/)
    .map((word, index) => {
      if (upperWords.has(word.toUpperCase())) return word.toUpperCase();
      const lower = word.toLowerCase();
      if (index > 0 && lowerWords.has(lower)) return lower;
      // Capitalise after a hyphen or apostrophe too: "Una-Una".
      return lower.replace(/(^|[-'])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
    })
    .join(' ');

/** The package writes an apostrophe as `"` in a few village names; show it as an apostrophe. */
const cleanMixedCaseName = (name: string): string => name.trim().replace(/"/g, "'");

const readRows = (entry: (typeof files)[number]): RegionRow[] =>
  readLines(entry.file)
    .slice(1)
    .map((line) => {
      const fields = parseCsvLine(line);
      const code = fields[0]!.trim();
      if (entry.level === 1) {
        return { code, parentCode: null, level: 1, name: titleCaseRegionName(fields[1]!) };
      }
      const parentCode = fields[1]!.trim();
      const rawName = fields.slice(2).join(',');
      const name = entry.level === 2 ? titleCaseRegionName(rawName) : cleanMixedCaseName(rawName);
      return { code, parentCode, level: entry.level, name };
    });

/** How many rows each level file holds (data lines, header excluded): the truth tests compare against. */
export const regionFileCounts = (): RegionFileCounts => {
  const counts = {} as RegionFileCounts;
  for (const entry of files) counts[entry.key] = readLines(entry.file).length - 1;
  return counts;
};

const countRows = async (db: Db): Promise<number> => {
  const result = await db.execute(sql`select count(*)::int as n from ${regions}`);
  return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
};

/**
 * Loads every province, regency, district and village of idn-area-data into `regions`, in one
 * transaction. Idempotent: a table that already holds every row is left alone; a partly filled one
 * only gets the missing rows.
 */
export const loadRegions = async (
  db: Db,
  onProgress?: (done: number, total: number) => void,
): Promise<{ inserted: number; total: number }> => {
  const counts = regionFileCounts();
  const total = counts.province + counts.regency + counts.district + counts.village;
  const present = await countRows(db);
  if (present === total) return { inserted: 0, total };

  let rows = files.flatMap(readRows);
  if (present > 0) {
    // Defensive: a partly filled table only gets what it lacks (onConflictDoNothing covers a race).
    const existing = await db.select({ code: regions.code }).from(regions);
    const have = new Set(existing.map((r) => r.code));
    rows = rows.filter((r) => !have.has(r.code));
  }
  let inserted = 0;
  await db.transaction(async (tx) => {
    for (let start = 0; start < rows.length; start += batchSize) {
      const batch = rows.slice(start, start + batchSize);
      const result = await tx
        .insert(regions)
        .values(batch)
        .onConflictDoNothing({ target: regions.code })
        .returning({ code: regions.code });
      inserted += result.length;
      onProgress?.(Math.min(start + batch.length, rows.length), rows.length);
    }
  });
  return { inserted, total };
};
