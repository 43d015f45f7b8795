import {
  type CaseStage,
  canTransition,
  caseEventText,
  type FollowUp,
  type FollowUpInput,
  isClosed,
} from '@atensi/domain';
import { asc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { diffRecords } from '../../platform/audit/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import type { CaseViewer } from './case-visibility.ts';
import { roleAt, workOnCase } from './case-work.ts';
import { caseError, caseFieldError, transitionRefused } from './cases.errors.ts';
import { caseFollowUps } from './cases.tables.ts';

/** Today's date at Indonesia's easternmost zone (WIT): the latest calendar day anywhere in the country. */
const latestTodayInIndonesia = (now: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jayapura' }).format(now);

/**
 * A bimbingan lanjut visit after closure. The first visit on a case in terminasi moves it to
 * bimbingan lanjut, by the same stage rule a manual move follows.
 */
export const recordFollowUp = (opts: {
  db: Db;
  context: AuditContext;
  viewer: CaseViewer;
  id: string;
  input: FollowUpInput;
  now?: Date;
}) =>
  workOnCase({ ...opts, version: opts.input.version }, async (tx, row, audit) => {
    const stage = row.stage as CaseStage;
    if (!isClosed(stage)) throw caseError('case.follow_up_open');
    const { version: _version, ...visit } = opts.input;
    if (visit.visitedOn > latestTodayInIndonesia(opts.now ?? new Date())) {
      throw caseFieldError('case.follow_up_future', 'visitedOn');
    }
    const closedOn = row.closedAt?.toISOString().slice(0, 10);
    if (closedOn && visit.visitedOn < closedOn) {
      throw caseFieldError('case.follow_up_before_closure', 'visitedOn', { closedOn });
    }
    const moving = stage === 'termination';
    if (moving && !canTransition('termination', 'follow_up', roleAt(opts.viewer, row))) {
      throw transitionRefused('termination', 'follow_up');
    }
    const [created] = await tx
      .insert(caseFollowUps)
      .values({
        id: uuidv7(),
        caseId: row.id,
        ...visit,
        recordedById: opts.context.actorId,
        recordedByName: opts.context.actorName,
      })
      .returning();
    audit({
      action: 'create',
      entity: 'case_follow_up',
      entityId: created!.id,
      changes: diffRecords(null, created!, { ignore: ['id'], personal: ['notes'] }),
    });
    const seen = { date: visit.visitedOn, method: visit.method, condition: visit.condition };
    return {
      set: moving ? { stage: 'follow_up' } : {},
      event: visit.nextVisitOn
        ? caseEventText('follow_up_next', { ...seen, next: visit.nextVisitOn })
        : caseEventText('follow_up', seen),
    };
  });

export const followUpsOf = async (db: Db, caseId: string): Promise<FollowUp[]> => {
  const rows = await db
    .select()
    .from(caseFollowUps)
    .where(eq(caseFollowUps.caseId, caseId))
    .orderBy(asc(caseFollowUps.visitedOn), asc(caseFollowUps.createdAt));
  return rows.map((r) => ({
    id: r.id,
    visitedOn: r.visitedOn,
    method: r.method as FollowUp['method'],
    condition: r.condition as FollowUp['condition'],
    notes: r.notes,
    nextVisitOn: r.nextVisitOn,
    recordedByName: r.recordedByName,
  }));
};
