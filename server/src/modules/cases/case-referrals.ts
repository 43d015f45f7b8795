import {
  type CaseStage,
  type CreateReferralInput,
  canMoveReferral,
  caseEventText,
  caseEventVocabularies,
  isClosed,
  openReferralStatuses,
  type Page,
  type Referral,
  type ReferralListInput,
  type ReferralStatus,
  type ReferralStatusInput,
  type ReferralTarget,
} from '@atensi/domain';
import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { type AuditContext, type AuditRecord, withAudit } from '../../platform/audit/audit.ts';
import { diffRecords } from '../../platform/audit/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { containsPattern } from '../../platform/db/like.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { liveCenterName } from '../centers/centers.service.ts';
import { partnersByIds } from '../partners/partners.service.ts';
import { personSummariesByIds } from '../persons/persons.service.ts';
import { type CaseViewer, canWorkOnCase, visibleCasesCondition } from './case-visibility.ts';
import { workOnCase } from './case-work.ts';
import { caseError, caseFieldError } from './cases.errors.ts';
import { recordEvent } from './cases.service.ts';
import { caseReferrals, cases } from './cases.tables.ts';

export type ReferralRow = typeof caseReferrals.$inferSelect;

/** Programme names as letters and lists print them. */
export const programmeNames: Partial<Record<ReferralTarget, string>> = {
  pkh: 'Program Keluarga Harapan (PKH)',
  bpnt: 'Bantuan Pangan Non Tunai (BPNT)',
  kube: 'Kelompok Usaha Bersama (KUBE)',
  prokus: 'Program Kewirausahaan Sosial (Prokus)',
  bpjs_pbi: 'BPJS Kesehatan PBI',
};

/** A status in words: the Indonesian of the case timeline, the English code itself. */
const statusName = (status: ReferralStatus, lang: 'id' | 'en'): string =>
  lang === 'id' ? caseEventVocabularies.status[status] : status;

/** "Cannot move from X to Y", with the status names in each language rather than Indonesian in both. */
export const moveRefused = (from: ReferralStatus, to: ReferralStatus): AppError => {
  const say = (lang: 'id' | 'en') =>
    caseError('case.referral_refused', { from: statusName(from, lang), to: statusName(to, lang) }).localised[
      lang
    ];
  return new AppError('case.referral_refused', 409, { id: say('id'), en: say('en') });
};

/** `c` is the referral's case; null for a ticket forwarded without one (then the row names its centre). */
export const toReferral = (r: ReferralRow, c: { number: string; centerId: string } | null): Referral => ({
  id: r.id,
  caseId: r.caseId,
  caseNumber: c?.number ?? null,
  ticketId: r.ticketId,
  ticketCode: r.ticketCode,
  centerId: c?.centerId ?? r.centerId ?? '',
  target: r.target as ReferralTarget,
  partnerId: r.partnerId,
  targetCenterId: r.targetCenterId,
  targetName: r.targetName,
  reason: r.reason,
  letterNumber: r.letterNumber,
  status: r.status as ReferralStatus,
  sentAt: r.sentAt.toISOString(),
  sentByName: r.sentByName,
  answeredAt: r.answeredAt?.toISOString() ?? null,
  completedAt: r.completedAt?.toISOString() ?? null,
  responseNote: r.responseNote,
  version: r.version,
});

/** The name the referral goes to: the partner's or centre's own, or the programme's. */
export const targetNameOf = async (
  tx: Db,
  input: Pick<CreateReferralInput, 'target' | 'partnerId' | 'targetCenterId' | 'targetName'>,
  sendingCenterId: string,
): Promise<string> => {
  if (input.target === 'partner') {
    const partner = (await partnersByIds(tx, [input.partnerId!])).get(input.partnerId!);
    if (!partner?.active) throw caseFieldError('case.referral_partner_unknown', 'partnerId');
    return partner.name;
  }
  if (input.target === 'other_center') {
    if (input.targetCenterId === sendingCenterId)
      throw caseFieldError('case.transfer_same_center', 'targetCenterId');
    const name = await liveCenterName(tx, input.targetCenterId!);
    if (!name) throw caseFieldError('case.center_unknown', 'targetCenterId');
    return name;
  }
  return input.targetName ?? programmeNames[input.target] ?? input.target;
};

/** The case's worker or head refers the person out. */
export const createReferral = (opts: {
  db: Db;
  context: AuditContext;
  viewer: CaseViewer;
  id: string;
  input: CreateReferralInput;
}) => referCase(opts);

/**
 * Refers a case out, optionally from the SERASI ticket it is linked to; `may` widens who may
 * (the ticket's desk). Returns the new referral's id and the name it went to.
 */
