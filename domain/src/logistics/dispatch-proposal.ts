import { haversineKm } from '../routing/score.ts';

/** A warehouse that holds the item, as the proposal weighs it. */
export type WarehouseAvailability = {
  warehouseId: string;
  /** Region code of the warehouse (its province is the first two digits). */
  regionCode: string;
  latitude: number | null;
  longitude: number | null;
  /** Units that can be issued now (not expired, not reserved). */
  available: number;
};

export type DisasterSite = { regionCode: string; latitude: number | null; longitude: number | null };

export type ProposedLine = { warehouseId: string; quantity: number; distanceKm: number | null };

const distanceOf = (site: DisasterSite, w: WarehouseAvailability): number | null =>
  site.latitude !== null && site.longitude !== null && w.latitude !== null && w.longitude !== null
    ? haversineKm(site.latitude, site.longitude, w.latitude, w.longitude)
    : null;

/**
 * Where to ship a need from: nearest first among warehouses with stock (by coordinates;
 * without them, the site's province first), splitting across warehouses when one is not
 * enough. Nothing moves until a person accepts the proposal. `shortfall` is what no
 * warehouse can cover.
 */
export const proposeDispatch = (
  need: number,
  site: DisasterSite,
  warehouses: readonly WarehouseAvailability[],
): { lines: ProposedLine[]; shortfall: number } => {
  const province = site.regionCode.slice(0, 2);
  const ranked = warehouses
    .filter((w) => w.available > 0)
    .map((w) => ({ w, distanceKm: distanceOf(site, w), sameProvince: w.regionCode.slice(0, 2) === province }))
    .sort(
      (a, b) =>
        (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY) ||
        Number(b.sameProvince) - Number(a.sameProvince) ||
        (a.w.warehouseId < b.w.warehouseId ? -1 : a.w.warehouseId > b.w.warehouseId ? 1 : 0),
    );
  const lines: ProposedLine[] = [];
  let remaining = need;
  for (const { w, distanceKm } of ranked) {
    if (remaining <= 0) break;
    const quantity = Math.min(w.available, remaining);
    lines.push({ warehouseId: w.warehouseId, quantity, distanceKm });
    remaining -= quantity;
  }
  return { lines, shortfall: Math.max(0, remaining) };
};
