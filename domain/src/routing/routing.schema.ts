import { z } from 'zod';

/**
 * Where the routing measured distances from, so the worker can judge them: the position given
 * (outreach GPS) or the seat (ibu kota) of the person's regency or city (decision 0022).
 */
export const routingOrigin = z.object({
  kind: z.enum(['position', 'regency_seat']),
  latitude: z.number(),
  longitude: z.number(),
  /** The seat's place name, for `regency_seat`. */
  seat: z.string().nullable(),
  regencyCode: z.string().nullable(),
});
export type RoutingOrigin = z.infer<typeof routingOrigin>;
