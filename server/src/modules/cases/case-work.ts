import {
  type AssessmentInput,
  type CaseEventEntry,
  type CaseStage,
  type ChangeStageInput,
  canTransition,
  caseEventText,
  caseEventVocabularies,
  clipText,
  formatRupiah,
  isClosed,
  type PlanInput,
  type Role,
  type ServiceRecordInput,
  type StayKind,
  type TerminationOutcomes,
} from '@atensi/domain';
import { and, eq, isNull } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { type AuditContext, type AuditRecord, withAudit } from '../../platform/audit/audit.ts';
import { diffRecords } from '../../platform/audit/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { occupyBed, releaseBed } from '../centers/centers.service.ts';
import { type CaseViewer, canWorkOnCase } from './case-visibility.ts';
import { caseError, transitionRefused } from './cases.errors.ts';
import { type CaseRow, recordEvent } from './cases.service.ts';
import {
  caseAssessments,
  caseOutcomes,
  casePlacements,
  casePlans,
  caseServices,
  cases,
} from './cases.tables.ts';
import { notifyPlacementChange } from './placement-hooks.ts';

/** The role the viewer acts in at this case's centre: head when they are one. */
export const roleAt = (v: CaseViewer, c: CaseRow): Role =>
  v.headOf.includes(c.centerId) ? 'center_head' : 'social_worker';

/**
 * Runs one change to a case the viewer may work on, under a row lock with the version
 * check; `work` returns what to set on the case. The case row, its timeline and the audit
 * row are one transaction.
 */
export const workOnCase = async (
  opts: {
    db: Db;
    context: AuditContext;
    viewer: CaseViewer;
    id: string;
    version?: number;
    /** Who may make this change; by default the case's head or assigned worker. */
    may?: (viewer: CaseViewer, row: CaseRow) => boolean;
    /**
     * Set by another module's change that includes this one (an outreach move into the balai):
     * `db` is then its open transaction and the audit rows join its own, appended once at its end.
     */
    audit?: (record: AuditRecord) => void;
  },
  work: (
    tx: Db,
    row: CaseRow,
    audit: (record: AuditRecord) => void,
  ) => Promise<{ set?: Partial<typeof cases.$inferInsert>; event: CaseEventEntry }>,
) => {
  const { db, context, viewer, id } = opts;
  const inTransaction = (run: (tx: Db, audit: (record: AuditRecord) => void) => Promise<void>) =>
    opts.audit ? run(db, opts.audit) : withAudit(db, context, run);
  await inTransaction(async (tx, audit) => {
    const [row] = await tx.select().from(cases).where(eq(cases.id, id)).for('update');
    if (!row || !(opts.may ?? canWorkOnCase)(viewer, row)) throw caseError('case.not_found');
    if (opts.version !== undefined && row.version !== opts.version) throw caseError('case.version_conflict');
    const { set = {}, event } = await work(tx, row, audit);
    const [after] = await tx
      .update(cases)
      .set({ ...set, version: row.version + 1, updatedAt: new Date() })
      .where(eq(cases.id, id))
      .returning();
    await recordEvent(tx, { caseId: id, ...event, context });
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
    // Closing a case another centre is being asked to take would leave that request dangling.
    if (to === 'termination_requested' && row.transferToCenterId) throw caseError('case.transfer_pending');
    const note = opts.input.note;
    const stages = { fromStage: from, toStage: to };
    const event = (code: 'stage' | 'closure_requested' | 'closure_rejected') =>
      note ? caseEventText(`${code}_note`, { ...stages, note }) : caseEventText(code, stages);
    if (to === 'termination_requested') {
      return { set: { stage: to, previousStage: from }, event: event('closure_requested') };
    }
    if (from === 'termination_requested') {
      return { set: { stage: to, previousStage: null }, event: event('closure_rejected') };
    }
    const reopening = isClosed(from) && !isClosed(to);
    return { set: { stage: to, ...(reopening ? { closedAt: null } : {}) }, event: event('stage') };
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
    // A closed case holds no bed and places nobody: the balai and any TPS or LKS count them out.
    await endOpenPlacement(tx, row, 'Terminasi disetujui', audit);
    await notifyPlacementChange(tx, audit, opts.context, {
      kind: 'closed',
      caseId: row.id,
      centerId: row.centerId,
      at: now,
    });
    return {
      set: { stage: 'termination', previousStage: null, closedAt: now },
      event: caseEventText(
        opts.outcomes.servicesComplete ? 'closure_approved_complete' : 'closure_approved_incomplete',
        { summary: clipText(opts.outcomes.summary, 200) },
      ),
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
      event: caseEventText('assessment', { date: opts.input.assessedOn, risk: opts.input.riskLevel }),
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
    return { event: caseEventText('plan', { goals: String(opts.input.goals.length) }) };
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
      event: caseEventText('service', {
        component: input.component,
        serviceType: input.serviceType,
        value: formatRupiah(input.valueRupiah),
      }),
    };
  });

type PlacementStep = {
  db: Db;
  context: AuditContext;
  viewer: CaseViewer;
  id: string;
  /** Inside another module's transaction (see `workOnCase`). */
  audit?: (record: AuditRecord) => void;
};

/**
 * Residential placement at the case's balai: takes one bed (refused when none is free,
 * also under concurrency) and holds it until the placement ends. The person's stay moves
 * to the balai with it (see placement-hooks.ts).
 */
export const placeResident = (opts: PlacementStep) =>
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
    await notifyPlacementChange(tx, audit, opts.context, {
      kind: 'placed',
      caseId: row.id,
      centerId: row.centerId,
      at: created!.startedAt,
    });
    return {
      event: caseEventText('placement', {
        occupied: String(beds.occupiedBeds),
        capacity: String(beds.bedCapacity),
      }),
    };
  });

