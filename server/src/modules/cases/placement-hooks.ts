import type { AuditContext, AuditRecord } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';

/**
 * What the cases module decided about where a case's person is, for modules that keep their
 * own record of it (outreach keeps the stays: TPS, LKS, balai, home). Sent inside the case
 * change's transaction, after the case's own rows are written: a listener that refuses rolls
 * the whole change back. Listeners must be idempotent: the outreach move itself takes and
 * gives back beds through this module and is told about it too.
 */
export type PlacementChange = {
  caseId: string;
  /** The case's centre before the change. */
  centerId: string;
  at: Date;
} & (
  | { kind: 'placed' }
  | { kind: 'placement_ended'; reason: string }
  | { kind: 'transferred'; toCenterId: string }
  | { kind: 'closed' }
);

export type PlacementListener = (
  tx: Db,
  audit: (record: AuditRecord) => void,
  context: AuditContext,
  change: PlacementChange,
) => Promise<void>;

// A registry, not an import: outreach already calls this module, so a call back would be a cycle.
const listeners = new Set<PlacementListener>();

/** Registered once at start (see app.ts); registering the same listener again changes nothing. */
export const onPlacementChange = (listener: PlacementListener): void => {
  listeners.add(listener);
};

export const notifyPlacementChange = async (
  tx: Db,
  audit: (record: AuditRecord) => void,
  context: AuditContext,
  change: PlacementChange,
): Promise<void> => {
  for (const listener of listeners) await listener(tx, audit, context, change);
};
