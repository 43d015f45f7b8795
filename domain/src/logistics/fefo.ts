/**
 * Stock is kept by lot; an issue takes from the lot that expires first (FEFO, first-expiring
 * first-out). Lots without an expiry date (tents, blankets) come after dated ones, oldest
 * received first. Lots already expired are never issued: they wait for a write-off.
 */
export type Lot = {
  lotId: string;
  /** Units on hand in this lot (integer, ≥ 0). */
  quantity: number;
  /** ISO date, or null for goods that do not expire. */
  expiresOn: string | null;
  /** ISO timestamp of the receipt, to order undated lots and ties. */
  receivedAt: string;
};

export type LotPick = { lotId: string; quantity: number };

const byFefo = (a: Lot, b: Lot): number => {
  if (a.expiresOn !== b.expiresOn) {
    if (a.expiresOn === null) return 1;
    if (b.expiresOn === null) return -1;
    return a.expiresOn < b.expiresOn ? -1 : 1;
  }
  if (a.receivedAt !== b.receivedAt) return a.receivedAt < b.receivedAt ? -1 : 1;
  return a.lotId < b.lotId ? -1 : a.lotId > b.lotId ? 1 : 0;
};

/** Lots that may be issued on `today` (ISO date), in the order FEFO takes them. */
export const issuableLots = (lots: readonly Lot[], today: string): Lot[] =>
  lots.filter((l) => l.quantity > 0 && (l.expiresOn === null || l.expiresOn >= today)).sort(byFefo);

/**
 * Which lots an issue of `quantity` takes. `short` is what the stock cannot give: the caller
 * refuses the issue when it is not 0 (stock never goes negative).
 */
export const pickFefo = (
  lots: readonly Lot[],
  quantity: number,
  today: string,
): { picks: LotPick[]; short: number } => {
  const picks: LotPick[] = [];
  let remaining = quantity;
  for (const lot of issuableLots(lots, today)) {
    if (remaining <= 0) break;
    const take = Math.min(lot.quantity, remaining);
    picks.push({ lotId: lot.lotId, quantity: take });
    remaining -= take;
  }
  return { picks, short: Math.max(0, remaining) };
};
