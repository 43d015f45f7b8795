import type {
  MoveInput,
  Outreach,
  OutreachInput,
  Page,
  Partner,
  Shelter,
  ShelterInput,
  Stay,
} from '@atensi/domain';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const runPageSize = 20;
export const shelterPageSize = 20;

export type RunSummary = Omit<Outreach, 'people'> & { found: number };
export type RunListInput = {
  centerId?: string;
  /** Words of the team or the place; in the body, never the URL. */
  q?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
};
export type ShelterListInput = { centerId?: string; includeClosed?: boolean; page: number; pageSize: number };

/** Lists are POSTs like the server's other lists; only ids ever go into a URL. */
export const runListQueryOptions = (input: RunListInput) =>
  queryOptions({
    queryKey: ['outreach', 'runs', input] as const,
    queryFn: ({ signal }) =>
      api<Page<RunSummary>>('/api/outreach/runs/list', { method: 'POST', body: input, signal }),
    placeholderData: keepPreviousData,
  });

export const runQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['outreach', 'run', id] as const,
    queryFn: ({ signal }) => api<Outreach>(`/api/outreach/runs/${encodeURIComponent(id)}`, { signal }),
  });

/** Open shelters (and closed ones on request) with the people staying now. */
export const shelterListQueryOptions = (input: ShelterListInput) =>
  queryOptions({
    queryKey: ['outreach', 'shelters', input] as const,
    queryFn: ({ signal }) =>
      api<Page<Shelter>>('/api/outreach/shelters/list', { method: 'POST', body: input, signal }),
    placeholderData: keepPreviousData,
  });

export const staysQueryOptions = (caseId: string) =>
  queryOptions({
    queryKey: ['outreach', 'stays', caseId] as const,
    queryFn: ({ signal }) =>
      api<{ items: Stay[] }>(`/api/outreach/cases/${encodeURIComponent(caseId)}/stays`, { signal }).then(
        (r) => r.items,
      ),
  });

type PartnerSummary = Omit<Partner, 'members'>;

/** Active LKS to move a person to (the registry is reference data). */
export const activePartnersQueryOptions = (input: { q?: string; centerId?: string }) => {
  const body = { ...input, page: 1, pageSize: 50 };
  return queryOptions({
    queryKey: ['partners', 'list', body] as const,
    queryFn: ({ signal }) =>
      api<Page<PartnerSummary>>('/api/partners/list', { method: 'POST', body, signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
};

export const recordRun = (input: OutreachInput) =>
  api<Outreach>('/api/outreach/runs', { method: 'POST', body: input });

export const openShelter = (input: ShelterInput) =>
  api<Shelter>('/api/outreach/shelters', { method: 'POST', body: input });

export const closeShelter = (id: string, body: { closedOn: string; version: number }) =>
  api<Shelter>(`/api/outreach/shelters/${encodeURIComponent(id)}/close`, { method: 'POST', body });

export const moveCase = (caseId: string, input: MoveInput) =>
  api<{ items: Stay[] }>(`/api/outreach/cases/${encodeURIComponent(caseId)}/move`, {
    method: 'POST',
    body: input,
  }).then((r) => r.items);
