import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { regionLevels, regionQuery } from '@atensi/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, rowsOf } from '../../platform/db/client.ts';
import { runMigrations } from '../../platform/db/migrate.ts';
import { loadRegions, parseCsvLine, regionDataDir, regionFileCounts } from './load-regions.ts';
import { getRegionWithLineage, regionExists, regionNames, searchRegions } from './regions.service.ts';

/** Data lines of one package file, split into fields. */
const csv = (file: string): string[][] =>
  readFileSync(join(regionDataDir(), file), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map(parseCsvLine);

const countByLevel = async (database: Database): Promise<Record<number, number>> => {
  const result = await database.db.execute(
    sql`select level, count(*)::int as n from regions group by level order by level`,
  );
  return Object.fromEntries(rowsOf<{ level: number; n: number }>(result).map((r) => [r.level, r.n]));
};

describe('regions: loading idn-area-data and searching it (fresh in-memory PGlite)', () => {
  let database: Database;
  let firstLoad: { inserted: number; total: number };
  let loadMs = 0;

  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite' });
    await runMigrations(database);
    const started = performance.now();
    firstLoad = await loadRegions(database.db);
    loadMs = performance.now() - started;
  });

  afterAll(async () => {
    await database?.close();
  });

  it('loads every row of the four package files, one level each, fast enough', async () => {
    const files = regionFileCounts();
    // The counts come from the package's own files; these are what idn-area-data 3.x holds.
    expect(files.province).toBe(csv('provinces.csv').length);
    expect(files.regency).toBe(csv('regencies.csv').length);
    expect(files.district).toBe(csv('districts.csv').length);
    expect(files.village).toBe(csv('villages.csv').length);
    const total = files.province + files.regency + files.district + files.village;
    expect(firstLoad).toEqual({ inserted: total, total });
    expect(await countByLevel(database)).toEqual({
      1: files.province,
      2: files.regency,
      3: files.district,
      4: files.village,
    });
    expect(loadMs).toBeLessThan(30_000);
  });

  it('gives every row but the provinces an existing parent one level up', async () => {
    const result = await database.db.execute(sql`
      select count(*)::int as n from regions r
      left join regions p on p.code = r.parent_code
      where (r.level = 1 and r.parent_code is not null)
         or (r.level > 1 and (p.code is null or p.level <> r.level - 1))`);
    expect(rowsOf<{ n: number }>(result)[0]?.n).toBe(0);
  });

  it('is idempotent: a second load inserts nothing and changes no count', async () => {
    const before = await countByLevel(database);
    const again = await loadRegions(database.db);
    expect(again).toEqual({ inserted: 0, total: firstLoad.total });
    expect(await countByLevel(database)).toEqual(before);
  });

  it('fills in only what is missing when the table holds part of the rows', async () => {
    const files = regionFileCounts();
    await database.db.execute(sql`delete from regions where code like '53.71.%' and level = 4`);
    const deleted = csv('villages.csv').filter((f) => f[0]!.startsWith('53.71.')).length;
    expect(deleted).toBeGreaterThan(0);
    const progress: [number, number][] = [];
    const refill = await loadRegions(database.db, (done, total) => progress.push([done, total]));
    expect(refill.inserted).toBe(deleted);
    expect(progress.at(-1)).toEqual([deleted, deleted]);
    expect((await countByLevel(database))[4]).toBe(files.village);
  });

  it('stores title-cased names for provinces and regencies and keeps the others', async () => {
    const names = await regionNames(database.db, ['31', '34', '53', '32.75', '32.16', '73.10', '31.71']);
    expect(names.get('31')).toBe('DKI Jakarta');
    expect(names.get('34')).toBe('Daerah Istimewa Yogyakarta');
    expect(names.get('53')).toBe('Nusa Tenggara Timur');
    expect(names.get('32.75')).toBe('Kota Bekasi');
    expect(names.get('32.16')).toBe('Kabupaten Bekasi');
    expect(names.get('73.10')).toBe('Kabupaten Pangkajene dan Kepulauan');
    expect(names.get('31.71')).toBe('Kota Administrasi Jakarta Pusat');
    const [firstDistrict] = csv('districts.csv');
    expect((await regionNames(database.db, [firstDistrict![0]!])).get(firstDistrict![0]!)).toBe(
      firstDistrict![2],
    );
  });

  it('finds Kota Bekasi and Kabupaten Bekasi by name, case-insensitively', async () => {
    const found = await searchRegions(database.db, regionQuery.parse({ q: 'BEKASI' }));
    expect(found).toEqual(
      expect.arrayContaining([
        { code: '32.75', name: 'Kota Bekasi', level: 'regency', parentCode: '32' },
        { code: '32.16', name: 'Kabupaten Bekasi', level: 'regency', parentCode: '32' },
      ]),
    );
    for (const r of found) expect(r.name.toLowerCase()).toContain('bekasi');
    const onlyRegencies = await searchRegions(
      database.db,
      regionQuery.parse({ q: 'bekasi', level: 'regency' }),
    );
    expect(onlyRegencies.map((r) => r.code).sort()).toEqual(['32.16', '32.75']);
  });

  it('ranks word-start matches and larger units first, and treats % and _ as letters', async () => {
    const kupang = await searchRegions(database.db, regionQuery.parse({ q: 'kupang', limit: 10 }));
    expect(
      kupang
        .slice(0, 2)
        .map((r) => r.code)
        .sort(),
    ).toEqual(['53.01', '53.71']);
    const levels = kupang.map((r) => r.level);
    expect(levels).toEqual([...levels].sort((x, y) => regionLevels.indexOf(x) - regionLevels.indexOf(y)));
    const jakarta = await searchRegions(database.db, regionQuery.parse({ q: 'jakarta', limit: 3 }));
    expect(jakarta[0]).toMatchObject({ code: '31', name: 'DKI Jakarta' });
    expect(await searchRegions(database.db, regionQuery.parse({ q: '%' }))).toEqual([]);
    expect(await searchRegions(database.db, regionQuery.parse({ q: '_' }))).toEqual([]);
  });

  it('lists the children of a province: every NTT regency of the package', async () => {
    const nttRegencies = csv('regencies.csv').filter((f) => f[1] === '53');
    const children = await searchRegions(database.db, regionQuery.parse({ parent: '53', limit: 100 }));
    expect(children).toHaveLength(nttRegencies.length);
    expect(children.map((r) => r.code).sort()).toEqual(nttRegencies.map((f) => f[0]).sort());
    expect(children.every((r) => r.level === 'regency' && r.parentCode === '53')).toBe(true);
    expect(children.map((r) => r.name)).toContain('Kota Kupang');
  });

  it('filters by level, fetches a list of codes and defaults to the provinces', async () => {
    const provinces = await searchRegions(database.db, regionQuery.parse({ level: 'province', limit: 100 }));
    expect(provinces).toHaveLength(regionFileCounts().province);
    expect(await searchRegions(database.db, regionQuery.parse({}))).toHaveLength(regionFileCounts().province);
    const some = await searchRegions(database.db, regionQuery.parse({ code: '53, 32.75,99.99,32.75' }));
    expect(some.map((r) => r.code)).toEqual(['32.75', '53']);
    expect(await searchRegions(database.db, regionQuery.parse({ code: ' , ' }))).toEqual([]);
  });

  it('gives a village with its lineage, province first', async () => {
    const village = csv('villages.csv').find((f) => f[1]!.startsWith('32.75.'))!;
    const found = await getRegionWithLineage(database.db, village[0]!);
    expect(found?.region).toMatchObject({ code: village[0], level: 'village', parentCode: village[1] });
    expect(found?.lineage.map((r) => r.level)).toEqual(['province', 'regency', 'district', 'village']);
    expect(found?.lineage.map((r) => r.code)).toEqual(['32', '32.75', village[1], village[0]]);
    expect(found?.lineage[1]?.name).toBe('Kota Bekasi');
    expect(await getRegionWithLineage(database.db, '99.99.99.9999')).toBeNull();
  });

  it('says whether a code exists, and shows package apostrophes as apostrophes', async () => {
    expect(await regionExists(database.db, '33.23')).toBe(true);
    expect(await regionExists(database.db, '33.99')).toBe(false);
    const quoted = csv('villages.csv').find((f) => f[2]!.includes('"'));
    if (quoted) {
      const name = (await regionNames(database.db, [quoted[0]!])).get(quoted[0]!);
      expect(name).toBe(quoted[2]!.replace(/"/g, "'"));
    }
  });
});
