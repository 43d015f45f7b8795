import { type CaseWorker, caseEventText, type ReassignCaseInput } from '@atensi/domain';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AuditContext } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { holdsRoleAt, userNames, usersWithRoleAt } from '../users/users.service.ts';
import type { CaseViewer } from './case-visibility.ts';
import { workOnCase } from './case-work.ts';
import { caseFieldError } from './cases.errors.ts';
import { cases } from './cases.tables.ts';

/** Who at the centre can take a case (social workers and the head), with their open caseload there. */
export const caseWorkersAt = async (db: Db, centerId: string): Promise<CaseWorker[]> => {
  const people = await usersWithRoleAt(db, centerId, ['social_worker', 'center_head']);
  const counts = await db
    .select({ workerId: cases.assignedWorkerId, n: sql<number>`count(*)::int` })
    .from(cases)
    .where(and(eq(cases.centerId, centerId), isNull(cases.closedAt)))
    .groupBy(cases.assignedWorkerId);
  const open = new Map(counts.map((c) => [c.workerId, Number(c.n)]));
  return people.map((p) => ({
    id: p.id,
    name: p.name,
    isHead: p.roles.includes('center_head'),
    openCases: open.get(p.id) ?? 0,
  }));
};

/** Only the head of the case's centre hands a case to another worker there. */
const isHeadOfCase = (v: CaseViewer, c: { centerId: string }) => v.headOf.includes(c.centerId);

export const reassignCase = (opts: {
  db: Db;
  context: AuditContext;
  viewer: CaseViewer;
  id: string;
  input: ReassignCaseInput;
}) =>
  workOnCase({ ...opts, version: opts.input.version, may: isHeadOfCase }, async (tx, row) => {
    const { assignedWorkerId } = opts.input;
    if (assignedWorkerId === row.assignedWorkerId)
      throw caseFieldError('case.already_assigned', 'assignedWorkerId');
    if (!(await holdsRoleAt(tx, assignedWorkerId, ['social_worker', 'center_head'], row.centerId))) {
      throw caseFieldError('case.worker_not_at_center', 'assignedWorkerId');
    }
    const names = await userNames(tx, [row.assignedWorkerId, assignedWorkerId]);
    return {
      set: { assignedWorkerId },
      event: caseEventText('reassigned', {
        from: names.get(row.assignedWorkerId) ?? '-',
        to: names.get(assignedWorkerId) ?? '-',
      }),
    };
  });
