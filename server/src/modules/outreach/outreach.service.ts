import {
  type CaseStage,
  clipText,
  isClosed,
  latestTodayInIndonesia,
  type MoveInput,
  type Outreach,
  type OutreachInput,
  type Page,
  type Shelter,
  type ShelterInput,
  type Stay,
  type StayKind,
} from '@atensi/domain';
import { and, asc, desc, eq, gte, ilike, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { type AuditContext, type AuditRecord, withAudit } from '../../platform/audit/audit.ts';
import { diffRecords } from '../../platform/audit/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { type CaseViewer, canSeeCase } from '../cases/case-visibility.ts';
import { endPlacement, hasOpenPlacement, lockCaseForWork, placeResident } from '../cases/case-work.ts';
import { caseError } from '../cases/cases.errors.ts';
import { createCase, loadCase } from '../cases/cases.service.ts';
import { centerNames } from '../centers/centers.service.ts';
import { partnersByIds } from '../partners/partners.service.ts';
import { createPerson, personSummariesByIds } from '../persons/persons.service.ts';
import { regionExists } from '../regions/regions.service.ts';
import { outreachError, outreachFieldError } from './outreach.errors.ts';
import { outreachFinds, outreachRuns, shelters, stays } from './outreach.tables.ts';
import { endStay, lockOpenStay, openStay, type StayRow } from './stay-records.ts';

type ShelterRow = typeof shelters.$inferSelect;
/** Centres whose records the user may see, or `all`. */
export type CenterScope = 'all' | string[];

const inScope = (scope: CenterScope, centerId: string) => scope === 'all' || scope.includes(centerId);
const scopeWhere = (scope: CenterScope, column: typeof shelters.centerId | typeof outreachRuns.centerId) =>
  scope === 'all' ? undefined : scope.length > 0 ? inArray(column, scope) : sql`false`;

const checkRegion = async (db: Db, code: string) => {
  if (!(await regionExists(db, code))) throw outreachFieldError('outreach.region_unknown', 'regionCode');
};

/** People staying now, per shelter. */
const shelterOccupancy = async (db: Db, ids: string[]): Promise<Map<string, number>> => {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: stays.shelterId, n: sql<number>`count(*)::int` })
    .from(stays)
    .where(and(inArray(stays.shelterId, ids), isNull(stays.endedOn)))
    .groupBy(stays.shelterId);
  return new Map(rows.map((r) => [r.id!, Number(r.n)]));
};

const toShelters = async (db: Db, rows: ShelterRow[]): Promise<Shelter[]> => {
  const [occupied, names] = await Promise.all([
    shelterOccupancy(
      db,
      rows.map((r) => r.id),
    ),
    centerNames(db, [...new Set(rows.map((r) => r.centerId))]),
  ]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    centerId: r.centerId,
    centerName: names.get(r.centerId) ?? '',
    regionCode: r.regionCode,
    address: r.address,
    capacity: r.capacity,
    occupied: occupied.get(r.id) ?? 0,
    openedOn: r.openedOn,
    closedOn: r.closedOn,
    version: r.version,
  }));
};

