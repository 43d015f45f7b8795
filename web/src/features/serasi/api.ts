import type {
  CaseWorker,
  DeskMetrics,
  FileTicketInput,
  ForwardTicketInput,
  IncomingReferralInput,
  LinkTicketInput,
  OpenCaseFromTicketInput,
  Page,
  Sla,
  Ticket,
  TicketListInput,
  TicketSummary,
  TrackedTicket,
} from '@atensi/domain';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const ticketPageSize = 20;

/** A form token proves a person loaded the form; each one files a single ticket, so it is never reused from cache. */
export const serasiFormQueryOptions = queryOptions({
  queryKey: ['serasi', 'form'] as const,
  queryFn: ({ signal }) => api<{ formToken: string; consentVersion: string }>('/api/serasi/form', { signal }),
  staleTime: Number.POSITIVE_INFINITY,
  gcTime: 0,
  retry: false,
});

export const fileTicket = (input: FileTicketInput) =>
  api<{ code: string; firstResponseDueAt: string }>('/api/serasi/tickets', { method: 'POST', body: input });

export const trackQueryOptions = (code: string) =>
  queryOptions({
    queryKey: ['serasi', 'track', code] as const,
    queryFn: ({ signal }) => api<TrackedTicket>(`/api/serasi/track/${encodeURIComponent(code)}`, { signal }),
    retry: false,
    staleTime: 0,
  });

/** The desk queue is a POST: codes and landmarks travel in the body, never in a URL. */
export const ticketListQueryOptions = (input: TicketListInput) =>
  queryOptions({
    queryKey: ['serasi', 'list', input] as const,
    queryFn: ({ signal }) =>
      api<Page<TicketSummary>>('/api/serasi/tickets/list', { method: 'POST', body: input, signal }),
    placeholderData: keepPreviousData,
  });

/** Whole WIB days, both included; the dates are no personal data, so a query string is fine. */
export const metricsQueryOptions = (period: { from: string; to: string }) =>
  queryOptions({
    queryKey: ['serasi', 'metrics', period] as const,
    queryFn: ({ signal }) => api<DeskMetrics>('/api/serasi/metrics', { query: period, signal }),
  });

export const ticketQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['serasi', 'ticket', id] as const,
    queryFn: ({ signal }) => api<Ticket>(`/api/serasi/tickets/${encodeURIComponent(id)}`, { signal }),
  });

export const ticketPhotoUrl = (id: string) => `/api/serasi/tickets/${encodeURIComponent(id)}/photo`;

export const slaQueryOptions = () =>
  queryOptions({
    queryKey: ['serasi', 'sla'] as const,
    queryFn: ({ signal }) => api<{ items: Sla[] }>('/api/serasi/sla', { signal }).then((r) => r.items),
  });

export const updateSla = (items: Sla[]) =>
  api<{ items: Sla[] }>('/api/serasi/sla', { method: 'PUT', body: { items } }).then((r) => r.items);

/** Social workers and the head of a centre, with their open caseload. */
export const centerWorkersQueryOptions = (centerId: string | null) =>
  queryOptions({
    queryKey: ['centers', 'case-workers', centerId] as const,
    queryFn: ({ signal }) =>
      api<{ items: CaseWorker[] }>(`/api/centers/${encodeURIComponent(centerId ?? '')}/case-workers`, {
        signal,
      }).then((r) => r.items),
    enabled: !!centerId,
    staleTime: 30_000,
  });

const ticketPath = (id: string, action: string) => `/api/serasi/tickets/${encodeURIComponent(id)}/${action}`;
const post = (id: string, action: string, body: unknown) =>
  api<Ticket>(ticketPath(id, action), { method: 'POST', body });

export const triage = {
  assign: (id: string, body: { centerId: string; version: number }) => post(id, 'assign', body),
  answer: (id: string, body: { text: string; version: number }) => post(id, 'answer', body),
  note: (id: string, body: { text: string; version: number }) => post(id, 'note', body),
  forward: (id: string, body: ForwardTicketInput) => post(id, 'forward', body),
  close: (id: string, body: { publicText: string; version: number }) => post(id, 'close', body),
  openCase: (id: string, body: OpenCaseFromTicketInput) => post(id, 'case', body),
  linkCase: (id: string, body: LinkTicketInput) => post(id, 'link-case', body),
};

/** An incoming referral from another programme, recorded by the desk as a ticket. */
export const recordIncomingReferral = (input: IncomingReferralInput) =>
  api<{ id: string; code: string }>('/api/serasi/tickets/incoming', { method: 'POST', body: input });
