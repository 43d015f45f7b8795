import type { ProposalLine } from '@atensi/domain';

/**
 * What a proposal line says about the warehouse's minimum level, for the quantity now in its
 * field (the person may change the proposed one):
 * - `held`: nothing taken, to keep the minimum, while other warehouses have stock above theirs;
 * - `short`: the proposal itself goes below the minimum, because the stock above every
 *   warehouse's minimum does not cover the need;
 * - `dips`: the quantity typed goes below the minimum (the person's choice);
 * - `keeps`: sends and keeps the minimum.
 * Null when the warehouse has no minimum for the item.
 */
export type MinimumNote =
  | { kind: 'held'; available: number; minimum: number }
  | { kind: 'short'; below: number; minimum: number }
  | { kind: 'dips'; below: number; left: number; minimum: number }
  | { kind: 'keeps'; minimum: number };

export const minimumNote = (
  line: Pick<ProposalLine, 'available' | 'minimum' | 'quantity' | 'belowMinimum'>,
  quantity: number,
): MinimumNote | null => {
  const { available, minimum } = line;
  if (minimum <= 0) return null;
  if (quantity <= 0) return line.quantity === 0 ? { kind: 'held', available, minimum } : null;
  const below = Math.max(0, quantity - Math.max(0, available - minimum));
  if (below === 0) return { kind: 'keeps', minimum };
  if (line.belowMinimum > 0 && quantity <= line.quantity) return { kind: 'short', below, minimum };
  return { kind: 'dips', below, left: Math.max(0, available - quantity), minimum };
};