export const listShelters = async (
  db: Db,
  scope: CenterScope,
  input: { centerId?: string; includeClosed?: boolean; page: number; pageSize: number },
): Promise<Page<Shelter>> => {
  const conditions: (SQL | undefined)[] = [scopeWhere(scope, shelters.centerId)];
  if (input.centerId) conditions.push(eq(shelters.centerId, input.centerId));
  if (!input.includeClosed) conditions.push(isNull(shelters.closedOn));
  const where = and(...conditions);
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(shelters)
      .where(where)
      .orderBy(asc(shelters.name), asc(shelters.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(shelters).where(where),
  ]);
  return {
    items: await toShelters(db, rows),
    total: Number(count?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
};

export const getShelter = async (db: Db, scope: CenterScope, id: string): Promise<Shelter> => {
  const [row] = await db.select().from(shelters).where(eq(shelters.id, id));
  if (!row || !inScope(scope, row.centerId)) throw outreachError('outreach.not_found');
  return (await toShelters(db, [row]))[0]!;
};

export const createShelter = async (opts: {
  db: Db;
  context: AuditContext;
  input: ShelterInput;
}): Promise<string> => {
  await checkRegion(opts.db, opts.input.regionCode);
  const id = uuidv7();
  await withAudit(opts.db, opts.context, async (tx, audit) => {
    const [row] = await tx
      .insert(shelters)
      .values({ id, ...opts.input })
      .returning();
    audit({
      action: 'create',
      entity: 'shelter',
      entityId: id,
      changes: diffRecords(null, row!, { ignore: ['id'] }),
    });
  });
  return id;
};

/** Closes an empty shelter (the hall goes back to its owner). */
export const closeShelter = async (opts: {
  db: Db;
  context: AuditContext;
  scope: CenterScope;
  id: string;
  closedOn: string;
  version: number;
}) =>
  withAudit(opts.db, opts.context, async (tx, audit) => {
    const [row] = await tx.select().from(shelters).where(eq(shelters.id, opts.id)).for('update');
    if (!row || !inScope(opts.scope, row.centerId)) throw outreachError('outreach.not_found');
    if (row.version !== opts.version) throw outreachError('outreach.version_conflict');
    const occupied = (await shelterOccupancy(tx, [row.id])).get(row.id) ?? 0;
    if (occupied > 0) throw outreachError('outreach.shelter_occupied', { occupied });
    await tx
      .update(shelters)
      .set({ closedOn: opts.closedOn, version: row.version + 1 })
      .where(eq(shelters.id, row.id));
    audit({
      action: 'update',
      entity: 'shelter',
      entityId: row.id,
      changes: [{ field: 'closedOn', before: null, after: opts.closedOn }],
    });
  });

/**
 * A run and the people it found: each gets a person record (no NIK needed) and a case opened
 * through outreach, all in one transaction — a refused row leaves nothing behind.
 */
export const recordOutreach = async (opts: {
  db: Db;
  context: AuditContext;
  input: OutreachInput;
}): Promise<string> => {
  const { db, context, input } = opts;
  // What was found is recorded after the fact: a date later than today anywhere in Indonesia is a slip.
  if (input.date > latestTodayInIndonesia()) throw outreachFieldError('outreach.date_future', 'date');
  await checkRegion(db, input.regionCode);
  const runId = uuidv7();
  await withAudit(db, context, async (tx, audit) => {
    const [run] = await tx
      .insert(outreachRuns)
      .values({
        id: runId,
        centerId: input.centerId,
        team: input.team,
        date: input.date,
        place: input.place,
        regionCode: input.regionCode,
        notes: input.notes,
        recordedById: context.actorId,
      })
      .returning();
    audit({
      action: 'create',
      entity: 'outreach_run',
      entityId: runId,
      changes: diffRecords(null, run!, { ignore: ['id'] }),
    });
    for (const found of input.people) {
      const personId = await createPerson({
        db: tx,
        context,
        input: {
          centerId: input.centerId,
          nik: null,
          nikUnknownReason: 'homeless',
          nikWarningsConfirmed: false,
          kkNumber: null,
          fullName: found.fullName,
          aliases: [],
          sex: found.sex,
          birthDate: null,
          birthYearEstimate: found.birthYearEstimate,
          birthPlace: null,
          regionCode: input.regionCode,
          rt: null,
          rw: null,
          street: input.place,
          phone: null,
          disabilityTypes: found.clusters.includes('odgj') ? ['mental'] : [],
          dtksStatus: 'unknown',
          dtksDecile: null,
          legalBasis: 'vital_interest',
          consentBy: null,
          consentGuardianName: null,
        },
      });
      const caseId = await createCase({
        db: tx,
        context,
        input: {
          personId,
          centerId: input.centerId,
          clusters: found.clusters,
          childSpecialProtection: false,
          intakeChannel: 'outreach',
          intakeReference: clipText(`${input.date} ${input.place}`, 100),
          problem: found.problem,
          urgency: found.urgency,
          modality: 'residential',
          assignedWorkerId: input.assignedWorkerId,
          recommendedCenterId: null,
          overrideReason: null,
        },
      });
      await tx.insert(outreachFinds).values({ id: uuidv7(), runId, personId, caseId });
    }
  });
  return runId;
};

/** Names of the places stays point at. */
const placeNames = async (db: Db, rows: StayRow[]) => {
  const shelterIds = [...new Set(rows.flatMap((r) => (r.shelterId ? [r.shelterId] : [])))];
  const [shelterRows, partnerRows, centreNames] = await Promise.all([
    shelterIds.length > 0
      ? db
          .select({ id: shelters.id, name: shelters.name })
          .from(shelters)
          .where(inArray(shelters.id, shelterIds))
      : Promise.resolve([]),
    partnersByIds(db, [...new Set(rows.flatMap((r) => (r.partnerId ? [r.partnerId] : [])))]),
    centerNames(db, [...new Set(rows.flatMap((r) => (r.centerId ? [r.centerId] : [])))]),
  ]);
  const shelterNames = new Map(shelterRows.map((s) => [s.id, s.name]));
  const homes: Partial<Record<StayKind, string>> = { family: 'Keluarga', community: 'Masyarakat' };
  return (r: StayRow): string =>
    (r.shelterId && shelterNames.get(r.shelterId)) ||
    (r.partnerId && partnerRows.get(r.partnerId)?.name) ||
    (r.centerId && centreNames.get(r.centerId)) ||
    homes[r.kind as StayKind] ||
    r.kind;
};

const toStays = async (db: Db, rows: StayRow[]): Promise<Stay[]> => {
  const nameOf = await placeNames(db, rows);
  return rows.map((r) => ({
    id: r.id,
    caseId: r.caseId,
    kind: r.kind as StayKind,
    placeId: r.shelterId ?? r.partnerId ?? r.centerId,
    placeName: nameOf(r),
    startedOn: r.startedOn,
    endedOn: r.endedOn,
    note: r.note,
  }));
};

export const staysOfCase = async (db: Db, viewer: CaseViewer, caseId: string): Promise<Stay[]> => {
  const c = await loadCase(db, caseId);
  if (!canSeeCase(viewer, c)) throw caseError('case.not_found');
  const rows = await db
    .select()
    .from(stays)
    .where(eq(stays.caseId, caseId))
    .orderBy(asc(stays.startedOn), asc(stays.createdAt));
  return toStays(db, rows);
};

/**
 * Room at the destination, under its lock. A TPS is the balai's own: only one of the case's
 * centre takes the person (another centre's is "not found", and is not even locked). An LKS
 * is a national registry entry any balai places people with (decision 0017).
 */
const checkRoom = async (tx: Db, input: MoveInput, date: string, caseCenterId: string) => {
  if (input.to === 'shelter') {
    const [shelter] = await tx
      .select()
      .from(shelters)
      .where(and(eq(shelters.id, input.shelterId!), eq(shelters.centerId, caseCenterId)))
      .for('update');
    if (!shelter) throw outreachFieldError('outreach.not_found', 'shelterId');
    if (shelter.closedOn && shelter.closedOn <= date)
      throw outreachFieldError('outreach.shelter_closed', 'shelterId');
    const occupied = (await shelterOccupancy(tx, [shelter.id])).get(shelter.id) ?? 0;
    if (occupied >= shelter.capacity) {
      throw outreachError('outreach.shelter_full', {
        name: shelter.name,
        occupied,
        capacity: shelter.capacity,
      });
    }
  }
  if (input.to === 'partner') {
    const partner = (await partnersByIds(tx, [input.partnerId!])).get(input.partnerId!);
    if (!partner?.active) throw outreachFieldError('outreach.partner_unknown', 'partnerId');
    // The partners module owns the row; a transaction-scoped lock on its id serialises moves into it.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`partner-stay:${input.partnerId}`}))`);
    const capacity = partner.capacity;
    if (capacity !== null) {
      const [row] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(stays)
        .where(and(eq(stays.partnerId, input.partnerId!), isNull(stays.endedOn)));
      const occupied = Number(row?.n ?? 0);
      if (occupied >= capacity)
        throw outreachError('outreach.partner_full', { name: partner.name, occupied, capacity });
    }
  }
};

/**
 * Moves the person of a case: ends the open stay and opens the next. The bed at the balai
 * belongs to the cases module: a move into the balai asks it for one (refused when the balai
 * is full), a move out of it gives it back; its notice back to this module then finds the
 * stays already in step (stay-sync.ts). Shelter and LKS capacity hold under concurrency.
 */
export const moveCase = async (opts: {
  db: Db;
  context: AuditContext;
  viewer: CaseViewer;
  caseId: string;
  input: MoveInput;
}) => {
  const { db, context, viewer, caseId, input } = opts;
  if (input.date > latestTodayInIndonesia()) throw outreachFieldError('outreach.date_future', 'date');
  await withAudit(db, context, async (tx, audit: (r: AuditRecord) => void) => {
    // The case row first: moves and the case page's placement changes of one case queue here.
    const c = await lockCaseForWork(tx, viewer, caseId);
    if (isClosed(c.stage as CaseStage)) throw outreachError('outreach.case_closed');
    const current = await lockOpenStay(tx, caseId);
    if (current) {
      if (input.date < current.startedOn) {
        throw outreachFieldError('outreach.date_before_stay', 'date', { since: current.startedOn });
      }
      const samePlace =
        current.kind === input.to &&
        (input.to === 'shelter'
          ? current.shelterId === input.shelterId
          : input.to === 'partner'
            ? current.partnerId === input.partnerId
            : true);
      if (samePlace) throw outreachError('outreach.same_place');
    }
    await checkRoom(tx, input, input.date, c.centerId);
    if (current) await endStay(tx, audit, current, input.date);
    await openStay(tx, audit, {
      caseId,
      kind: input.to,
      shelterId: input.to === 'shelter' ? input.shelterId : null,
      partnerId: input.to === 'partner' ? input.partnerId : null,
      centerId: input.to === 'center' ? c.centerId : null,
      startedOn: input.date,
      note: input.note,
      recordedById: context.actorId,
    });
    // From the placement, not the stay kind: a bed taken before the stays were kept in step is given back too.
    const placed = await hasOpenPlacement(tx, caseId);
    const step = { db: tx, context, viewer, id: caseId, audit };
    if (placed && input.to !== 'center') {
      await endPlacement(input.note ? { ...step, reason: input.note } : { ...step, movedTo: input.to });
    }
    if (!placed && input.to === 'center') await placeResident(step);
  });
};

export const listOutreach = async (
  db: Db,
  scope: CenterScope,
  input: { centerId?: string; q?: string; from?: string; to?: string; page: number; pageSize: number },
) => {
  const conditions: (SQL | undefined)[] = [scopeWhere(scope, outreachRuns.centerId)];
  if (input.centerId) conditions.push(eq(outreachRuns.centerId, input.centerId));
  // Every word in the team or the place: "bekasi rudi" finds Rudi's run at Stasiun Bekasi.
  for (const word of (input.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
    // Typed characters match themselves: `%`, `_` and `\` are no wildcards here.
    const like = `%${word.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    conditions.push(or(ilike(outreachRuns.team, like), ilike(outreachRuns.place, like)));
  }
  if (input.from) conditions.push(gte(outreachRuns.date, input.from));
  if (input.to) conditions.push(lte(outreachRuns.date, input.to));
  const where = and(...conditions);
  const [rows, [count]] = await Promise.all([
    db
      .select({
        run: outreachRuns,
        // Spelled out: inside a select list Drizzle renders a column without its table name.
        found: sql<number>`(select count(*)::int from outreach_finds f where f.run_id = outreach_runs.id)`,
      })
      .from(outreachRuns)
      .where(where)
      .orderBy(desc(outreachRuns.date), desc(outreachRuns.createdAt))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(outreachRuns).where(where),
  ]);
  const names = await centerNames(db, [...new Set(rows.map((r) => r.run.centerId))]);
  return {
    items: rows.map(({ run, found }) => ({
      id: run.id,
      centerId: run.centerId,
      centerName: names.get(run.centerId) ?? '',
      team: run.team,
      date: run.date,
      place: run.place,
      regionCode: run.regionCode,
      notes: run.notes,
      found: Number(found),
    })),
    total: Number(count?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
};

/** A run with the people found, the case opened for each and where each stays now. */
export const getOutreach = async (
  db: Db,
  scope: CenterScope,
  viewer: CaseViewer,
  id: string,
): Promise<Outreach> => {
  const [run] = await db.select().from(outreachRuns).where(eq(outreachRuns.id, id));
  if (!run || !inScope(scope, run.centerId)) throw outreachError('outreach.not_found');
  const finds = await db
    .select()
    .from(outreachFinds)
    .where(eq(outreachFinds.runId, id))
    .orderBy(asc(outreachFinds.id));
  const caseRows = await Promise.all(finds.map((f) => loadCase(db, f.caseId)));
  // Cases the viewer may not see (sensitive, another worker's) are left out of the list.
  const visible = finds.filter((_, i) => canSeeCase(viewer, caseRows[i]!));
  const numbers = new Map(caseRows.map((c) => [c.id, c.number]));
  const [people, open] = await Promise.all([
    personSummariesByIds(
      db,
      visible.map((f) => f.personId),
    ),
    visible.length > 0
      ? db
          .select()
          .from(stays)
          .where(
            and(
              inArray(
                stays.caseId,
                visible.map((f) => f.caseId),
              ),
              isNull(stays.endedOn),
            ),
          )
      : Promise.resolve([]),
  ]);
  const current = new Map((await toStays(db, open)).map((s) => [s.caseId, s]));
  const names = await centerNames(db, [run.centerId]);
  return {
    id: run.id,
    centerId: run.centerId,
    centerName: names.get(run.centerId) ?? '',
    team: run.team,
    date: run.date,
    place: run.place,
    regionCode: run.regionCode,
    notes: run.notes,
    people: visible.map((f) => ({
      personId: f.personId,
      fullName: people.get(f.personId)?.fullName ?? '',
      caseId: f.caseId,
      caseNumber: numbers.get(f.caseId) ?? '',
      current: current.get(f.caseId) ?? null,
    })),
  };
};
