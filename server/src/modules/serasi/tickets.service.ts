import { randomBytes } from 'node:crypto';
import {
  defaultSla,
  type FileTicketInput,
  type IncomingReferralInput,
  levelOfCode,
  looksLikeTicketCode,
  normaliseTicketCode,
  type Page,
  photoMaxBytes,
  readTicketEvent,
  regionLineage,
  type Sla,
  type Ticket,
  type TicketListInput,
  type TicketStatus,
  type TicketSummary,
  type TicketType,
  type TrackedTicket,
  ticketEventText,
  ticketTypes,
} from '@atensi/domain';
import { and, asc, desc, eq, ilike, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { uuidv7 } from 'uuidv7';
import { type AuditContext, type AuditRecord, withAudit } from '../../platform/audit/audit.ts';
import { diffRecords } from '../../platform/audit/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { sqlState, uniqueViolation } from '../../platform/db/errors.ts';
import { containsPattern } from '../../platform/db/like.ts';
import { recommendCenters } from '../cases/recommend-centers.ts';
import { referralsOfTicket } from '../cases/ticket-referrals.ts';
import { centerNames } from '../centers/centers.service.ts';
import { regionCodesNamed, regionExists, regionNames } from '../regions/regions.service.ts';
import { checkFormToken, formTokenHash } from './form-token.ts';
import { serasiError, serasiFieldError } from './serasi.errors.ts';
import { serasiSla, serasiTicketEvents, serasiTicketPhotos, serasiTickets } from './serasi.tables.ts';

export type TicketRow = typeof serasiTickets.$inferSelect;
/** `all` (central staff) or the centres whose desk the user works. */
export type DeskScope = 'all' | string[];

/** What a reporter wrote about other people: never in the audit log in clear. */
export const ticketPersonalFields = ['description', 'reporterName', 'reporterContact', 'landmark'];

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** `SRS-7K4MQ-9PQXD`: 50 random bits, no letters that read as digits. */
export const newTrackingCode = (): string => {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => crockford[b % 32]).join('');
  return `SRS-${chars.slice(0, 5)}-${chars.slice(5, 10)}`;
};

export const slaTable = async (db: Db): Promise<Sla[]> => {
  const rows = await db.select().from(serasiSla);
  const byType = new Map(rows.map((r) => [r.type, r]));
  return ticketTypes.map((type) => ({
    type,
    firstResponseHours: byType.get(type)?.firstResponseHours ?? defaultSla[type].firstResponseHours,
    resolutionHours: byType.get(type)?.resolutionHours ?? defaultSla[type].resolutionHours,
  }));
};

export const updateSla = async (opts: { db: Db; context: AuditContext; items: Sla[] }) => {
  const before = new Map((await slaTable(opts.db)).map((s) => [s.type, s]));
  await withAudit(opts.db, opts.context, async (tx, audit) => {
    for (const item of opts.items) {
      await tx
        .insert(serasiSla)
        .values({ ...item, updatedAt: new Date() })
        .onConflictDoUpdate({
          target: serasiSla.type,
          set: {
            firstResponseHours: item.firstResponseHours,
            resolutionHours: item.resolutionHours,
            updatedAt: new Date(),
          },
        });
      audit({
        action: 'update',
        entity: 'serasi_sla',
        entityId: item.type,
        changes: diffRecords(before.get(item.type) ?? null, item),
      });
    }
  });
};

const checkPhoto = async (photo: NonNullable<FileTicketInput['photo']>): Promise<Buffer> => {
  const bytes = Buffer.from(photo.dataBase64, 'base64');
  if (bytes.length === 0 || bytes.length > photoMaxBytes)
    throw serasiFieldError('serasi.photo_invalid', 'photo');
  const detected = await fileTypeFromBuffer(bytes);
  if (detected?.mime !== photo.contentType) throw serasiFieldError('serasi.photo_invalid', 'photo');
  return bytes;
};