export const referCase = async (opts: {
  db: Db;
  context: AuditContext;
  viewer: CaseViewer;
  id: string;
  input: CreateReferralInput;
  may?: (viewer: CaseViewer, row: { centerId: string }) => boolean;
  ticket?: { id: string; code: string };
}): Promise<{ id: string; targetName: string }> => {
  let made = { id: '', targetName: '' };
  await workOnCase(opts, async (tx, row, audit) => {
    if (isClosed(row.stage as CaseStage)) throw caseError('case.closed');
    const { input } = opts;
    const targetName = await targetNameOf(tx, input, row.centerId);
    const created = await insertReferral(tx, opts.context, audit, {
      caseId: row.id,
      ticketId: opts.ticket?.id ?? null,
      ticketCode: opts.ticket?.code ?? null,
      centerId: null,
      input,
      targetName,
    });
    made = { id: created.id, targetName };
    return {
      event: opts.ticket
        ? caseEventText('referral_sent_ticket', { target: targetName, ticket: opts.ticket.code })
        : caseEventText('referral_sent', { target: targetName }),
    };
  });
  return made;
};

/** The referral row, status `sent`, and its audit row. */
export const insertReferral = async (
  tx: Db,
  context: AuditContext,
  audit: (r: AuditRecord) => void,
  v: {
    caseId: string | null;
    ticketId: string | null;
    ticketCode: string | null;
    centerId: string | null;
    input: CreateReferralInput;
    targetName: string;
  },
): Promise<ReferralRow> => {
  const { input } = v;
  const [created] = await tx
    .insert(caseReferrals)
    .values({
      id: uuidv7(),
      caseId: v.caseId,
      ticketId: v.ticketId,
      ticketCode: v.ticketCode,
      centerId: v.centerId,
      target: input.target,
      partnerId: input.target === 'partner' ? input.partnerId : null,
      targetCenterId: input.target === 'other_center' ? input.targetCenterId : null,
      targetName: v.targetName,
      reason: input.reason,
      letterNumber: input.letterNumber,
      status: 'sent',
      sentAt: new Date(),
      sentById: context.actorId,
      sentByName: context.actorName,
    })
    .returning();
  audit({
    action: 'create',
    entity: 'case_referral',
    entityId: created!.id,
    changes: diffRecords(null, created!, { ignore: ['id'], personal: ['reason'] }),
  });
  return created!;
};

/**
 * A referral's answer. The partner institution answers its own referrals; the case's worker
 * or head records answers of programmes that have no users here, completes and cancels.
 */
export const answerReferral = async (opts: {
  db: Db;
  context: AuditContext;
  viewer: CaseViewer;
  caseId: string;
  referralId: string;
  input: ReferralStatusInput;
}) => {
  const { db, context, viewer, input } = opts;
  await withAudit(db, context, async (tx, audit) => {
    const [found] = await tx
      .select({ referral: caseReferrals, c: cases })
      .from(caseReferrals)
      .innerJoin(cases, eq(cases.id, caseReferrals.caseId))
      .where(and(eq(caseReferrals.id, opts.referralId), eq(caseReferrals.caseId, opts.caseId)))
      .for('update', { of: caseReferrals });
    if (!found) throw caseError('case.not_found');
    const { referral, c } = found;
    const side = canWorkOnCase(viewer, c)
      ? 'case'
      : referral.partnerId && viewer.partnerIds.includes(referral.partnerId)
        ? 'partner'
        : null;
    if (!side) throw caseError('case.not_found');
    if (referral.version !== input.version) throw caseError('case.version_conflict');
    const now = new Date();
    await stepReferral(tx, audit, referral, input, side, now);
    await recordEvent(tx, {
      caseId: c.id,
      ...(input.note
        ? caseEventText('referral_updated_note', {
            target: referral.targetName,
            status: input.status,
            note: input.note,
          })
        : caseEventText('referral_updated', { target: referral.targetName, status: input.status })),
      context,
      at: now,
    });
  });
};

/**
 * One step of a referral (accepted, rejected, completed, cancelled) by the side allowed to
 * take it, under the caller's row lock and version check; audited. Shared by case referrals
 * and those forwarded from a SERASI ticket.
 */
export const stepReferral = async (
  tx: Db,
  audit: (record: AuditRecord) => void,
  referral: ReferralRow,
  input: ReferralStatusInput,
  side: 'case' | 'partner',
  now = new Date(),
): Promise<ReferralRow> => {
  const from = referral.status as ReferralStatus;
  if (!canMoveReferral(from, input.status, side)) throw moveRefused(from, input.status);
  const [after] = await tx
    .update(caseReferrals)
    .set({
      status: input.status,
      responseNote: input.note ?? referral.responseNote,
      ...(input.status === 'accepted' || input.status === 'rejected' ? { answeredAt: now } : {}),
      ...(input.status === 'completed' ? { completedAt: now } : {}),
      version: referral.version + 1,
    })
    .where(eq(caseReferrals.id, referral.id))
    .returning();
  audit({
    action: 'update',
    entity: 'case_referral',
    entityId: referral.id,
    changes: diffRecords(referral, after!, { personal: ['responseNote'] }),
  });
  return after!;
};

