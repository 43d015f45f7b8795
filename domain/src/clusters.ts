import { z } from 'zod';

/** The five historical clusters plus ODGJ, disaster victims and the poor/vulnerable (DESIGN.md). */
export const clusters = [
  'child',
  'disability',
  'elderly',
  'napza',
  'social_deviance_trafficking',
  'odgj',
  'disaster_victim',
  'poor_vulnerable',
] as const;
export const cluster = z.enum(clusters);
export type Cluster = z.infer<typeof cluster>;
