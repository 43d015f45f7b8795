import type { Region, RegionLevel } from '@atensi/domain';
import { queryOptions } from '@tanstack/react-query';
import { api } from './client';

type RegionList = { items: Region[] };

export const provincesQueryOptions = queryOptions({
  queryKey: ['regions', 'provinces'] as const,
  queryFn: ({ signal }) =>
    api<RegionList>('/api/regions', { query: { level: 'province', limit: 100 }, signal }).then(
      (r) => r.items,
    ),
  staleTime: Number.POSITIVE_INFINITY,
});

export const childRegionsQueryOptions = (parent: string | null, q: string, limit = 50) =>
  queryOptions({
    queryKey: ['regions', 'children', parent, q, limit] as const,
    queryFn: ({ signal }) =>
      api<RegionList>('/api/regions', { query: { parent: parent ?? undefined, q, limit }, signal }).then(
        (r) => r.items,
      ),
    enabled: !!parent,
    staleTime: 60 * 60_000,
  });

export const regionQueryOptions = (code: string | null) =>
  queryOptions({
    queryKey: ['regions', 'one', code] as const,
    queryFn: ({ signal }) => api<{ region: Region; lineage: Region[] }>(`/api/regions/${code}`, { signal }),
    enabled: !!code,
    staleTime: Number.POSITIVE_INFINITY,
  });

export type { Region, RegionLevel };
