import type {
  AcceptTransferInput,
  AssessmentInput,
  Case,
  CaseListInput,
  CaseSummary,
  CaseWorker,
  ChangeStageInput,
  CreateCaseInput,
  FollowUpInput,
  Modality,
  Page,
  PlanInput,
  ReassignCaseInput,
  ReferralLetterInput,
  RejectTransferInput,
  RequestTransferInput,
  ResponseTime,
  RoutingOrigin,
  ServiceRecordInput,
  TerminationOutcomes,
  Transfer,
} from '@atensi/domain';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { ApiRequestError, api } from '../../api/client';
import i18n from '../../i18n';

export const casePageSize = 20;

export type Recommendation = {
  centerId: string;
  centerName: string;
  score: number;
  distanceKm: number | null;
  reasons: { code: string; value?: number }[];
  specialtyClusters: string[];
};

/** The ranked centres and where their distances were measured from (null: no distance known). */
export type Recommendations = { items: Recommendation[]; origin: RoutingOrigin | null };

/** Case searches are POSTs: names, NIKs and case numbers travel in the body, never in a URL. */
export const caseListQueryOptions = (input: CaseListInput) =>
  queryOptions({
    queryKey: ['cases', 'list', input] as const,
    queryFn: ({ signal }) =>
      api<Page<CaseSummary>>('/api/cases/list', { method: 'POST', body: input, signal }),
    placeholderData: keepPreviousData,
  });

export const responseTimesQueryOptions = () =>
  queryOptions({
    queryKey: ['cases', 'response-times'] as const,
    queryFn: ({ signal }) => api<{ items: ResponseTime[] }>('/api/cases/response-times', { signal }),
  });

export const caseQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['cases', 'detail', id] as const,
    queryFn: ({ signal }) => api<Case>(`/api/cases/${encodeURIComponent(id)}`, { signal }),
  });

export const recommendationsQueryOptions = (regionCode: string | null, modality: Modality) =>
  queryOptions({
    queryKey: ['routing', 'recommendations', regionCode, modality] as const,
    queryFn: ({ signal }) =>
      api<Recommendations>('/api/routing/recommendations', {
        method: 'POST',
        body: { regionCode, modality },
        signal,
      }),
    enabled: !!regionCode,
    staleTime: 60_000,
  });

/** Social workers and the head of a centre, with their open caseload: who can take a case there. */
export const caseWorkersQueryOptions = (centerId: string | null) =>
  queryOptions({
    queryKey: ['centers', 'case-workers', centerId] as const,
    queryFn: ({ signal }) =>
      api<{ items: CaseWorker[] }>(`/api/centers/${encodeURIComponent(centerId ?? '')}/case-workers`, {
        signal,
      }).then((r) => r.items),
    enabled: !!centerId,
    staleTime: 30_000,
  });

const casePath = (id: string, rest = '') => `/api/cases/${encodeURIComponent(id)}${rest}`;

export const createCase = (input: CreateCaseInput) =>
  api<Case>('/api/cases', { method: 'POST', body: input });

export const changeStage = (id: string, input: ChangeStageInput) =>
  api<Case>(casePath(id, '/stage'), { method: 'POST', body: input });

export const saveAssessment = (id: string, input: AssessmentInput) =>
  api<Case>(casePath(id, '/assessment'), { method: 'POST', body: input });

export const savePlan = (id: string, input: PlanInput) =>
  api<Case>(casePath(id, '/plan'), { method: 'POST', body: input });

export const recordService = (id: string, input: ServiceRecordInput) =>
  api<Case>(casePath(id, '/services'), { method: 'POST', body: input });

export const startPlacement = (id: string) =>
  api<Case>(casePath(id, '/placement'), { method: 'POST', body: {} });

export const endPlacement = (id: string, reason: string) =>
  api<Case>(casePath(id, '/placement/end'), { method: 'POST', body: { reason } });

export const approveClosure = (id: string, version: number, outcomes: TerminationOutcomes) =>
  api<Case>(casePath(id, '/closure'), { method: 'POST', body: { version, outcomes } });

export const requestTransfer = (id: string, input: RequestTransferInput) =>
  api<Case>(casePath(id, '/transfer'), { method: 'POST', body: input });

export const cancelTransfer = (id: string, version: number) =>
  api<Case>(casePath(id, '/transfer/cancel'), { method: 'POST', body: { version } });

export const acceptTransfer = (id: string, input: AcceptTransferInput) =>
  api<Case>(casePath(id, '/transfer/accept'), { method: 'POST', body: input });

/** Answers the decision, not the case: it stays with the sending centre, out of the rejecting head's sight. */
export const rejectTransfer = (id: string, input: RejectTransferInput) =>
  api<{ transfer: Transfer }>(casePath(id, '/transfer/reject'), { method: 'POST', body: input });

export const reassignCase = (id: string, input: ReassignCaseInput) =>
  api<Case>(casePath(id, '/assign'), { method: 'POST', body: input });

export const recordFollowUp = (id: string, input: FollowUpInput) =>
  api<Case>(casePath(id, '/follow-ups'), { method: 'POST', body: input });

/**
 * Fetches a file and saves it through a temporary object URL and `<a download>`; nothing
 * about the file or the search that produced it is kept in the browser afterwards.
 */
export async function download(
  path: string,
  filename: string,
  options: { method?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<void> {
  const headers: Record<string, string> = { 'Accept-Language': i18n.language || 'id' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiRequestError(0, { code: 'network.unreachable', message: i18n.t('errors.network') });
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      code?: string;
      message?: string;
      fields?: [];
    } | null;
    throw new ApiRequestError(response.status, {
      code: body?.code ?? `http.${response.status}`,
      message: body?.message || i18n.t('errors.generic'),
      ...(Array.isArray(body?.fields) ? { fields: body.fields } : {}),
    });
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const exportCases = (input: CaseListInput) =>
  download('/api/cases/export', 'kasus-atensi.xlsx', { method: 'POST', body: input });

export const downloadSummary = (c: Pick<Case, 'id' | 'number'>) =>
  download(casePath(c.id, '/summary.pdf'), `ringkasan-${c.number.replace(/[^\w.-]+/g, '-')}.pdf`);

export const downloadReferralLetter = (c: Pick<Case, 'id' | 'number'>, input: ReferralLetterInput) =>
  download(casePath(c.id, '/referral-letter'), `surat-rujukan-${c.number.replace(/[^\w.-]+/g, '-')}.pdf`, {
    method: 'POST',
    body: input,
  });
