import type {
  Campaign,
  CampaignListInput,
  CampaignSummary,
  CloseCampaignInput,
  ConsentInput,
  CreateCampaignInput,
  DisbursementInput,
  Page,
  RaisedUpdateInput,
  UpdateCampaignInput,
} from '@atensi/domain';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const campaignPageSize = 20;

/** Lists are POSTs, like every search: titles and filters stay out of URLs. */
export const campaignListQueryOptions = (input: CampaignListInput) =>
  queryOptions({
    queryKey: ['fundraising', 'list', input] as const,
    queryFn: ({ signal }) =>
      api<Page<CampaignSummary>>('/api/fundraising/campaigns/list', { method: 'POST', body: input, signal }),
    placeholderData: keepPreviousData,
  });

export const campaignQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['fundraising', 'detail', id] as const,
    queryFn: ({ signal }) =>
      api<Campaign>(`/api/fundraising/campaigns/${encodeURIComponent(id)}`, { signal }),
  });

export const caseCampaignsQueryOptions = (caseId: string) =>
  queryOptions({
    queryKey: ['fundraising', 'by-case', caseId] as const,
    queryFn: ({ signal }) =>
      api<{ items: CampaignSummary[]; canCreate: boolean }>(
        `/api/fundraising/by-case/${encodeURIComponent(caseId)}`,
        { signal },
      ),
  });

const path = (id: string, rest = '') => `/api/fundraising/campaigns/${encodeURIComponent(id)}${rest}`;

export const createCampaign = (input: CreateCampaignInput) =>
  api<Campaign>('/api/fundraising/campaigns', { method: 'POST', body: input });

export const updateCampaign = (id: string, input: UpdateCampaignInput) =>
  api<Campaign>(path(id), { method: 'PUT', body: input });

export const recordConsent = (id: string, input: ConsentInput) =>
  api<Campaign>(path(id, '/consent'), { method: 'POST', body: input });

export const activateCampaign = (id: string, version: number) =>
  api<Campaign>(path(id, '/activate'), { method: 'POST', body: { version } });

export const recordRaisedUpdate = (id: string, input: RaisedUpdateInput) =>
  api<Campaign>(path(id, '/updates'), { method: 'POST', body: input });

export const recordDisbursement = (id: string, input: DisbursementInput) =>
  api<Campaign>(path(id, '/disbursements'), { method: 'POST', body: input });

export const closeCampaign = (id: string, input: CloseCampaignInput) =>
  api<Campaign>(path(id, '/close'), { method: 'POST', body: input });