/** The covering centres' desks see the ticket; where no centre covers the place, the nearest one. */
const coveringCenters = async (db: Db, regionCode: string): Promise<string[]> => {
  const ranked = await recommendCenters(db, { regionCode, modality: 'community' });
  const covering = ranked.filter((r) => !r.reasons.some((x) => x.code === 'outside_coverage'));
  return (covering.length > 0 ? covering : ranked.slice(0, 1)).map((r) => r.centerId);
};

export const addTicketEvent = (
  tx: Db,
  e: {
    ticketId: string;
    kind: string;
    public: boolean;
    text: string;
    context: AuditContext | null;
    at?: Date;
  },
) =>
  tx.insert(serasiTicketEvents).values({
    id: uuidv7(),
    ticketId: e.ticketId,
    at: e.at ?? new Date(),
    kind: e.kind,
    public: e.public,
    actorId: e.context?.actorId ?? null,
    actorName: e.context?.actorName ?? null,
    text: e.text,
  });

/**
 * A member of the public files a ticket. The caller has checked the rate limit; this checks
 * the form token (age, signature, single use), the region and the photo's real type.
 */
export const fileTicket = async (opts: {
  db: Db;
  context: AuditContext;
  input: FileTicketInput;
  secret: string;
  now?: Date;
}): Promise<{ code: string; firstResponseDueAt: string }> => {
  const { db, input } = opts;
  const now = opts.now ?? new Date();
  if (input.website) throw serasiError('serasi.form_invalid');
  const problem = checkFormToken(opts.secret, input.formToken, now);
  if (problem) throw serasiError(`serasi.form_${problem}` as const);
  if (levelOfCode(input.regionCode) !== 'village')
    throw serasiFieldError('serasi.village_required', 'regionCode');
  if (!(await regionExists(db, input.regionCode)))
    throw serasiFieldError('serasi.region_unknown', 'regionCode');
  const photo = input.photo ? await checkPhoto(input.photo) : null;
  const covering = await coveringCenters(db, input.regionCode);
  const sla = (await slaTable(db)).find((s) => s.type === input.type)!;
  const id = uuidv7();
  const code = newTrackingCode();
  const values = {
    id,
    code,
    type: input.type,
    subject: input.type === 'report_person' ? input.subject : null,
    aidProgram: input.type === 'complaint_aid' ? input.aidProgram : null,
    description: input.description,
    regionCode: input.regionCode,
    landmark: input.landmark,
    anonymous: input.anonymous,
    reporterName: input.anonymous ? null : input.reporterName,
    reporterContact: input.anonymous ? null : input.reporterContact,
    consentVersion: input.consentVersion,
    formTokenHash: formTokenHash(input.formToken),
    coveringCenterIds: covering,
    centerId: null,
    status: 'new',
    filedAt: now,
    firstResponseDueAt: new Date(now.getTime() + sla.firstResponseHours * 3_600_000),
    resolutionDueAt: new Date(now.getTime() + sla.resolutionHours * 3_600_000),
  };
  try {
    await withAudit(db, opts.context, async (tx, audit) => {
      const [row] = await tx.insert(serasiTickets).values(values).returning();
      if (photo && input.photo) {
        await tx
          .insert(serasiTicketPhotos)
          .values({ ticketId: id, contentType: input.photo.contentType, bytes: photo, size: photo.length });
      }
      await addTicketEvent(tx, {
        ticketId: id,
        kind: 'filed',
        public: true,
        text: ticketEventText('filed', {}),
        context: null,
        at: now,
      });
      audit({
        action: 'create',
        entity: 'serasi_ticket',
        entityId: id,
        changes: diffRecords(null, row!, { ignore: ['id', 'formTokenHash'], personal: ticketPersonalFields }),
      });
    });
  } catch (error) {
    if (sqlState(error) === uniqueViolation) throw serasiError('serasi.form_used');
    throw error;
  }
  return { code, firstResponseDueAt: values.firstResponseDueAt.toISOString() };
};

/**
 * A desk officer records a referral from another programme or agency as a ticket in the
 * covering desks' queue; the agency can follow it with the tracking code like the public.
 */
