import {
  type AssessmentInput,
  allowedNextStages,
  type Case,
  type CaseStage,
  type ChangeStageInput,
  canTransition,
  formatRupiah,
  isClosed,
  type PlanInput,
  type Role,
  type ServiceRecordInput,
  type TerminationOutcomes,
} from '@atensi/domain';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { type AuditContext, type AuditRecord, withAudit } from '../../platform/audit/audit.ts';
import { diffRecords } from '../../platform/audit/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { occupyBed, releaseBed } from '../centers/centers.service.ts';
import { type CaseViewer, canWorkOnCase } from './case-visibility.ts';
import { caseError, transitionRefused } from './cases.errors.ts';
import { type CaseRow, caseSummary, recordEvent, visibleCase } from './cases.service.ts';
import {
  caseAssessments,
  caseEvents,
  caseOutcomes,
  casePlacements,
  casePlans,
  caseServices,
  cases,
} from './cases.tables.ts';

/** The role the viewer acts in at this case's centre: head when they are one. */
const roleAt = (v: CaseViewer, c: CaseRow): Role =>
  v.headOf.includes(c.centerId) ? 'center_head' : 'social_worker';

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
    })),
    allowedNextStages: canWorkOnCase(viewer, row)
      ? allowedNextStages(
          row.stage as CaseStage,
          roleAt(viewer, row),
          row.previousStage as CaseStage | null,
        ).filter((s) => s !== 'termination')
      : [],
  };
};

/**
 * Runs one change to a case the viewer may work on, under a row lock with the version
 * check; `work` returns what to set on the case. The case row, its timeline and the audit
 * row are one transaction.
 */
const workOnCase = async (
  opts: { db: Db; context: AuditContext; viewer: CaseViewer; id: string; version?: number },
  work: (
    tx: Db,
    row: CaseRow,
    audit: (record: AuditRecord) => void,
  ) => Promise<{ set?: Partial<typeof cases.$inferInsert>; event: { kind: string; summary: string } }>,
) => {
  const { db, context, viewer, id } = opts;
  await withAudit(db, context, async (tx, audit) => {
    const [row] = await tx.select().from(cases).where(eq(cases.id, id)).for('update');
    if (!row || !canWorkOnCase(viewer, row)) throw caseError('case.not_found');
    if (opts.version !== undefined && row.version !== opts.version) throw caseError('case.version_conflict');
    const { set = {}, event } = await work(tx, row, audit);
    const [after] = await tx
      .update(cases)
      .set({ ...set, version: row.version + 1, updatedAt: new Date() })
      .where(eq(cases.id, id))
      .returning();
    await recordEvent(tx, { caseId: id, kind: event.kind, context, summary: event.summary });
    audit({
      action: 'update',
      entity: 'case',
      entityId: id,
      changes: diffRecords(row, after!, { personal: ['problem'] }),
    });
  });
};

/** Stage changes by the machine in domain/src/cases/stages.ts; closure itself goes through `approveClosure`. */
export const changeStage = (opts: {
  db: Db;
  context: AuditContext;
  viewer: CaseViewer;
  id: string;
  input: ChangeStageInput;
}) =>
  workOnCase({ ...opts, version: opts.input.version }, async (_tx, row) => {
    const from = row.stage as CaseStage;
    const to = opts.input.to;
    const previous = row.previousStage as CaseStage | null;
    if (to === 'termination' || !canTransition(from, to, roleAt(opts.viewer, row), { previous })) {
      throw transitionRefused(from, to);
    }
    const note = opts.input.note ? `: ${opts.input.note}` : '';
    if (to === 'termination_requested') {
      return {
        set: { stage: to, previousStage: from },
        event: { kind: 'closure_requested', summary: `${from} → ${to}${note}` },
      };
    }
    if (from === 'termination_requested') {
      return {
        set: { stage: to, previousStage: null },
        event: { kind: 'closure_rejected', summary: `${from} → ${to}${note}` },
      };
    }
    const reopening = isClosed(from) && !isClosed(to);
    return {
      set: { stage: to, ...(reopening ? { closedAt: null } : {}) },
      event: { kind: 'stage', summary: `${from} → ${to}${note}` },
    };
  });

/** The centre head closes the case, recording the outcome measures the ministry reports. */
export const approveClosure = (opts: {
  db: Db;
  context: AuditContext;
  viewer: CaseViewer;
  id: string;
  version: number;
  outcomes: TerminationOutcomes;
}) =>
  workOnCase(opts, async (tx, row, audit) => {
    if (row.stage !== 'termination_requested') throw caseError('case.not_awaiting_closure');
    if (!canTransition('termination_requested', 'termination', roleAt(opts.viewer, row))) {
      throw transitionRefused(row.stage as CaseStage, 'termination');
    }
    const now = new Date();
    await tx
      .insert(caseOutcomes)
      .values({ caseId: row.id, outcomes: opts.outcomes, approvedBy: opts.context.actorId, approvedAt: now })
      .onConflictDoUpdate({
        target: caseOutcomes.caseId,
        set: { outcomes: opts.outcomes, approvedBy: opts.context.actorId, approvedAt: now },
      });
    audit({
      action: 'create',
      entity: 'case_outcome',
      entityId: row.id,
      changes: diffRecords(null, { ...opts.outcomes, approvedBy: opts.context.actorId }),
    });
    const done = opts.outcomes.servicesComplete ? 'tuntas' : 'belum tuntas';
    return {
      set: { stage: 'termination', previousStage: null, closedAt: now },
      event: {
        kind: 'closure_approved',
        summary: `Terminasi disetujui (${done}): ${opts.outcomes.summary.slice(0, 200)}`,
      },
    };
  });

