import { haversineKm } from '../routing/score.ts';

/** A warehouse that holds the item, as the proposal weighs it. */
export type WarehouseAvailability = {
  warehouseId: string;
  /** Region code of the warehouse (its regency and province are its first five and two characters). */
  regionCode: string;
  latitude: number | null;
  longitude: number | null;
  /** Units that can be issued now (not expired, not reserved). */
  available: number;
  /**
   * The warehouse's minimum level of the item (its buffer for its own area); 0 when none is
   * set. Only what is above it is offered first.
   */
  minimum: number;
};

export type DisasterSite = { regionCode: string; latitude: number | null; longitude: number | null };

export type ProposedLine = {
  warehouseId: string;
  /**
   * Units to send. 0 for a nearer warehouse passed over to keep its minimum level: listed so
   * the person sees why it was not used (and may still take from it).
   */
  quantity: number;
  distanceKm: number | null;
  /** Units of `quantity` that take the warehouse below its minimum level; never more than `quantity`. */
  belowMinimum: number;
};

const distanceOf = (site: DisasterSite, w: WarehouseAvailability): number | null =>
  site.latitude !== null && site.longitude !== null && w.latitude !== null && w.longitude !== null
    ? haversineKm(site.latitude, site.longitude, w.latitude, w.longitude)
    : null;

/** 2 in the site's regency, 1 in its province, 0 elsewhere: the order when distances are not known. */
const closeness = (site: DisasterSite, w: WarehouseAvailability): number =>
  w.regionCode.slice(0, 5) === site.regionCode.slice(0, 5) && site.regionCode.length >= 5
    ? 2
    : w.regionCode.slice(0, 2) === site.regionCode.slice(0, 2)
      ? 1
      : 0;

/** What a warehouse can give without going below its minimum level (never below 0). */
export const aboveMinimum = (w: Pick<WarehouseAvailability, 'available' | 'minimum'>): number =>
  Math.max(0, w.available - Math.max(0, w.minimum));

/**
 * Where to ship a need from. Warehouses with stock are ranked nearest first (by coordinates;
 * without them, the site's regency, then its province first). The proposal takes what lies
 * above each warehouse's minimum level, nearest first; only when that is not enough for the
 * need does it dip below minimums, again nearest first, and says by how much on each line.
 * Never more than a warehouse holds. Nearer warehouses held back at their minimum are listed
 * with 0. Nothing moves until a person accepts. `shortfall` is what no warehouse can cover.
 */
export const proposeDispatch = (
  need: number,
  site: DisasterSite,
  warehouses: readonly WarehouseAvailability[],
): { lines: ProposedLine[]; shortfall: number } => {
  const ranked = warehouses
    .filter((w) => w.available > 0)
    .map((w) => ({ w, distanceKm: distanceOf(site, w), closeness: closeness(site, w) }))
    .sort(
      (a, b) =>
        (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY) ||
        b.closeness - a.closeness ||
        (a.w.warehouseId < b.w.warehouseId ? -1 : a.w.warehouseId > b.w.warehouseId ? 1 : 0),
    );
  let remaining = Math.max(0, need);
  // First what lies above each minimum, nearest first…
  const spare = ranked.map(({ w }) => {
    const take = Math.min(aboveMinimum(w), remaining);
    remaining -= take;
    return take;
  });
  // …then, only if that was not enough, below the minimums, nearest first.
  const reserve = ranked.map(({ w }, i) => {
    const take = Math.min(w.available - spare[i]!, remaining);
    remaining -= take;
    return take;
  });
  const used = ranked.map((_, i) => spare[i]! + reserve[i]! > 0);
  const last = used.lastIndexOf(true);
  const lines = ranked.flatMap(({ w, distanceKm }, i) =>
    used[i] || i < last
      ? [
          {
            warehouseId: w.warehouseId,
            quantity: spare[i]! + reserve[i]!,
            distanceKm,
            belowMinimum: reserve[i]!,
          },
        ]
      : [],
  );
  return { lines, shortfall: remaining };
};
