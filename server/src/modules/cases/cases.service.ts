import {
  type Case,
  type CaseEventEntry,
  type CaseListInput,
  type CaseStage,
  type CaseSummary,
  type CreateCaseInput,
  caseEventText,
  clipText,
  isSensitiveCase,
  type Page,
} from '@atensi/domain';
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, notInArray, type SQL, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { type AuditContext, type AuditRecord, withAudit } from '../../platform/audit/audit.ts';
import { diffRecords } from '../../platform/audit/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { centerCodeOf, centerNames } from '../centers/centers.service.ts';
import { livePersonSummary, matchingPersonIds, personSummariesByIds } from '../persons/persons.service.ts';
import { holdsRoleAt, userNames } from '../users/users.service.ts';
import { type CaseViewer, canSeeCase, referredTo, visibleCasesCondition } from './case-visibility.ts';
import { caseError, caseFieldError } from './cases.errors.ts';
import { caseCounters, caseEvents, cases } from './cases.tables.ts';
import { checkIdentityProof, seenAtCenter } from './identity-proof.ts';

export type CaseRow = typeof cases.$inferSelect;

/** Days from intake without any service after which an open case counts as overdue. */
export const overdueDays = 7;

const hoursBetween = (from: Date, to: Date | null) =>
  to ? Math.round(((to.getTime() - from.getTime()) / 3_600_000) * 10) / 10 : null;

const nextNumber = async (tx: Db, centerId: string, at: Date): Promise<string> => {
  const year = at.getUTCFullYear();
  const [row] = await tx
    .insert(caseCounters)
    .values({ centerId, year, lastSeq: 1 })
    .onConflictDoUpdate({
      target: [caseCounters.centerId, caseCounters.year],
      set: { lastSeq: sql`${caseCounters.lastSeq} + 1` },
    })
    .returning({ lastSeq: caseCounters.lastSeq });
  return `ATN-${year}-${await centerCodeOf(tx, centerId)}-${String(row!.lastSeq).padStart(5, '0')}`;
};

export const recordEvent = (
  tx: Db,
  e: CaseEventEntry & { caseId: string; context: AuditContext; at?: Date },
) =>
  tx.insert(caseEvents).values({
    id: uuidv7(),
    caseId: e.caseId,
    at: e.at ?? new Date(),
    kind: e.kind,
    actorId: e.context.actorId,
    actorName: e.context.actorName,
    summary: e.summary,
  });

/** What opens a case; `identityProof` only matters for a person the centre does not see yet. */
export type CaseOpening = Omit<CreateCaseInput, 'identityProof'> & {
  identityProof?: CreateCaseInput['identityProof'];
};

export const createCase = async (opts: {
  db: Db;
  context: AuditContext;
  input: CaseOpening;
}): Promise<string> => {
  const { db, context, input } = opts;
  const person = await livePersonSummary(db, input.personId);
  if (!person) {
    throw caseFieldError('case.person_unknown', 'personId');
  }
  if (!(await holdsRoleAt(db, input.assignedWorkerId, ['social_worker', 'center_head'], input.centerId))) {
    throw caseFieldError('case.worker_not_at_center', 'assignedWorkerId');
  }
  // A person registered and served elsewhere: only with proof they are here (identity-proof.ts).
  const proofAudit = (await seenAtCenter(db, input.personId, input.centerId))
    ? null
    : await checkIdentityProof({
        db,
        actorId: context.actorId,
        personId: input.personId,
        centerId: input.centerId,
        proof: input.identityProof,
      });
  const id = uuidv7();
  const now = new Date();
  await withAudit(db, context, async (tx, audit) => {
    const number = await nextNumber(tx, input.centerId, now);
    const [row] = await tx
      .insert(cases)
      .values({
        id,
        number,
        personId: input.personId,
        centerId: input.centerId,
        clusters: [...new Set(input.clusters)],
        childSpecialProtection: input.childSpecialProtection,
        sensitive: isSensitiveCase(input.clusters, input.childSpecialProtection),
        intakeChannel: input.intakeChannel,
        intakeReference: input.intakeReference,
        problem: input.problem,
        urgency: input.urgency,
        modality: input.modality,
        assignedWorkerId: input.assignedWorkerId,
        stage: 'engagement',
        recommendedCenterId: input.recommendedCenterId,
        overrideReason:
          input.recommendedCenterId && input.recommendedCenterId !== input.centerId
            ? input.overrideReason
            : null,
        openedAt: now,
      })
      .returning();
    await recordEvent(tx, {
      caseId: id,
      ...caseEventText('opened', { number, problem: clipText(input.problem, 200) }),
      context,
      at: now,
    });
    audit({
      action: 'create',
      entity: 'case',
      entityId: id,
      changes: diffRecords(null, row!, { personal: ['problem'] }),
    });
    if (proofAudit) audit(proofAudit(id));
  });
  return id;
};