/** A record a case change created, in the audit log under its own entity. */
const auditCreated = (audit: (r: AuditRecord) => void, entity: string, row: { id: string }) =>
  audit({ action: 'create', entity, entityId: row.id, changes: diffRecords(null, row, { ignore: ['id'] }) });

const refuseWhenClosed = (row: CaseRow) => {
  if (isClosed(row.stage as CaseStage)) throw caseError('case.closed');
};

export const recordAssessment = (opts: {
  db: Db;
  context: AuditContext;
  viewer: CaseViewer;
  id: string;
  input: AssessmentInput;
}) =>
  workOnCase(opts, async (tx, row, audit) => {
    refuseWhenClosed(row);
    const [created] = await tx
      .insert(caseAssessments)
      .values({
        id: uuidv7(),
        caseId: row.id,
        ...opts.input,
        assessorId: opts.context.actorId,
        assessorName: opts.context.actorName,
      })
      .returning();
    auditCreated(audit, 'case_assessment', created!);
    return {
      event: {
        kind: 'assessment',
        summary: `Asesmen ${opts.input.assessedOn}, risiko ${opts.input.riskLevel}`,
      },
    };
  });

export const recordPlan = (opts: {
  db: Db;
  context: AuditContext;
  viewer: CaseViewer;
  id: string;
  input: PlanInput;
}) =>
  workOnCase(opts, async (tx, row, audit) => {
    refuseWhenClosed(row);
    const [created] = await tx
      .insert(casePlans)
      .values({ id: uuidv7(), caseId: row.id, goals: opts.input.goals })
      .returning();
    auditCreated(audit, 'case_plan', created!);
    return { event: { kind: 'plan', summary: `Rencana intervensi: ${opts.input.goals.length} tujuan` } };
  });

/** A service delivered; the first one fixes the case's response time (intake → first service). */
export const recordService = (opts: {
  db: Db;
  context: AuditContext;
  viewer: CaseViewer;
  id: string;
  input: ServiceRecordInput;
}) =>
  workOnCase(opts, async (tx, row, audit) => {
    refuseWhenClosed(row);
    const input = opts.input;
    const [created] = await tx
      .insert(caseServices)
      .values({ id: uuidv7(), caseId: row.id, ...input, recordedBy: opts.context.actorName })
      .returning();
    auditCreated(audit, 'case_service', created!);
    const now = new Date();
    return {
      set: row.firstServiceAt ? {} : { firstServiceAt: now },
      event: {
        kind: 'service',
        summary: `${input.component}: ${input.serviceType} (${formatRupiah(input.valueRupiah)})`,
      },
    };
  });

/**
 * Residential placement at the case's balai: takes one bed (refused when none is free,
 * also under concurrency) and holds it until the placement ends.
 */
export const placeResident = (opts: { db: Db; context: AuditContext; viewer: CaseViewer; id: string }) =>
  workOnCase(opts, async (tx, row, audit) => {
    refuseWhenClosed(row);
    const [open] = await tx
      .select({ id: casePlacements.id })
      .from(casePlacements)
      .where(and(eq(casePlacements.caseId, row.id), isNull(casePlacements.endedAt)));
    if (open) throw caseError('case.already_placed');
    const beds = await occupyBed(tx, row.centerId, audit);
    const [created] = await tx
      .insert(casePlacements)
      .values({ id: uuidv7(), caseId: row.id, centerId: row.centerId, startedAt: new Date() })
      .returning();
    auditCreated(audit, 'case_placement', created!);
    return {
      event: {
        kind: 'placement',
        summary: `Penempatan residensial (${beds.occupiedBeds}/${beds.bedCapacity} tempat tidur terisi)`,
      },
    };
  });

/** Ends the open placement and gives the bed back. */
export const endPlacement = (opts: {
  db: Db;
  context: AuditContext;
  viewer: CaseViewer;
  id: string;
  reason: string;
}) =>
  workOnCase(opts, async (tx, row, audit) => {
    const [open] = await tx
      .select()
      .from(casePlacements)
      .where(and(eq(casePlacements.caseId, row.id), isNull(casePlacements.endedAt)))
      .for('update');
    if (!open) throw caseError('case.not_placed');
    const [ended] = await tx
      .update(casePlacements)
      .set({ endedAt: new Date(), endReason: opts.reason })
      .where(eq(casePlacements.id, open.id))
      .returning();
    audit({
      action: 'update',
      entity: 'case_placement',
      entityId: open.id,
      changes: diffRecords(open, ended!),
    });
    await releaseBed(tx, open.centerId, audit);
    return { event: { kind: 'placement_ended', summary: `Penempatan berakhir: ${opts.reason}` } };
  });
