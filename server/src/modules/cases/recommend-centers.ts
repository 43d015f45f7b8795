import type { recommendationSchema, routingOrigin, routingQuery } from '@atensi/domain';
import { rankCenters } from '@atensi/domain';
import type { z } from 'zod';
import type { Db } from '../../platform/db/client.ts';
import { routingCenters } from '../centers/centers.service.ts';
import { regencySeat } from '../regions/regions.service.ts';
import { socialWorkerCounts } from '../users/users.service.ts';
import { openCaseCounts } from './cases.service.ts';

type Query = z.infer<typeof routingQuery>;
type Origin = z.infer<typeof routingOrigin>;

/**
 * Where distances are measured from: the position the caller gives (outreach GPS), else the seat
 * (ibu kota) of the person's regency or city from the regions module's fact table (decision 0022);
 * none for a province-only region.
 */
export const routingOriginOf = (query: Query): Origin | null => {
  if (typeof query.latitude === 'number' && typeof query.longitude === 'number')
    return {
      kind: 'position',
      latitude: query.latitude,
      longitude: query.longitude,
      seat: null,
      regencyCode: null,
    };
  const seat = regencySeat(query.regionCode);
  return seat
    ? {
        kind: 'regency_seat',
        latitude: seat.latitude,
        longitude: seat.longitude,
        seat: seat.seat,
        regencyCode: seat.regencyCode,
      }
    : null;
};

const centerPosition = (c: { regionCode: string; latitude: number | null; longitude: number | null }) => {
  if (c.latitude !== null && c.longitude !== null) return { latitude: c.latitude, longitude: c.longitude };
  const seat = regencySeat(c.regionCode);
  return { latitude: seat?.latitude ?? null, longitude: seat?.longitude ?? null };
};

/**
 * Multi-function routing: every live centre ranked for this person by free capacity for the modality,
 * coverage of their region and distance — never by the centre's historical specialty (it is shown,
 * not weighed).
 */
export const recommendCenters = async (
  db: Db,
  query: Query,
): Promise<z.infer<typeof recommendationSchema>[]> => {
  const [centers, workers, open] = await Promise.all([
    routingCenters(db),
    socialWorkerCounts(db),
    openCaseCounts(db),
  ]);
  const origin = routingOriginOf(query);
  const byId = new Map(centers.map((c) => [c.id, c]));
  const ranked = rankCenters(
    {
      regionCode: query.regionCode,
      latitude: origin?.latitude ?? null,
      longitude: origin?.longitude ?? null,
      modality: query.modality,
    },
    centers.map((c) => ({
      ...c,
      // A centre entered without coordinates stands at the seat of its regency, as a person does.
      ...centerPosition(c),
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
