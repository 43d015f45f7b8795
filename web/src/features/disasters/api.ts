import type {
  AcceptProposalInput,
  Disaster,
  DisasterInput,
  DisasterListInput,
  DisasterSummary,
  Dispatch,
  DispatchProposal,
  Item,
  NeedInput,
  Page,
  ReceiveDispatchInput,
  TargetInput,
  TargetReport,
  TargetReportInput,
  TargetRow,
  UpdateDisasterInput,
  Warehouse,
} from '@atensi/domain';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { download } from '../cases/api';

export const disasterPageSize = 20;

const disasterPath = (id: string, rest = '') => `/api/logistics/disasters/${encodeURIComponent(id)}${rest}`;
const dispatchPath = (id: string, rest = '') => `/api/logistics/dispatches/${encodeURIComponent(id)}${rest}`;

/** Lists are POSTs like every search: names and filters stay out of URLs. */
export const disasterListQueryOptions = (input: DisasterListInput) =>
  queryOptions({
    queryKey: ['logistics', 'disasters', 'list', input] as const,
    queryFn: ({ signal }) =>
      api<Page<DisasterSummary>>('/api/logistics/disasters/list', { method: 'POST', body: input, signal }),
    placeholderData: keepPreviousData,
  });

export const disasterQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['logistics', 'disasters', 'detail', id] as const,
    queryFn: ({ signal }) => api<Disaster>(disasterPath(id), { signal }),
  });

/** Where a need could be shipped from. Nothing moves: always asked afresh, stock changes all the time. */
export const proposalQueryOptions = (disasterId: string, needId: string) =>
  queryOptions({
    queryKey: ['logistics', 'disasters', 'proposal', disasterId, needId] as const,
    queryFn: ({ signal }) =>
      api<DispatchProposal>(disasterPath(disasterId, `/needs/${encodeURIComponent(needId)}/proposal`), {
        signal,
      }),
    staleTime: 0,
    gcTime: 0,
    retry: false,
    // The person is editing quantities taken from it: only an explicit reload replaces them.
    refetchOnWindowFocus: false,
  });

export const dispatchQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['logistics', 'dispatches', 'detail', id] as const,
    queryFn: ({ signal }) => api<Dispatch>(dispatchPath(id), { signal }),
  });

export const targetReportQueryOptions = (input: TargetReportInput) =>
  queryOptions({
    queryKey: ['logistics', 'targets', 'report', input] as const,
    queryFn: ({ signal }) =>
      api<TargetReport>('/api/logistics/targets/report', { method: 'POST', body: input, signal }),
    placeholderData: keepPreviousData,
  });

/** Items (barang) to choose from: the catalogue is reference data, searched by name or code. */
export const searchItems = (q: string, signal?: AbortSignal) =>
  api<Page<Item>>('/api/logistics/items/list', {
    method: 'POST',
    body: { q: q || undefined, page: 1, pageSize: 50 },
    signal,
  });

/** Warehouses (gudang) to choose from: every warehouse is reference data. */
export const searchWarehouses = (q: string, signal?: AbortSignal) =>
  api<Page<Warehouse>>('/api/logistics/warehouses/list', {
    method: 'POST',
    body: { q: q || undefined, page: 1, pageSize: 50 },
    signal,
  });

export const createDisaster = (input: DisasterInput) =>
  api<Disaster>('/api/logistics/disasters', { method: 'POST', body: input });

export const updateDisaster = (id: string, input: UpdateDisasterInput) =>
  api<Disaster>(disasterPath(id), { method: 'PUT', body: input });

export const setNeed = (id: string, input: NeedInput) =>
  api<Disaster>(disasterPath(id, '/needs'), { method: 'PUT', body: input });

export const acceptProposal = (id: string, needId: string, input: AcceptProposalInput) =>
  api<{ dispatches: Dispatch[] }>(disasterPath(id, `/needs/${encodeURIComponent(needId)}/dispatches`), {
    method: 'POST',
    body: input,
  });

export const receiveDispatch = (id: string, input: ReceiveDispatchInput) =>
  api<Dispatch>(dispatchPath(id, '/receive'), { method: 'POST', body: input });

export const createTarget = (input: TargetInput) =>
  api<TargetRow>('/api/logistics/targets', { method: 'POST', body: input });

const safeName = (text: string) => text.replace(/[^\w.-]+/g, '-');

/** The waybill as a file, like the case summary: nothing is kept in the browser afterwards. */
export const downloadWaybill = (d: Pick<Dispatch, 'id' | 'number'>) =>
  download(dispatchPath(d.id, '/waybill.pdf'), `surat-jalan-${safeName(d.number)}.pdf`);

export const downloadTargetReport = (input: TargetReportInput) =>
  download(
    '/api/logistics/targets/report.xlsx',
    `target-penyaluran-${safeName(input.program)}-${safeName(input.period)}.xlsx`,
    { method: 'POST', body: input },
  );
