import {
  type AcceptTransferInput,
  type CaseStage,
  canRequestTransfer,
  caseEventText,
  clipText,
  type RejectTransferInput,
  type RequestTransferInput,
  type Transfer,
  type TransferStatus,
} from '@atensi/domain';
import { and, asc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { AuditContext, AuditRecord } from '../../platform/audit/audit.ts';
import { diffRecords } from '../../platform/audit/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { centerNames, liveCenterName } from '../centers/centers.service.ts';
import { holdsRoleAt, userNames } from '../users/users.service.ts';
import { type CaseViewer, canWorkOnCase } from './case-visibility.ts';
import { endOpenPlacement, workOnCase } from './case-work.ts';
import { caseError, caseFieldError } from './cases.errors.ts';
import type { CaseRow } from './cases.service.ts';
import { caseTransfers } from './cases.tables.ts';
import { notifyPlacementChange } from './placement-hooks.ts';

type TransferRow = typeof caseTransfers.$inferSelect;
type CaseChange = { db: Db; context: AuditContext; viewer: CaseViewer; id: string };

/** The receiving centre's head decides; nobody else sees the request as theirs. */
export const canDecideTransfer = (v: CaseViewer, c: Pick<CaseRow, 'transferToCenterId'>): boolean =>
  c.transferToCenterId !== null && v.headOf.includes(c.transferToCenterId);

const pendingTransfer = async (tx: Db, caseId: string): Promise<TransferRow> => {
  const [row] = await tx
    .select()
    .from(caseTransfers)
    .where(and(eq(caseTransfers.caseId, caseId), eq(caseTransfers.status, 'pending')))
    .for('update');
  if (!row) throw caseError('case.no_pending_transfer');
  return row;
};

/** Closes the pending request with a decision, audited under its own entity. */
const decide = async (
  tx: Db,
  transfer: TransferRow,
  status: Exclude<TransferStatus, 'pending'>,
  context: AuditContext,
  note: string | null,
  audit: (r: AuditRecord) => void,
) => {
  const [after] = await tx
    .update(caseTransfers)
    .set({
      status,
      decidedById: context.actorId,
      decidedByName: context.actorName,
      decidedAt: new Date(),
      decisionNote: note,
    })
    .where(eq(caseTransfers.id, transfer.id))
    .returning();
  audit({
    action: 'update',
    entity: 'case_transfer',
    entityId: transfer.id,
    changes: diffRecords(transfer, after!),
  });
};

/** The case's worker or head asks another centre to take the case. */
export const requestTransfer = (opts: CaseChange & { input: RequestTransferInput }) =>
  workOnCase({ ...opts, version: opts.input.version }, async (tx, row, audit) => {
    const { toCenterId, reason } = opts.input;
    if (!canRequestTransfer(row.stage as CaseStage)) throw caseError('case.transfer_stage');
    if (row.transferToCenterId) throw caseError('case.transfer_pending');
    if (toCenterId === row.centerId) throw caseFieldError('case.transfer_same_center', 'toCenterId');
    const toName = await liveCenterName(tx, toCenterId);
    if (!toName) throw caseFieldError('case.center_unknown', 'toCenterId');
    const [created] = await tx
      .insert(caseTransfers)
      .values({
        id: uuidv7(),
        caseId: row.id,
        fromCenterId: row.centerId,
        toCenterId,
        reason,
        status: 'pending',
        requestedById: opts.context.actorId,
        requestedByName: opts.context.actorName,
        requestedAt: new Date(),
      })
      .returning();
    audit({
      action: 'create',
      entity: 'case_transfer',
      entityId: created!.id,
      changes: diffRecords(null, created!, { ignore: ['id'] }),
    });
    return {
      set: { transferToCenterId: toCenterId },
      event: caseEventText('transfer_requested', { center: toName, reason: clipText(reason, 300) }),
    };
  });

/** The sending side withdraws its request. */
export const cancelTransfer = (opts: CaseChange & { version: number }) =>
  workOnCase(opts, async (tx, row, audit) => {
    const transfer = await pendingTransfer(tx, row.id);
    await decide(tx, transfer, 'cancelled', opts.context, null, audit);
    return {
      set: { transferToCenterId: null },
      event: caseEventText('transfer_cancelled', {}),
    };
  });

/**
 * The receiving head takes the case: it moves to their centre with its number, records and
 * timeline; the worker they name takes it over; a bed held at the old balai is given back and
 * the person's open stay (TPS, LKS, balai) ends.
 */
export const acceptTransfer = (opts: CaseChange & { input: AcceptTransferInput }) =>
  workOnCase({ ...opts, version: opts.input.version, may: canDecideTransfer }, async (tx, row, audit) => {
    const transfer = await pendingTransfer(tx, row.id);
    const { assignedWorkerId, note } = opts.input;
    if (!(await holdsRoleAt(tx, assignedWorkerId, ['social_worker', 'center_head'], transfer.toCenterId))) {
      throw caseFieldError('case.worker_not_at_center', 'assignedWorkerId');
    }
    const names = await centerNames(tx, [transfer.fromCenterId, transfer.toCenterId]);
    const workerName = (await userNames(tx, [assignedWorkerId])).get(assignedWorkerId) ?? '';
    await endOpenPlacement(tx, row, `Dipindahkan ke ${names.get(transfer.toCenterId)}`, audit);
    // The receiving balai decides anew where the person stays; the old TPS, LKS or bed counts them out.
    await notifyPlacementChange(tx, audit, opts.context, {
      kind: 'transferred',
      caseId: row.id,
      centerId: row.centerId,
      toCenterId: transfer.toCenterId,
      at: new Date(),
    });
    await decide(tx, transfer, 'accepted', opts.context, note, audit);
    return {
      set: { centerId: transfer.toCenterId, assignedWorkerId, transferToCenterId: null },
      event: (() => {
        const moved = {
          from: names.get(transfer.fromCenterId) ?? '',
          to: names.get(transfer.toCenterId) ?? '',
          worker: workerName,
        };
        return note
          ? caseEventText('transfer_accepted_note', { ...moved, note })
          : caseEventText('transfer_accepted', moved);
      })(),
    };
  });

/** The receiving head declines, with the reason the sending side reads. */
export const rejectTransfer = (opts: CaseChange & { input: RejectTransferInput }) =>
  workOnCase({ ...opts, version: opts.input.version, may: canDecideTransfer }, async (tx, row, audit) => {
    const transfer = await pendingTransfer(tx, row.id);
    await decide(tx, transfer, 'rejected', opts.context, opts.input.reason, audit);
    return {
      set: { transferToCenterId: null },
      event: caseEventText('transfer_rejected', { reason: clipText(opts.input.reason, 300) }),
    };
  });

/** Every transfer of the case, oldest first, with centre names. */
export const transfersOf = async (db: Db, caseId: string): Promise<Transfer[]> => {
  const rows = await db
    .select()
    .from(caseTransfers)
    .where(eq(caseTransfers.caseId, caseId))
    .orderBy(asc(caseTransfers.requestedAt), asc(caseTransfers.id));
  const names = await centerNames(db, [...new Set(rows.flatMap((r) => [r.fromCenterId, r.toCenterId]))]);
  return rows.map((r) => ({
    id: r.id,
    fromCenterId: r.fromCenterId,
    fromCenterName: names.get(r.fromCenterId) ?? '',
    toCenterId: r.toCenterId,
    toCenterName: names.get(r.toCenterId) ?? '',
    reason: r.reason,
    status: r.status as TransferStatus,
    requestedAt: r.requestedAt.toISOString(),
    requestedByName: r.requestedByName,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decidedByName: r.decidedByName,
    decisionNote: r.decisionNote,
  }));
};

/** Whether the viewer may ask for a transfer of this case now. */
export const mayRequestTransfer = (v: CaseViewer, c: CaseRow): boolean =>
  canWorkOnCase(v, c) && canRequestTransfer(c.stage as CaseStage) && c.transferToCenterId === null;
