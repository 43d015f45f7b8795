/**
 * Indonesia's three time zones by province (UU / Keppres 41/1987 and later provinces).
 * WIT: Maluku, Maluku Utara and the Papua provinces; WITA: Bali, NTB, NTT, Kalimantan
 * Selatan/Timur/Utara and Sulawesi; everything else WIB.
 */
export type IndonesianZone = 'WIB' | 'WITA' | 'WIT';

export const zoneIana: Record<IndonesianZone, string> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};

const witaProvinces = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const witProvinces = new Set(['81', '82', '91', '92', '93', '94', '95', '96', '97']);

export const zoneOfRegion = (regionCode: string | null | undefined): IndonesianZone => {
  const p = (regionCode ?? '').slice(0, 2);
  if (witProvinces.has(p)) return 'WIT';
  if (witaProvinces.has(p)) return 'WITA';
  return 'WIB';
};