export const recordIncomingReferral = async (opts: {
  db: Db;
  context: AuditContext;
  input: IncomingReferralInput;
}): Promise<{ id: string; code: string }> => {
  const { db, input } = opts;
  if (levelOfCode(input.regionCode) !== 'village')
    throw serasiFieldError('serasi.village_required', 'regionCode');
  if (!(await regionExists(db, input.regionCode)))
    throw serasiFieldError('serasi.region_unknown', 'regionCode');
  const covering = await coveringCenters(db, input.regionCode);
  const sla = (await slaTable(db)).find((s) => s.type === input.type)!;
  const now = new Date();
  const id = uuidv7();
  const code = newTrackingCode();
  await withAudit(db, opts.context, async (tx, audit) => {
    const [row] = await tx
      .insert(serasiTickets)
      .values({
        id,
        code,
        type: input.type,
        subject: input.type === 'report_person' ? input.subject : null,
        aidProgram: null,
        description: input.description,
        regionCode: input.regionCode,
        landmark: input.landmark,
        anonymous: false,
        reporterName: input.contactName,
        reporterContact: input.contactPhone,
        consentVersion: 'referral',
        // Recorded by staff, not through a public form: the token column only has to stay unique.
        formTokenHash: `referral:${id}`,
        coveringCenterIds: covering,
        centerId: null,
        status: 'new',
        source: 'referral',
        referredBy: input.fromAgency,
        referralLetter: input.letterNumber,
        filedAt: now,
        firstResponseDueAt: new Date(now.getTime() + sla.firstResponseHours * 3_600_000),
        resolutionDueAt: new Date(now.getTime() + sla.resolutionHours * 3_600_000),
      })
      .returning();
    await addTicketEvent(tx, {
      ticketId: id,
      kind: 'filed',
      public: true,
      text: input.letterNumber
        ? ticketEventText('referral_filed_letter', { agency: input.fromAgency, letter: input.letterNumber })
        : ticketEventText('referral_filed', { agency: input.fromAgency }),
      context: opts.context,
      at: now,
    });
    audit({
      action: 'create',
      entity: 'serasi_ticket',
      entityId: id,
      changes: diffRecords(null, row!, { ignore: ['id', 'formTokenHash'], personal: ticketPersonalFields }),
    });
  });
  return { id, code };
};

/** The regency or city of a village: as much of the place as the public page and letters name. */
export const regencyName = async (db: Db, regionCode: string): Promise<string> => {
  const regency = regionLineage(regionCode)[1]!;
  return (await regionNames(db, [regency])).get(regency) ?? '';
};

