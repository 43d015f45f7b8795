import type { recommendationSchema, routingQuery } from '@atensi/domain';
import { rankCenters } from '@atensi/domain';
import type { z } from 'zod';
import type { Db } from '../../platform/db/client.ts';
import { routingCenters } from '../centers/centers.service.ts';
import { socialWorkerCounts } from '../users/users.service.ts';
import { openCaseCounts } from './cases.service.ts';

/**
 * Multi-function routing: every live centre ranked for this person by coverage of their
 * region, free capacity for the modality and distance — never by the centre's historical
 * specialty (it is shown, not weighed).
 */
export const recommendCenters = async (
  db: Db,
  query: z.infer<typeof routingQuery>,
): Promise<z.infer<typeof recommendationSchema>[]> => {
  const [centers, workers, open] = await Promise.all([
    routingCenters(db),
    socialWorkerCounts(db),
    openCaseCounts(db),
  ]);
  const byId = new Map(centers.map((c) => [c.id, c]));
  const ranked = rankCenters(
    {
      regionCode: query.regionCode,
      latitude: query.latitude ?? null,
      longitude: query.longitude ?? null,
      modality: query.modality,
    },
    centers.map((c) => ({
      ...c,
      socialWorkers: workers.get(c.id) ?? 0,
      activeCases: open.get(c.id) ?? 0,
      archived: false,
    })),
  );
  return ranked.map((r) => {
    const c = byId.get(r.centerId)!;
    return {
      centerId: r.centerId,
      centerName: c.name,
      score: r.score,
      distanceKm: r.distanceKm,
      reasons: r.reasons,
      specialtyClusters: c.specialtyClusters as z.infer<typeof recommendationSchema>['specialtyClusters'],
    };
  });
};
