import {
  allowedNextStages,
  type Case,
  type CaseStage,
  isClosed,
  readCaseEvent,
  type ServiceRecordInput,
} from '@atensi/domain';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { type AuditContext, withAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { followUpsOf } from './case-follow-ups.ts';
import { referralsOfCase } from './case-referrals.ts';
import { canDecideTransfer, mayRequestTransfer, transfersOf } from './case-transfers.ts';
import { type CaseViewer, canSeeCase, canWorkOnCase } from './case-visibility.ts';
import { roleAt } from './case-work.ts';
import { caseSummary, visibleCase } from './cases.service.ts';
import {
  caseAssessments,
  caseEvents,
  caseOutcomes,
  casePlacements,
  casePlans,
  caseServices,
} from './cases.tables.ts';

/** The full case with its timeline. Reading a sensitive case writes an audit row. */
export const readCase = async (opts: {
  db: Db;
  context: AuditContext;
  viewer: CaseViewer;
  id: string;
}): Promise<Case> => {
  const { db, context, viewer, id } = opts;
  const row = await visibleCase(db, viewer, id);
  const [assessment] = await db
    .select()
    .from(caseAssessments)
    .where(eq(caseAssessments.caseId, id))
    .orderBy(desc(caseAssessments.createdAt))
    .limit(1);
  const [plan] = await db
    .select()
    .from(casePlans)
    .where(eq(casePlans.caseId, id))
    .orderBy(desc(casePlans.createdAt))
    .limit(1);
  const services = await db
    .select()
    .from(caseServices)
    .where(eq(caseServices.caseId, id))
    .orderBy(asc(caseServices.deliveredOn), asc(caseServices.createdAt));
  const [outcome] = await db.select().from(caseOutcomes).where(eq(caseOutcomes.caseId, id));
  const [placement] = await db
    .select()
    .from(casePlacements)
    .where(and(eq(casePlacements.caseId, id), isNull(casePlacements.endedAt)));
  const events = await db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, id))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));
  const [transfers, followUps, allReferrals] = await Promise.all([
    transfersOf(db, id),
    followUpsOf(db, id),
    referralsOfCase(db, row),
  ]);
  // LKS staff reading through a referral see that referral, not where else the person was sent.
  const referrals = canSeeCase(viewer, row)
    ? allReferrals
    : allReferrals.filter((r) => r.partnerId && viewer.partnerIds.includes(r.partnerId));
  if (row.sensitive) {
    await withAudit(db, context, async (_tx, audit) =>
      audit({ action: 'read', entity: 'case', entityId: id, changes: [] }),
    );
  }
  return {
    ...(await caseSummary(db, row)),
    childSpecialProtection: row.childSpecialProtection,
    intakeChannel: row.intakeChannel as Case['intakeChannel'],
    intakeReference: row.intakeReference,
    problem: row.problem,
    previousStage: row.previousStage as CaseStage | null,
    recommendedCenterId: row.recommendedCenterId,
    overrideReason: row.overrideReason,
    assessment: assessment
      ? {
          needs: assessment.needs,
          riskLevel: assessment.riskLevel as 'low' | 'medium' | 'high',
          narrative: assessment.narrative,
          assessedOn: assessment.assessedOn,
          assessorName: assessment.assessorName,
        }
      : null,
    plan: plan ? { goals: plan.goals } : null,
    services: services.map((s) => ({
      id: s.id,
      component: s.component as ServiceRecordInput['component'],
      serviceType: s.serviceType,
      deliveredOn: s.deliveredOn,
      description: s.description,
      quantity: s.quantity,
      valueRupiah: s.valueRupiah,
      providerKind: s.providerKind as ServiceRecordInput['providerKind'],
      providerName: s.providerName,
      recordedBy: s.recordedBy,
    })),
    outcomes: outcome?.outcomes ?? null,
    placement: placement
      ? { centerId: placement.centerId, startedAt: placement.startedAt.toISOString() }
      : null,
    closedAt: row.closedAt?.toISOString() ?? null,
    timeline: events.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind as Case['timeline'][number]['kind'],
      by: e.actorName,
      summary: e.summary,
      message: readCaseEvent(e.kind, e.summary),
    })),
    allowedNextStages: canWorkOnCase(viewer, row)
      ? allowedNextStages(
          row.stage as CaseStage,
          roleAt(viewer, row),
          row.previousStage as CaseStage | null,
        ).filter((s) => s !== 'termination' && !(s === 'termination_requested' && row.transferToCenterId))
      : [],
    pendingTransfer: transfers.find((t) => t.status === 'pending') ?? null,
    transfers,
    followUps,
    referrals,
    can: {
      work: canWorkOnCase(viewer, row),
      requestTransfer: mayRequestTransfer(viewer, row),
      decideTransfer: canDecideTransfer(viewer, row),
      reassign: viewer.headOf.includes(row.centerId),
      recordFollowUp: canWorkOnCase(viewer, row) && isClosed(row.stage as CaseStage),
      refer: canWorkOnCase(viewer, row) && !isClosed(row.stage as CaseStage),
      answerReferralIds: referrals
        .filter((r) => r.partnerId && viewer.partnerIds.includes(r.partnerId))
        .map((r) => r.id),
    },
  };
};
