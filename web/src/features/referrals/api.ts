import type {
  Case,
  CreateReferralInput,
  Page,
  Referral,
  ReferralListInput,
  ReferralStatusInput,
} from '@atensi/domain';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { download } from '../cases/api';

export const referralPageSize = 20;

export type ReferralRow = Referral & { personName: string; caseOpen: boolean };

export const referralListQueryOptions = (input: ReferralListInput) =>
  queryOptions({
    queryKey: ['referrals', 'list', input] as const,
    queryFn: ({ signal }) =>
      api<Page<ReferralRow>>('/api/referrals/list', { method: 'POST', body: input, signal }),
    placeholderData: keepPreviousData,
  });

const referralPath = (caseId: string, rest = '') =>
  `/api/cases/${encodeURIComponent(caseId)}/referrals${rest}`;

/** The case's worker or head refers the person out; answers the case. */
export const createReferral = (caseId: string, input: CreateReferralInput) =>
  api<Case>(referralPath(caseId), { method: 'POST', body: input });

/** `case` is null when the answer closed the referral for LKS staff, who then no longer see the case. */
export const answerReferral = (caseId: string, referralId: string, input: ReferralStatusInput) =>
  api<{ referral: Referral; case: Case | null }>(
    referralPath(caseId, `/${encodeURIComponent(referralId)}/status`),
    {
      method: 'POST',
      body: input,
    },
  );

/** The letter of a case's referral, or of a ticket forwarded without a case. */
export const downloadReferralPdf = (r: Pick<Referral, 'id' | 'caseId' | 'caseNumber' | 'ticketCode'>) =>
  download(
    r.caseId
      ? referralPath(r.caseId, `/${encodeURIComponent(r.id)}/letter.pdf`)
      : `/api/serasi/referrals/${encodeURIComponent(r.id)}/letter.pdf`,
    `surat-rujukan-${(r.caseNumber ?? r.ticketCode ?? r.id).replace(/[^\w.-]+/g, '-')}.pdf`,
  );

/** Answers a referral forwarded from a ticket without a case (the sending desk, or the receiving LKS). */
export const answerTicketReferral = (referralId: string, input: ReferralStatusInput) =>
  api<Referral>(`/api/serasi/referrals/${encodeURIComponent(referralId)}/status`, {
    method: 'POST',
    body: input,
  });
