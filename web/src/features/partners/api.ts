import type { Page, Partner, PartnerInput, PartnerListInput, User } from '@atensi/domain';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const partnerPageSize = 20;

export type PartnerSummary = Omit<Partner, 'members'>;

/** The registry is reference data (no personal data), but the list is a POST like the server's other lists. */
export const partnersQueryOptions = (input: PartnerListInput) =>
  queryOptions({
    queryKey: ['partners', 'list', input] as const,
    queryFn: ({ signal }) =>
      api<Page<PartnerSummary>>('/api/partners/list', { method: 'POST', body: input, signal }),
    placeholderData: keepPreviousData,
  });

export const partnerQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['partners', 'detail', id] as const,
    queryFn: ({ signal }) => api<Partner>(`/api/partners/${encodeURIComponent(id)}`, { signal }),
  });

const partnerPath = (id: string, rest = '') => `/api/partners/${encodeURIComponent(id)}${rest}`;

export const createPartner = (input: PartnerInput) =>
  api<Partner>('/api/partners', { method: 'POST', body: input });

export const updatePartner = (id: string, partner: PartnerInput, version: number) =>
  api<Partner>(partnerPath(id), { method: 'PUT', body: { partner, version } });

export const setPartnerActive = (id: string, active: boolean, version: number) =>
  api<Partner>(partnerPath(id, '/active'), { method: 'POST', body: { active, version } });

export const addPartnerMember = (id: string, userId: string) =>
  api<Partner>(partnerPath(id, '/members'), { method: 'POST', body: { userId } });

export const removePartnerMember = (id: string, userId: string) =>
  api<Partner>(partnerPath(id, `/members/${encodeURIComponent(userId)}`), { method: 'DELETE' });

/** Active accounts holding the partner role (the administrator links them to an institution). */
export const partnerUsersQueryOptions = (q: string) =>
  queryOptions({
    queryKey: ['users', 'partner-role', q] as const,
    queryFn: ({ signal }) =>
      api<Page<User>>('/api/users', {
        query: { role: 'partner', active: 'true', q: q || undefined, pageSize: 50 },
        signal,
      }),
    staleTime: 30_000,
  });
