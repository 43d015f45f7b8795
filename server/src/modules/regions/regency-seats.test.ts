import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { haversineKm } from '@atensi/domain';
import { describe, expect, it } from 'vitest';
import { parseCsvLine, regionDataDir } from './load-regions.ts';
import { type RegencySeat, readRegencySeats, regencySeat, regencySeatsFile } from './regency-seats.ts';

/** Data lines of one idn-area-data file, split into fields. */
const csv = (file: string): string[][] =>
  readFileSync(join(regionDataDir(), file), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map(parseCsvLine);

const regencies = csv('regencies.csv').map(([code, province, name]) => ({
  code: code!,
  province: province!,
  name: name!,
}));

/** `03°19'03.44" N 097°07'41.73" E` → [lat, lon]: the package's island positions, an independent source. */
const parseDms = (text: string): [number, number] => {
  const parts = [...text.matchAll(/(\d+)°(\d+)'([\d.]+)"\s*([NSEW])/g)].map((m) => {
    const value = Number(m[1]) + Number(m[2]) / 60 + Number(m[3]) / 3600;
    return m[4] === 'S' || m[4] === 'W' ? -value : value;
  });
  if (parts.length !== 2) throw new Error(`unreadable coordinate ${text}`);
  return [parts[0]!, parts[1]!];
};
const islandsByRegency = new Map<string, [number, number][]>();
for (const [, regency, coordinate] of csv('islands.csv')) {
  const list = islandsByRegency.get(regency!) ?? [];
  list.push(parseDms(coordinate!));
  islandsByRegency.set(regency!, list);
}

/** Indonesia's extent with a margin: Sabang to Merauke, Miangas to Rote. */
const indonesia = { south: -11.2, north: 6.2, west: 94.8, east: 141.2 };
/** The widest province (Maluku, Ambon to Aru) has its farthest seat ~620 km from its middle. */
const provinceRadiusKm = 700;
/** Gresik's Bawean and Ogan Komering Ilir's one island lie ~150 km from their seats. */
const ownIslandKm = 200;

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Rows that cannot be right: outside Indonesia (a swapped latitude and longitude lands there), far
 * from the middle of their province's seats (a row of another province), or far from every island the
 * package lists for that regency (a row of a neighbouring regency or province by the sea).
 */
const implausible = (seats: Map<string, RegencySeat>): string[] => {
  const problems: string[] = [];
  const byProvince = new Map<string, RegencySeat[]>();
  for (const s of seats.values()) {
    const list = byProvince.get(s.regencyCode.slice(0, 2)) ?? [];
    list.push(s);
    byProvince.set(s.regencyCode.slice(0, 2), list);
  }
  for (const s of seats.values()) {
    const { latitude: lat, longitude: lon } = s;
    if (lat < indonesia.south || lat > indonesia.north || lon < indonesia.west || lon > indonesia.east) {
      problems.push(`${s.regencyCode} outside Indonesia`);
      continue;
    }
    const peers = byProvince.get(s.regencyCode.slice(0, 2))!;
    const middle = [median(peers.map((p) => p.latitude)), median(peers.map((p) => p.longitude))] as const;
    if (haversineKm(lat, lon, middle[0], middle[1]) > provinceRadiusKm)
      problems.push(`${s.regencyCode} far from its province`);
    const islands = islandsByRegency.get(s.regencyCode);
    if (islands && Math.min(...islands.map(([a, b]) => haversineKm(lat, lon, a, b))) > ownIslandKm)
      problems.push(`${s.regencyCode} far from its own islands`);
  }
  return problems;
};

describe('regency seats (server/src/modules/regions/regency-seats.csv)', () => {
  const seats = readRegencySeats();

  it('has exactly one seat for each of the 514 regencies and cities of idn-area-data, under the same name', () => {
    expect(regencies).toHaveLength(514);
    const table = readFileSync(regencySeatsFile, 'utf8')
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '' && !l.startsWith('#'))
      .slice(1)
      .map(parseCsvLine);
    // Same codes in the same order with the same names: a table keyed by BPS codes (11.01 Simeulue)
    // instead of Kemendagri's (11.01 Aceh Selatan) fails here.
    expect(table.map(([code, name]) => `${code} ${name}`)).toEqual(
      regencies.map((r) => `${r.code} ${r.name}`),
    );
    expect(seats.size).toBe(514);
  });

  it('puts every seat inside Indonesia, near its province and near its own islands', () => {
    expect(implausible(seats)).toEqual([]);
  });

  it('catches a swapped latitude and longitude, a seat of another province and one of a neighbour by the sea', () => {
    const mutated = (code: string, change: (s: RegencySeat) => Partial<RegencySeat>) => {
      const copy = new Map(seats);
      copy.set(code, { ...seats.get(code)!, ...change(seats.get(code)!) });
      return implausible(copy);
    };
    expect(mutated('53.01', (s) => ({ latitude: s.longitude, longitude: s.latitude }))).toEqual([
      '53.01 outside Indonesia',
    ]);
    // Kabupaten Kupang placed at Temanggung, Central Java.
    expect(mutated('53.01', () => ({ latitude: -7.3156, longitude: 110.1745 }))).toContain(
      '53.01 far from its province',
    );
    // Kabupaten Kupang (which has islands: Semau, Kera…) placed at Ende, Flores: inside NTT, but wrong.
    expect(mutated('53.01', () => ({ latitude: -8.8542, longitude: 121.6545 }))).toEqual([
      '53.01 far from its own islands',
    ]);
  });

  it('finds the seat for a village, district or regency code and nothing for a province or unknown code', () => {
    expect(regencySeat('53.01.05.2003')).toMatchObject({ regencyCode: '53.01', seat: 'Oelamasi' });
    expect(regencySeat('53.01')).toEqual(regencySeat('53.01.05'));
    expect(regencySeat('53.71.01.1001')?.seat).toBe('Kupang');
    expect(regencySeat('53')).toBeNull();
    expect(regencySeat('99.99')).toBeNull();
    expect(regencySeat('')).toBeNull();
  });

  it('measures Kabupaten Kupang’s seat to Naibonat in tens of kilometres, to Java in more than a thousand', () => {
    const oelamasi = regencySeat('53.01')!;
    expect(haversineKm(oelamasi.latitude, oelamasi.longitude, -10.077, 123.862)).toBeLessThan(10);
    expect(haversineKm(oelamasi.latitude, oelamasi.longitude, -7.3156, 110.1745)).toBeGreaterThan(1_400);
  });
});