export const loadCase = async (db: Db, id: string): Promise<CaseRow> => {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  if (!row) throw caseError('case.not_found');
  return row;
};

/** The id of the case with this number (`ATN-…`), or null. */
export const caseIdByNumber = async (db: Db, number: string): Promise<string | null> => {
  const [row] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(eq(cases.number, number.trim().toUpperCase()));
  return row?.id ?? null;
};

/** Loads a case the viewer may see; anything else is "not found" (no hint that it exists). */
export const visibleCase = async (db: Db, viewer: CaseViewer, id: string): Promise<CaseRow> => {
  const row = await loadCase(db, id);
  if (canSeeCase(viewer, row)) return row;
  if (viewer.partnerIds.length > 0) {
    const [open] = await db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.id, id), referredTo(viewer.partnerIds)));
    if (open) return row;
  }
  throw caseError('case.not_found');
};

const summaries = async (db: Db, rows: CaseRow[]): Promise<CaseSummary[]> => {
  const [people, workers] = await Promise.all([
    personSummariesByIds(db, [...new Set(rows.map((r) => r.personId))]),
    userNames(db, [...new Set(rows.map((r) => r.assignedWorkerId))]),
  ]);
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    personId: r.personId,
    personName: people.get(r.personId)?.fullName ?? '',
    nikMasked: people.get(r.personId)?.nikMasked ?? null,
    centerId: r.centerId,
    clusters: r.clusters as CaseSummary['clusters'],
    sensitive: r.sensitive,
    stage: r.stage as CaseStage,
    urgency: r.urgency as CaseSummary['urgency'],
    modality: r.modality as CaseSummary['modality'],
    assignedWorkerId: r.assignedWorkerId,
    assignedWorkerName: workers.get(r.assignedWorkerId) ?? null,
    openedAt: r.openedAt.toISOString(),
    firstServiceAt: r.firstServiceAt?.toISOString() ?? null,
    responseHours: hoursBetween(r.openedAt, r.firstServiceAt),
    version: r.version,
    transferToCenterId: r.transferToCenterId,
  }));
};

export const caseSummary = async (db: Db, row: CaseRow): Promise<CaseSummary> =>
  (await summaries(db, [row]))[0]!;

