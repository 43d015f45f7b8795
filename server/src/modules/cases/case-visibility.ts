import { openReferralStatuses } from '@atensi/domain';
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { partnerIdsOfUser } from '../partners/partners.service.ts';
import { caseReferrals, cases } from './cases.tables.ts';

/** What one user may see of cases: derived from their role assignments. */
export type CaseViewer = {
  userId: string;
  /** Central staff: every non-sensitive case nationally (read only). */
  national: boolean;
  /** Centres where the user is head: every case there, sensitive ones too. */
  headOf: string[];
  /** Centres where the user is a social worker: the cases assigned to them. */
  workerAt: string[];
  /** LKS the user works for: the cases referred to them while the referral is open. */
  partnerIds: string[];
  /** Centres whose SERASI desk the user works (officer or head): referrals forwarded from tickets there. */
  deskAt: string[];
};

export const caseViewer = (actor: Actor): CaseViewer => ({
  userId: actor.userId,
  national: actor.assignments.some((a) => a.role === 'central'),
  headOf: actor.assignments.flatMap((a) => (a.role === 'center_head' && a.centerId ? [a.centerId] : [])),
  workerAt: actor.assignments.flatMap((a) => (a.role === 'social_worker' && a.centerId ? [a.centerId] : [])),
  partnerIds: [],
  deskAt: actor.assignments.flatMap((a) =>
    (a.role === 'desk_officer' || a.role === 'center_head') && a.centerId ? [a.centerId] : [],
  ),
});

/** `caseViewer` plus the partner institutions of a user holding the partner role. */
export const caseViewerOf = async (db: Db, actor: Actor): Promise<CaseViewer> => ({
  ...caseViewer(actor),
  partnerIds: actor.assignments.some((a) => a.role === 'partner')
    ? await partnerIdsOfUser(db, actor.userId)
    : [],
});

/** Cases with an open referral to one of these partners. */
export const referredTo = (partnerIds: string[]): SQL =>
  inArray(
    cases.id,
    sql`(select ${caseReferrals.caseId} from ${caseReferrals} where ${inArray(caseReferrals.partnerId, partnerIds)} and ${inArray(caseReferrals.status, [...openReferralStatuses])})`,
  );

type CaseRow = {
  centerId: string;
  assignedWorkerId: string;
  sensitive: boolean;
  transferToCenterId: string | null;
};

/** Includes the head of a centre asked to take the case: they read it to decide, without working on it. */
export const canSeeCase = (v: CaseViewer, c: CaseRow): boolean => {
  if (v.headOf.includes(c.centerId)) return true;
  if (c.transferToCenterId && v.headOf.includes(c.transferToCenterId)) return true;
  if (c.assignedWorkerId === v.userId && v.workerAt.includes(c.centerId)) return true;
  return v.national && !c.sensitive;
};

/** Who may work on the case (stages, assessment, plan, services): its centre's head or its assigned worker. */
export const canWorkOnCase = (v: CaseViewer, c: CaseRow): boolean =>
  v.headOf.includes(c.centerId) || (c.assignedWorkerId === v.userId && v.workerAt.includes(c.centerId));

/** The same rule as `canSeeCase`, as SQL for lists. */
export const visibleCasesCondition = (v: CaseViewer): SQL => {
  const ways: SQL[] = [];
  if (v.headOf.length > 0) {
    ways.push(inArray(cases.centerId, v.headOf), inArray(cases.transferToCenterId, v.headOf));
  }
  if (v.workerAt.length > 0)
    ways.push(and(eq(cases.assignedWorkerId, v.userId), inArray(cases.centerId, v.workerAt)) as SQL);
  if (v.national) ways.push(eq(cases.sensitive, false));
  if (v.partnerIds.length > 0) ways.push(referredTo(v.partnerIds));
  return ways.length > 0 ? (or(...ways) as SQL) : sql`false`;
};