/** The public tracking page: status and public answers only. */
export const trackTicket = async (db: Db, code: string): Promise<TrackedTicket> => {
  const [row] = await db
    .select()
    .from(serasiTickets)
    .where(eq(serasiTickets.code, normaliseTicketCode(code)));
  if (!row) throw serasiError('serasi.code_not_found');
  const answers = await db
    .select({ at: serasiTicketEvents.at, kind: serasiTicketEvents.kind, text: serasiTicketEvents.text })
    .from(serasiTicketEvents)
    .where(and(eq(serasiTicketEvents.ticketId, row.id), eq(serasiTicketEvents.public, true)))
    .orderBy(asc(serasiTicketEvents.at), asc(serasiTicketEvents.id));
  return {
    code: row.code,
    type: row.type as TicketType,
    status: row.status as TicketStatus,
    filedAt: row.filedAt.toISOString(),
    area: await regencyName(db, row.regionCode),
    answers: answers.map((a) => ({
      at: a.at.toISOString(),
      kind: a.kind as TrackedTicket['answers'][number]['kind'],
      text: a.text,
      message: readTicketEvent(a.kind, a.text),
    })),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
};

export const inDeskScope = (
  scope: DeskScope,
  row: Pick<TicketRow, 'centerId' | 'coveringCenterIds'>,
): boolean =>
  scope === 'all' ||
  (row.centerId !== null && scope.includes(row.centerId)) ||
  row.coveringCenterIds.some((c) => scope.includes(c));

const scopeCondition = (scope: DeskScope): SQL | undefined => {
  if (scope === 'all') return undefined;
  if (scope.length === 0) return sql`false`;
  const ids = sql.join(
    scope.map((c) => sql`${c}::uuid`),
    sql`, `,
  );
  return or(inArray(serasiTickets.centerId, scope), sql`${serasiTickets.coveringCenterIds} && array[${ids}]`);
};

/** A ticket is overdue when a due time has passed: first response not given, or not closed by the resolution time. */
export const overdueCondition = (now: Date): SQL =>
  and(
    isNull(serasiTickets.closedAt),
    or(
      lt(serasiTickets.resolutionDueAt, now),
      and(isNull(serasiTickets.firstRespondedAt), lt(serasiTickets.firstResponseDueAt, now)),
    ),
  ) as SQL;

export const isOverdue = (row: TicketRow, now: Date): boolean =>
  row.closedAt === null &&
  (row.resolutionDueAt < now || (row.firstRespondedAt === null && row.firstResponseDueAt < now));

const placeNames = async (db: Db, rows: TicketRow[]) => {
  const codes = rows.flatMap((r) => regionLineage(r.regionCode).slice(1));
  return regionNames(db, codes);
};

const summarise = async (db: Db, rows: TicketRow[], now: Date): Promise<TicketSummary[]> => {
  const [places, centres] = await Promise.all([
    placeNames(db, rows),
    centerNames(db, [...new Set(rows.flatMap((r) => (r.centerId ? [r.centerId] : [])))]),
  ]);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    type: r.type as TicketType,
    subject: r.subject as TicketSummary['subject'],
    status: r.status as TicketStatus,
    regionCode: r.regionCode,
    place: regionLineage(r.regionCode)
      .slice(1)
      .reverse()
      .map((c) => places.get(c) ?? c)
      .join(', '),
    centerId: r.centerId,
    centerName: r.centerId ? (centres.get(r.centerId) ?? null) : null,
    filedAt: r.filedAt.toISOString(),
    firstResponseDueAt: r.firstResponseDueAt.toISOString(),
    resolutionDueAt: r.resolutionDueAt.toISOString(),
    firstRespondedAt: r.firstRespondedAt?.toISOString() ?? null,
    overdue: isOverdue(r, now),
    escalationLevel: r.escalationLevel,
    caseId: r.caseId,
    source: r.source as TicketSummary['source'],
    version: r.version,
  }));
};

/**
 * Tickets whose words hold `q`: the description, the landmark, or the name of their village,
 * district or regency (for three letters or more; the most general places first, at most
 * 500 of them). Only the desk searches: the public follows one code.
 */
const wordsCondition = async (db: Db, q: string): Promise<SQL> => {
  const like = containsPattern(q);
  const found: SQL[] = [ilike(serasiTickets.description, like), ilike(serasiTickets.landmark, like)];
  const places = q.length >= 3 ? await regionCodesNamed(db, q) : [];
  // A ticket's code is its village's (`32.75.01.1001`); its district and regency are prefixes.
  const prefix = { regency: sql.raw('5'), district: sql.raw('8') };
  for (const level of ['regency', 'district', 'village'] as const) {
    const codes = places.filter((c) => levelOfCode(c) === level);
    if (codes.length === 0) continue;
    found.push(
      level === 'village'
        ? inArray(serasiTickets.regionCode, codes)
        : inArray(sql`left(${serasiTickets.regionCode}, ${prefix[level]})`, codes),
    );
  }
  return or(...found) as SQL;
};

