import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsvLine } from './load-regions.ts';

/** Where a regency or city is governed from: its seat (ibu kota) and the seat's position. */
export type RegencySeat = {
  /** Kemendagri regency code, `PP.KK`. */
  regencyCode: string;
  seat: string;
  latitude: number;
  longitude: number;
};

export const regencySeatsFile = join(dirname(fileURLToPath(import.meta.url)), 'regency-seats.csv');

/**
 * Reads the committed fact table (source and method in its header and in decision 0022). Lines starting
 * with `#` are its header notes. A malformed row stops the server at the first lookup rather than
 * routing people by a wrong position.
 */
export const readRegencySeats = (file = regencySeatsFile): Map<string, RegencySeat> => {
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const [header, ...rows] = lines;
  if (header !== 'code,name,seat,latitude,longitude') throw new Error(`${file}: unexpected header ${header}`);
  const seats = new Map<string, RegencySeat>();
  for (const line of rows) {
    const [code, , seat, lat, lon] = parseCsvLine(line);
    const latitude = Number(lat);
    const longitude = Number(lon);
    if (
      !code ||
      !/^\d{2}\.\d{2}$/.test(code) ||
      !seat ||
      !Number.isFinite(latitude) ||
      !Number.isFinite(longitude)
    )
      throw new Error(`${file}: malformed row ${line}`);
    seats.set(code, { regencyCode: code, seat, latitude, longitude });
  }
  return seats;
};

let cache: Map<string, RegencySeat> | undefined;

/**
 * The seat of the regency or city a region code lies in (any level from regency down to village), or
 * null for a province code or a code the table does not know. 514 rows, loaded once and kept in memory.
 */
export const regencySeat = (code: string): RegencySeat | null => {
  const regency = code.trim().slice(0, 5);
  if (!/^\d{2}\.\d{2}$/.test(regency)) return null;
  cache ??= readRegencySeats();
  return cache.get(regency) ?? null;
};
