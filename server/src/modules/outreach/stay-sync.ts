import { todayInZone, zoneOfRegion } from '@atensi/domain';
import type { Db } from '../../platform/db/client.ts';
import type { PlacementListener } from '../cases/placement-hooks.ts';
import { getCenter } from '../centers/centers.service.ts';
import { endStay, lockOpenStay, openStay } from './stay-records.ts';

/** The calendar day of `at` where the case's balai is (WIB, WITA or WIT). */
const dayAtCenter = async (tx: Db, centerId: string, at: Date): Promise<string> =>
  todayInZone(zoneOfRegion((await getCenter(tx, centerId)).regionCode), at);

/**
 * Keeps the stays in step with the case's placement (decision 0014): a bed taken from the case
 * page opens a balai stay (ending a TPS or LKS stay, whose place frees up); a placement ended
 * there ends the balai stay; an accepted transfer or an approved closure ends whatever stay is
 * open. Does nothing when the stays already agree, as after an outreach move, which writes its
 * own stays and then takes or gives back the bed.
 */
export const followCasePlacement: PlacementListener = async (tx, audit, context, change) => {
  const open = await lockOpenStay(tx, change.caseId);
  if (change.kind === 'placed') {
    if (open?.kind === 'center' && open.centerId === change.centerId) return;
    const on = await dayAtCenter(tx, change.centerId, change.at);
    await openStay(tx, audit, {
      caseId: change.caseId,
      kind: 'center',
      centerId: change.centerId,
      startedOn: open ? await endStay(tx, audit, open, on) : on,
      note: null,
      recordedById: context.actorId,
    });
    return;
  }
  if (!open || (change.kind === 'placement_ended' && open.kind !== 'center')) return;
  await endStay(tx, audit, open, await dayAtCenter(tx, change.centerId, change.at));
};
