import { z } from 'zod';
import { requiredText, text } from '../text.ts';
import { type CaseStage, workingStages } from './stages.ts';

/**
 * Transfer of a case to another centre: the sending side asks, the receiving centre's head
 * accepts (naming the worker who takes it) or rejects. The case keeps its number, timeline
 * and records; only its centre and worker change.
 */
export const transferStatuses = ['pending', 'accepted', 'rejected', 'cancelled'] as const;
export const transferStatus = z.enum(transferStatuses);
export type TransferStatus = z.infer<typeof transferStatus>;

/** A transfer may be asked while the case is being worked, not while closure is pending or after it. */
export const canRequestTransfer = (stage: CaseStage): boolean =>
  (workingStages as readonly CaseStage[]).includes(stage);

const version = z.number().int().min(1);

export const requestTransferInput = z.object({
  toCenterId: z.uuid(),
  reason: requiredText(10, 2000),
  version,
});
export type RequestTransferInput = z.infer<typeof requestTransferInput>;

export const acceptTransferInput = z.object({
  /** The worker at the receiving centre who takes the case. */
  assignedWorkerId: text().min(1).max(64),
  note: text()
    .trim()
    .max(2000)
    .nullish()
    .transform((v) => v ?? null),
  version,
});
export type AcceptTransferInput = z.infer<typeof acceptTransferInput>;

export const rejectTransferInput = z.object({
  reason: requiredText(5, 2000),
  version,
});
export type RejectTransferInput = z.infer<typeof rejectTransferInput>;

export const cancelTransferInput = z.object({ version });

export const transferSchema = z.object({
  id: z.uuid(),
  fromCenterId: z.uuid(),
  fromCenterName: z.string(),
  toCenterId: z.uuid(),
  toCenterName: z.string(),
  reason: z.string(),
  status: transferStatus,
  requestedAt: z.string(),
  requestedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type Transfer = z.infer<typeof transferSchema>;

/** The centre head gives the case to another worker of the same centre. */
export const reassignCaseInput = z.object({
  assignedWorkerId: text().min(1).max(64),
  version,
});
export type ReassignCaseInput = z.infer<typeof reassignCaseInput>;

/** Who at a centre can take a case, with how many open cases they carry. */
export const caseWorkerSchema = z.object({
  id: z.string(),
  name: z.string(),
  isHead: z.boolean(),
  openCases: z.number().int(),
});
export type CaseWorker = z.infer<typeof caseWorkerSchema>;