/** "My cases" or a centre's cases, filtered; search by case number, name (any spelling) or NIK. */
export const listCases = async (
  db: Db,
  viewer: CaseViewer,
  input: CaseListInput,
  now = new Date(),
): Promise<Page<CaseSummary>> => {
  const conditions: SQL[] = [visibleCasesCondition(viewer)];
  if (input.view === 'mine') conditions.push(eq(cases.assignedWorkerId, viewer.userId));
  if (input.centerId) conditions.push(eq(cases.centerId, input.centerId));
  if (input.stage) conditions.push(eq(cases.stage, input.stage));
  if (input.cluster) conditions.push(sql`${input.cluster} = any(${cases.clusters})`);
  if (input.urgency) conditions.push(eq(cases.urgency, input.urgency));
  if (input.assignedWorkerId) conditions.push(eq(cases.assignedWorkerId, input.assignedWorkerId));
  if (input.overdue) {
    conditions.push(isNull(cases.firstServiceAt), isNull(cases.closedAt));
    conditions.push(lt(cases.openedAt, new Date(now.getTime() - overdueDays * 86_400_000)));
  }
  if (input.transfer === 'incoming') {
    conditions.push(viewer.headOf.length > 0 ? inArray(cases.transferToCenterId, viewer.headOf) : sql`false`);
  }
  if (input.transfer === 'outgoing') {
    conditions.push(isNotNull(cases.transferToCenterId));
    if (viewer.headOf.length > 0) conditions.push(notInArray(cases.transferToCenterId, viewer.headOf));
  }
  const q = input.q?.trim();
  if (q) {
    if (/^ATN-/i.test(q)) conditions.push(eq(cases.number, q.toUpperCase()));
    else {
      const ids = await matchingPersonIds(db, q);
      conditions.push(ids.length > 0 ? inArray(cases.personId, ids) : sql`false`);
    }
  }
  const where = and(...conditions);
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(cases)
      .where(where)
      .orderBy(desc(cases.openedAt), asc(cases.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(cases).where(where),
  ]);
  return {
    items: await summaries(db, rows),
    total: Number(count?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
};

/** Number of open cases per centre, for routing by caseload. */
export const openCaseCounts = async (db: Db): Promise<Map<string, number>> => {
  const rows = await db
    .select({ centerId: cases.centerId, n: sql<number>`count(*)::int` })
    .from(cases)
    .where(isNull(cases.closedAt))
    .groupBy(cases.centerId);
  return new Map(rows.map((r) => [r.centerId, Number(r.n)]));
};

export type { Case };

/** For a person merge: the merged record's cases now belong to the survivor (same transaction). */
export const reassignCases = async (
  tx: Db,
  audit: (r: AuditRecord) => void,
  from: { personId: string },
  to: { personId: string },
  context: AuditContext,
): Promise<number> => {
  const moved = await tx
    .update(cases)
    .set({ personId: to.personId, version: sql`${cases.version} + 1`, updatedAt: new Date() })
    .where(eq(cases.personId, from.personId))
    .returning({ id: cases.id });
  for (const c of moved) {
    await recordEvent(tx, {
      caseId: c.id,
      ...caseEventText('merged', {}),
      context,
    });
    audit({
      action: 'update',
      entity: 'case',
      entityId: c.id,
      changes: [{ field: 'personId', before: from.personId, after: to.personId }],
    });
  }
  return moved.length;
};

/**
 * The person's cases at centres other than `exceptCenterId` (the registering one), newest
 * first, for the person's page: the registering centre sees who else serves them. Where a
 * sensitive case is, is told only to who may see it (a trafficking victim's balai is not for
 * every reader of the record); the others read that one exists, and since when.
 */
export const servedElsewhere = async (
  db: Db,
  personId: string,
  exceptCenterId: string | null,
  viewer: CaseViewer,
) => {
  const rows = await db
    .select()
    .from(cases)
    .where(
      and(
        eq(cases.personId, personId),
        exceptCenterId ? sql`${cases.centerId} <> ${exceptCenterId}` : undefined,
      ),
    )
    .orderBy(desc(cases.openedAt), asc(cases.id));
  const told = rows.map((row) => ({ row, where: !row.sensitive || canSeeCase(viewer, row) }));
  const names = await centerNames(db, [...new Set(told.flatMap((x) => (x.where ? [x.row.centerId] : [])))]);
  return told.map(({ row, where }) => ({
    confidential: !where,
    caseNumber: where ? row.number : null,
    centerId: where ? row.centerId : null,
    centerName: where ? (names.get(row.centerId) ?? '') : null,
    openedAt: row.openedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  }));
};

/** SQL for "persons with a case at one of these centres", for the persons module's scope. */
export const personsServedAt = (centerIds: string[]) =>
  sql`(select ${cases.personId} from ${cases} where ${inArray(cases.centerId, centerIds)})`;

/** Ids of the cases the viewer may see (optionally at one centre), as a subquery for other modules' lists. */
export const visibleCaseIds = (db: Db, viewer: CaseViewer, centerId?: string): SQL => {
  const where = centerId
    ? and(visibleCasesCondition(viewer), eq(cases.centerId, centerId))
    : visibleCasesCondition(viewer);
  return sql`(${db.select({ id: cases.id }).from(cases).where(where)})`;
};
