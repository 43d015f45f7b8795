import type { CenterDetail, CenterSummary, CreateCenterInput, Page, UpdateCenterInput } from '@atensi/domain';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { CenterSearch } from './centerSearch';

export const centerPageSize = 20;

export const centersQueryOptions = (search: CenterSearch & { pageSize?: number }) =>
  queryOptions({
    queryKey: ['centers', 'list', search] as const,
    queryFn: ({ signal }) =>
      api<Page<CenterSummary>>('/api/centers', {
        query: { pageSize: centerPageSize, ...search },
        signal,
      }),
    placeholderData: keepPreviousData,
  });

export const centerQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['centers', 'detail', id] as const,
    queryFn: ({ signal }) => api<CenterDetail>(`/api/centers/${encodeURIComponent(id)}`, { signal }),
  });

export const createCenter = (input: CreateCenterInput) =>
  api<CenterDetail>('/api/centers', { method: 'POST', body: input });

export const updateCenter = (id: string, input: UpdateCenterInput) =>
  api<CenterDetail>(`/api/centers/${encodeURIComponent(id)}`, { method: 'PUT', body: input });

export const archiveCenter = (id: string, version: number) =>
  api<void>(`/api/centers/${encodeURIComponent(id)}`, { method: 'DELETE', query: { version } });