/** The desk queue: overdue first, then escalated, then oldest due; filters, search by code or words, paging. */
export const listTickets = async (
  db: Db,
  scope: DeskScope,
  input: TicketListInput,
  now = new Date(),
): Promise<Page<TicketSummary>> => {
  const conditions: (SQL | undefined)[] = [scopeCondition(scope)];
  if (input.type) conditions.push(eq(serasiTickets.type, input.type));
  if (input.status) conditions.push(eq(serasiTickets.status, input.status));
  if (input.centerId) {
    conditions.push(
      or(
        eq(serasiTickets.centerId, input.centerId),
        and(
          isNull(serasiTickets.centerId),
          sql`${serasiTickets.coveringCenterIds} @> array[${input.centerId}::uuid]`,
        ),
      ),
    );
  }
  if (input.overdue) conditions.push(overdueCondition(now));
  if (input.escalated) conditions.push(sql`${serasiTickets.escalationLevel} > 0`);
  const q = input.q?.trim();
  if (q) {
    if (looksLikeTicketCode(q)) conditions.push(eq(serasiTickets.code, normaliseTicketCode(q)));
    else conditions.push(await wordsCondition(db, q));
  }
  const where = and(...conditions);
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(serasiTickets)
      .where(where)
      .orderBy(
        sql`case when ${overdueCondition(now)} then 0 else 1 end`,
        desc(serasiTickets.escalationLevel),
        sql`case when ${serasiTickets.closedAt} is null then 0 else 1 end`,
        asc(serasiTickets.firstResponseDueAt),
        asc(serasiTickets.id),
      )
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(serasiTickets).where(where),
  ]);
  return {
    items: await summarise(db, rows, now),
    total: Number(count?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
};

export const loadTicket = async (db: Db, scope: DeskScope, id: string): Promise<TicketRow> => {
  const [row] = await db.select().from(serasiTickets).where(eq(serasiTickets.id, id));
  if (!row || !inDeskScope(scope, row)) throw serasiError('serasi.not_found');
  return row;
};

/** The full ticket for the desk. Reading it (reporter and subject details) is audited. */
export const readTicket = async (opts: {
  db: Db;
  context: AuditContext;
  scope: DeskScope;
  triageScope: string[];
  id: string;
  caseNumber: (caseId: string) => Promise<string | null>;
  now?: Date;
}): Promise<Ticket> => {
  const { db, id } = opts;
  const now = opts.now ?? new Date();
  const row = await loadTicket(db, opts.scope, id);
  const [events, [photo], ranked, referrals] = await Promise.all([
    db
      .select()
      .from(serasiTicketEvents)
      .where(eq(serasiTicketEvents.ticketId, id))
      .orderBy(asc(serasiTicketEvents.at), asc(serasiTicketEvents.id)),
    db
      .select({ size: serasiTicketPhotos.size })
      .from(serasiTicketPhotos)
      .where(eq(serasiTicketPhotos.ticketId, id)),
    recommendCenters(db, { regionCode: row.regionCode, modality: 'community' }),
    referralsOfTicket(db, id),
  ]);
  await withAudit(db, opts.context, async (_tx, audit) =>
    audit({ action: 'read', entity: 'serasi_ticket', entityId: id, changes: [] }),
  );
  const [summary] = await summarise(db, [row], now);
  return {
    ...summary!,
    aidProgram: row.aidProgram as Ticket['aidProgram'],
    description: row.description,
    landmark: row.landmark,
    anonymous: row.anonymous,
    reporterName: row.reporterName,
    reporterContact: row.reporterContact,
    hasPhoto: Boolean(photo),
    referredBy: row.referredBy,
    referralLetter: row.referralLetter,
    closedAt: row.closedAt?.toISOString() ?? null,
    personId: row.personId,
    caseNumber: row.caseId ? await opts.caseNumber(row.caseId) : null,
    timeline: events.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind as Ticket['timeline'][number]['kind'],
      public: e.public,
      by: e.actorName,
      text: e.text,
      message: readTicketEvent(e.kind, e.text),
    })),
    referrals,
    suggestedCenters: ranked
      .filter((r) => row.coveringCenterIds.includes(r.centerId))
      .map((r) => ({ centerId: r.centerId, centerName: r.centerName })),
    can: { triage: row.closedAt === null && inDeskScope(opts.triageScope, row) },
  };
};

export const ticketPhoto = async (db: Db, scope: DeskScope, id: string) => {
  await loadTicket(db, scope, id);
  const [photo] = await db.select().from(serasiTicketPhotos).where(eq(serasiTicketPhotos.ticketId, id));
  if (!photo) throw serasiError('serasi.not_found');
  return photo;
};

export type TicketAudit = (record: AuditRecord) => void;