/**
 * Ends the open placement and gives the bed back; the person's stay at the balai ends with it.
 * An outreach move names where the person went (`movedTo`), so the timeline can word it in
 * the reader's language; otherwise the reason is the worker's own words.
 */
export const endPlacement = (opts: PlacementStep & ({ reason: string } | { movedTo: StayKind })) =>
  workOnCase(opts, async (tx, row, audit) => {
    const event =
      'movedTo' in opts
        ? caseEventText('placement_moved', { destination: opts.movedTo })
        : caseEventText('placement_ended', { reason: opts.reason });
    const reason =
      'movedTo' in opts ? `Pindah: ${caseEventVocabularies.destination[opts.movedTo]}` : opts.reason;
    if (!(await endOpenPlacement(tx, row, reason, audit))) throw caseError('case.not_placed');
    await notifyPlacementChange(tx, audit, opts.context, {
      kind: 'placement_ended',
      caseId: row.id,
      centerId: row.centerId,
      reason,
      at: new Date(),
    });
    return { event };
  });

/** Ends the case's open placement, if any, and frees its bed; true when there was one. */
export const endOpenPlacement = async (
  tx: Db,
  row: CaseRow,
  reason: string,
  audit: (record: AuditRecord) => void,
): Promise<boolean> => {
  const [open] = await tx
    .select()
    .from(casePlacements)
    .where(and(eq(casePlacements.caseId, row.id), isNull(casePlacements.endedAt)))
    .for('update');
  if (!open) return false;
  const [ended] = await tx
    .update(casePlacements)
    .set({ endedAt: new Date(), endReason: reason })
    .where(eq(casePlacements.id, open.id))
    .returning();
  audit({
    action: 'update',
    entity: 'case_placement',
    entityId: open.id,
    changes: diffRecords(open, ended!),
  });
  await releaseBed(tx, open.centerId, audit);
  return true;
};

/** Whether the case holds a bed now. */
export const hasOpenPlacement = async (db: Db, caseId: string): Promise<boolean> => {
  const [open] = await db
    .select({ id: casePlacements.id })
    .from(casePlacements)
    .where(and(eq(casePlacements.caseId, caseId), isNull(casePlacements.endedAt)));
  return open !== undefined;
};

/**
 * Locks the case row for a change another module makes about it (an outreach move), so it
 * queues behind and ahead of this module's own changes to the case; refused like them when
 * the viewer may not work on it.
 */
export const lockCaseForWork = async (tx: Db, viewer: CaseViewer, id: string): Promise<CaseRow> => {
  const [row] = await tx.select().from(cases).where(eq(cases.id, id)).for('update');
  if (!row || !canWorkOnCase(viewer, row)) throw caseError('case.not_found');
  return row;
};