export const referralsOfCase = async (db: Db, c: { id: string; number: string; centerId: string }) => {
  const rows = await db
    .select()
    .from(caseReferrals)
    .where(eq(caseReferrals.caseId, c.id))
    .orderBy(asc(caseReferrals.sentAt), asc(caseReferrals.id));
  return rows.map((r) => toReferral(r, c));
};

export const loadReferral = async (db: Db, caseId: string, referralId: string): Promise<ReferralRow> => {
  const [row] = await db
    .select()
    .from(caseReferrals)
    .where(and(eq(caseReferrals.id, referralId), eq(caseReferrals.caseId, caseId)));
  if (!row) throw caseError('case.not_found');
  return row;
};

/**
 * Incoming: referrals to the user's partner institutions (all statuses for cases, so they see
 * what they handled, though the case opens only while the referral is open; a ticket's only
 * while open, as it has no case to keep them to). Outgoing: referrals from the cases the user
 * sees, and those forwarded from SERASI tickets by their centres' desks (all for central staff).
 * `q` finds part of the case number, the receiving institution's name or the letter number;
 * people are found on the persons page, not here.
 */
export const listReferrals = async (
  db: Db,
  viewer: CaseViewer,
  input: ReferralListInput,
): Promise<Page<Referral & { personName: string; caseOpen: boolean }>> => {
  const conditions: SQL[] = [
    input.direction === 'incoming' ? incomingCondition(viewer) : outgoingCondition(viewer),
  ];
  if (input.status) conditions.push(eq(caseReferrals.status, input.status));
  if (input.target) conditions.push(eq(caseReferrals.target, input.target));
  const q = input.q?.trim();
  if (q) {
    const like = containsPattern(q);
    conditions.push(
      or(
        ilike(cases.number, like),
        ilike(caseReferrals.targetName, like),
        ilike(caseReferrals.letterNumber, like),
        ilike(caseReferrals.ticketCode, like),
      ) as SQL,
    );
  }
  const where = and(...conditions);
  const [rows, [count]] = await Promise.all([
    db
      .select({
        referral: caseReferrals,
        number: cases.number,
        centerId: cases.centerId,
        personId: cases.personId,
      })
      .from(caseReferrals)
      .leftJoin(cases, eq(cases.id, caseReferrals.caseId))
      .where(where)
      .orderBy(desc(caseReferrals.sentAt), asc(caseReferrals.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(caseReferrals)
      .leftJoin(cases, eq(cases.id, caseReferrals.caseId))
      .where(where),
  ]);
  const people = await personSummariesByIds(db, [
    ...new Set(rows.flatMap((r) => (r.personId ? [r.personId] : []))),
  ]);
  return {
    items: rows.map((r) => ({
      ...toReferral(r.referral, r.number && r.centerId ? { number: r.number, centerId: r.centerId } : null),
      personName: r.personId ? (people.get(r.personId)?.fullName ?? '') : '',
      caseOpen:
        r.referral.caseId !== null && (openReferralStatuses as readonly string[]).includes(r.referral.status),
    })),
    total: Number(count?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
};

const isOpen = inArray(caseReferrals.status, [...openReferralStatuses]);

const incomingCondition = (viewer: CaseViewer): SQL =>
  viewer.partnerIds.length > 0
    ? (and(
        inArray(caseReferrals.partnerId, viewer.partnerIds),
        or(isNotNull(caseReferrals.caseId), isOpen),
      ) as SQL)
    : sql`false`;

const outgoingCondition = (viewer: CaseViewer): SQL => {
  const fromTickets = viewer.national
    ? isNull(caseReferrals.caseId)
    : viewer.deskAt.length > 0
      ? and(isNull(caseReferrals.caseId), inArray(caseReferrals.centerId, viewer.deskAt))
      : undefined;
  // The case's own rule; a ticket's referral has no case row, so the join leaves it out of it.
  const ofCases = and(isNotNull(caseReferrals.caseId), visibleCasesCondition(viewer)) as SQL;
  return fromTickets ? (or(ofCases, fromTickets) as SQL) : ofCases;
};

/** One referral as its answerer sees it after the change. */
export const loadReferralAnswer = async (db: Db, caseId: string, referralId: string): Promise<Referral> => {
  const [row] = await db
    .select({ referral: caseReferrals, number: cases.number, centerId: cases.centerId })
    .from(caseReferrals)
    .innerJoin(cases, eq(cases.id, caseReferrals.caseId))
    .where(and(eq(caseReferrals.id, referralId), eq(caseReferrals.caseId, caseId)));
  if (!row) throw caseError('case.not_found');
  return toReferral(row.referral, row);
};
