import type { Modality } from '../cases/components.ts';

/**
 * Which centre should serve a person. Since Permensos 7/2021 every balai is multi-service:
 * a person goes to the centre that covers where they live, has room, and is near, whatever
 * the centre's historical cluster. `specialtyClusters` is accepted so callers can pass
 * centres as stored, and deliberately never read.
 */

export type RoutingCenter = {
  id: string;
  name: string;
  /** Province `PP` or regency `PP.KK` codes. */
  coverage: string[];
  regionCode: string;
  latitude: number | null;
  longitude: number | null;
  bedCapacity: number;
  occupiedBeds: number;
  socialWorkers: number;
  activeCases: number;
  specialtyClusters: string[];
  archived: boolean;
};

export type RoutingInput = {
  regionCode: string;
  /** The person's position, or the centroid of their region when that is all the caller has. */
  latitude?: number | null;
  longitude?: number | null;
  modality: Modality;
};

export type RecommendationReasonCode =
  | 'after_centers_with_room'
  | 'covers_regency'
  | 'covers_province'
  | 'outside_coverage'
  | 'beds_free'
  | 'no_beds'
  | 'caseload_ok'
  | 'caseload_high'
  | 'distance_km'
  | 'distance_unknown';

export type Recommendation = {
  centerId: string;
  score: number;
  reasons: { code: RecommendationReasonCode; value?: number }[];
  distanceKm: number | null;
};

/**
 * Cases per social worker above which a centre counts as overloaded for family and
 * community work. Within the same load band the nearer centre wins: a centre 5 km away
 * with 12 cases a worker serves better than one 800 km away with 10.
 */
export const caseloadHighPerWorker = 25;

/**
 * Score parts, each step of a more important criterion larger than all the less
 * important parts together (0.5 > 2 × 0.2 + 0.09; 0.2 > 0.09), so sorting by score is the same as
 * the ranking rules; the best possible score is 0.99.
 */
export const routingWeights = { capacity: 0.5, coverageStep: 0.2, distance: 0.09 } as const;

/** Distance at which the distance part is half its weight. */
const distanceHalfKm = 100;

const earthRadiusKm = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in kilometres. */
export const haversineKm = (lat1: number, lon1: number, lat2: number, lon2: number): number => {
  const dLat = rad(lat2 - lat1);
  const dLon = rad(lon2 - lon1);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
};

const isNumber = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

type Ranked = {
  center: RoutingCenter;
  /** 0 regency, 1 province, 2 outside. */
  coverage: number;
  /** 0 has capacity, 1 does not. */
  capacity: number;
  /** Finer capacity tie-break: fewer cases per worker, or more free beds, first. */
  load: number;
  distanceKm: number | null;
  recommendation: Recommendation;
};

const rank = (input: RoutingInput, center: RoutingCenter): Ranked => {
  const reasons: Recommendation['reasons'] = [];
  const regency = input.regionCode.slice(0, 5);
  const province = input.regionCode.slice(0, 2);

  let capacity: number;
  let load: number;
  if (input.modality === 'residential') {
    const free = Math.max(0, center.bedCapacity - center.occupiedBeds);
    capacity = free > 0 ? 0 : 1;
    load = -free;
    reasons.push(free > 0 ? { code: 'beds_free', value: free } : { code: 'no_beds' });
  } else {
    const perWorker =
      center.socialWorkers > 0 ? center.activeCases / center.socialWorkers : Number.POSITIVE_INFINITY;
    capacity = perWorker <= caseloadHighPerWorker ? 0 : 1;
    load = perWorker;
    const value = Number.isFinite(perWorker) ? Math.round(perWorker * 10) / 10 : undefined;
    reasons.push(
      value === undefined
        ? { code: capacity === 0 ? 'caseload_ok' : 'caseload_high' }
        : { code: capacity === 0 ? 'caseload_ok' : 'caseload_high', value },
    );
  }

  let coverage = 2;
  if (input.regionCode.length >= 5 && center.coverage.includes(regency)) coverage = 0;
  else if (center.coverage.includes(province)) coverage = 1;
  reasons.push({ code: (['covers_regency', 'covers_province', 'outside_coverage'] as const)[coverage]! });

  const distanceKm =
    isNumber(input.latitude) &&
    isNumber(input.longitude) &&
    isNumber(center.latitude) &&
    isNumber(center.longitude)
      ? haversineKm(input.latitude, input.longitude, center.latitude, center.longitude)
      : null;
  reasons.push(
    distanceKm === null
      ? { code: 'distance_unknown' }
      : { code: 'distance_km', value: Math.round(distanceKm) },
  );

  const w = routingWeights;
  const distancePart = distanceKm === null ? 0 : w.distance / (1 + distanceKm / distanceHalfKm);
  const score = (1 - capacity) * w.capacity + (2 - coverage) * w.coverageStep + distancePart;

  return {
    center,
    coverage,
    capacity,
    load,
    distanceKm,
    recommendation: {
      centerId: center.id,
      score: Math.round(score * 10_000) / 10_000,
      reasons,
      distanceKm: distanceKm === null ? null : Math.round(distanceKm * 10) / 10,
    },
  };
};

const compare = (a: Ranked, b: Ranked): number =>
  a.capacity - b.capacity ||
  a.coverage - b.coverage ||
  (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY) ||
  (a.load === b.load ? 0 : a.load < b.load ? -1 : 1) ||
  a.center.name.localeCompare(b.center.name, 'id') ||
  (a.center.id < b.center.id ? -1 : a.center.id > b.center.id ? 1 : 0);

/**
 * Non-archived centres, best first (decision 0022): room for the modality first — a free bed for
 * residential care, a caseload a worker can carry for family and community work — so a full centre,
 * however near, goes behind every centre with room, stays listed and says why
 * (`after_centers_with_room`); then coverage of the person's regency, then province, then none; then
 * distance, unknown last.
 */
export const rankCenters = (input: RoutingInput, centers: readonly RoutingCenter[]): Recommendation[] => {
  const ranked = centers
    .filter((c) => !c.archived)
    .map((c) => rank(input, c))
    .sort(compare);
  const someHaveRoom = ranked.some((r) => r.capacity === 0);
  return ranked.map((r) =>
    someHaveRoom && r.capacity === 1
      ? {
          ...r.recommendation,
          reasons: [{ code: 'after_centers_with_room' as const }, ...r.recommendation.reasons],
        }
      : r.recommendation,
  );
};
