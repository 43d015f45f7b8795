import type { Page, Partner, PartnerInput, PartnerListInput } from '@atensi/domain';
import { and, arrayContains, asc, eq, ilike, inArray, type SQL, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { type AuditContext, withAudit } from '../../platform/audit/audit.ts';
import { diffRecords } from '../../platform/audit/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { containsPattern } from '../../platform/db/like.ts';
import { centerNames } from '../centers/centers.service.ts';
import { regionExists, regionNames } from '../regions/regions.service.ts';
import { loadAssignments, userNames } from '../users/users.service.ts';
import { partnerError } from './partners.errors.ts';
import { partnerMembers, partners } from './partners.tables.ts';

type PartnerRow = typeof partners.$inferSelect;
/** Centres whose partners the user may manage, or `all`. */
export type ManageScope = 'all' | string[];

const summaries = async (db: Db, rows: PartnerRow[]) => {
  const [centres, regions] = await Promise.all([
    centerNames(db, [...new Set(rows.map((r) => r.centerId))]),
    regionNames(
      db,
      rows.map((r) => r.regionCode),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as Partner['kind'],
    centerId: r.centerId,
    centerName: centres.get(r.centerId) ?? '',
    regionCode: r.regionCode,
    regionName: regions.get(r.regionCode) ?? null,
    address: r.address,
    accreditation: r.accreditation as Partner['accreditation'],
    accreditedUntil: r.accreditedUntil,
    contactName: r.contactName,
    phone: r.phone,
    email: r.email,
    services: r.services as Partner['services'],
    capacity: r.capacity,
    active: r.active,
    version: r.version,
  }));
};

export const listPartners = async (
  db: Db,
  input: PartnerListInput,
): Promise<Page<Omit<Partner, 'members'>>> => {
  const conditions: SQL[] = [];
  if (!input.includeInactive) conditions.push(eq(partners.active, true));
  if (input.kind) conditions.push(eq(partners.kind, input.kind));
  if (input.centerId) conditions.push(eq(partners.centerId, input.centerId));
  if (input.service) conditions.push(arrayContains(partners.services, [input.service]));
  const q = input.q?.trim();
  if (q) conditions.push(ilike(partners.name, containsPattern(q)));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(partners)
      .where(where)
      .orderBy(asc(partners.name), asc(partners.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(partners).where(where),
  ]);
  return {
    items: await summaries(db, rows),
    total: Number(count?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
};

const loadRow = async (db: Db, id: string): Promise<PartnerRow> => {
  const [row] = await db.select().from(partners).where(eq(partners.id, id));
  if (!row) throw partnerError('partner.not_found');
  return row;
};

export const getPartner = async (db: Db, id: string): Promise<Partner> => {
  const row = await loadRow(db, id);
  const members = await db
    .select({ userId: partnerMembers.userId })
    .from(partnerMembers)
    .where(eq(partnerMembers.partnerId, id));
  const names = await userNames(
    db,
    members.map((m) => m.userId),
  );
  const [summary] = await summaries(db, [row]);
  return {
    ...summary!,
    members: members.map((m) => ({ userId: m.userId, name: names.get(m.userId) ?? '' })),
  };
};

/** Name and balai of partners by id, for referrals and placements. */
export const partnersByIds = async (db: Db, ids: string[]) => {
  if (ids.length === 0)
    return new Map<string, { name: string; centerId: string; active: boolean; capacity: number | null }>();
  const rows = await db
    .select({
      id: partners.id,
      name: partners.name,
      centerId: partners.centerId,
      active: partners.active,
      capacity: partners.capacity,
    })
    .from(partners)
    .where(inArray(partners.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
};

/** The institutions whose staff this user is. */
export const partnerIdsOfUser = async (db: Db, userId: string): Promise<string[]> =>
  (
    await db
      .select({ id: partnerMembers.partnerId })
      .from(partnerMembers)
      .where(eq(partnerMembers.userId, userId))
  ).map((r) => r.id);

const checkRegion = async (db: Db, code: string, path: string) => {
  if (!(await regionExists(db, code))) {
    throw partnerError('partner.region_unknown', {}, [
      { path, message: partnerError('partner.region_unknown').localised },
    ]);
  }
};

/** The balai named in the body exists (national staff may name any; a head only their own). */
const checkCenter = async (db: Db, centerId: string, path: string) => {
  if ((await centerNames(db, [centerId])).size === 0) {
    throw partnerError('partner.center_unknown', {}, [
      { path, message: partnerError('partner.center_unknown').localised },
    ]);
  }
};

const inScope = (scope: ManageScope, centerId: string) => scope === 'all' || scope.includes(centerId);

export const createPartner = async (opts: {
  db: Db;
  context: AuditContext;
  input: PartnerInput;
}): Promise<string> => {
  await checkRegion(opts.db, opts.input.regionCode, 'regionCode');
  await checkCenter(opts.db, opts.input.centerId, 'centerId');
  const id = uuidv7();
  await withAudit(opts.db, opts.context, async (tx, audit) => {
    const [row] = await tx
      .insert(partners)
      .values({ id, ...opts.input })
      .returning();
    audit({
      action: 'create',
      entity: 'partner',
      entityId: id,
      changes: diffRecords(null, row!, { ignore: ['id'] }),
    });
  });
  return id;
};

export const updatePartner = async (opts: {
  db: Db;
  context: AuditContext;
  scope: ManageScope;
  id: string;
  input: PartnerInput;
  version: number;
}) => {
  await checkRegion(opts.db, opts.input.regionCode, 'partner.regionCode');
  await checkCenter(opts.db, opts.input.centerId, 'partner.centerId');
  await withAudit(opts.db, opts.context, async (tx, audit) => {
    const [before] = await tx.select().from(partners).where(eq(partners.id, opts.id)).for('update');
    // Outside the head's balai the record does not exist for them.
    if (!before || !inScope(opts.scope, before.centerId)) throw partnerError('partner.not_found');
    if (before.version !== opts.version) throw partnerError('partner.version_conflict');
    const [after] = await tx
      .update(partners)
      .set({ ...opts.input, version: before.version + 1, updatedAt: new Date() })
      .where(eq(partners.id, opts.id))
      .returning();
    audit({ action: 'update', entity: 'partner', entityId: opts.id, changes: diffRecords(before, after!) });
  });
};

export const setPartnerActive = async (opts: {
  db: Db;
  context: AuditContext;
  scope: ManageScope;
  id: string;
  active: boolean;
  version: number;
}) =>
  withAudit(opts.db, opts.context, async (tx, audit) => {
    const [before] = await tx.select().from(partners).where(eq(partners.id, opts.id)).for('update');
    if (!before || !inScope(opts.scope, before.centerId)) throw partnerError('partner.not_found');
    if (before.version !== opts.version) throw partnerError('partner.version_conflict');
    await tx
      .update(partners)
      .set({ active: opts.active, version: before.version + 1, updatedAt: new Date() })
      .where(eq(partners.id, opts.id));
    audit({
      action: 'update',
      entity: 'partner',
      entityId: opts.id,
      changes: [{ field: 'active', before: before.active, after: opts.active }],
    });
  });

/** Links a partner-role account to the institution it works for. */
export const addPartnerMember = async (opts: {
  db: Db;
  context: AuditContext;
  id: string;
  userId: string;
}) => {
  await loadRow(opts.db, opts.id);
  const roles = await loadAssignments(opts.db, opts.userId);
  if (!roles.some((r) => r.role === 'partner')) {
    throw partnerError('partner.user_not_partner', {}, [
      { path: 'userId', message: partnerError('partner.user_not_partner').localised },
    ]);
  }
  await withAudit(opts.db, opts.context, async (tx, audit) => {
    const inserted = await tx
      .insert(partnerMembers)
      .values({ partnerId: opts.id, userId: opts.userId })
      .onConflictDoNothing()
      .returning();
    if (inserted.length > 0) {
      audit({
        action: 'create',
        entity: 'partner_member',
        entityId: opts.id,
        changes: [{ field: 'userId', before: null, after: opts.userId }],
      });
    }
  });
};

export const removePartnerMember = async (opts: {
  db: Db;
  context: AuditContext;
  id: string;
  userId: string;
}) =>
  withAudit(opts.db, opts.context, async (tx, audit) => {
    const removed = await tx
      .delete(partnerMembers)
      .where(and(eq(partnerMembers.partnerId, opts.id), eq(partnerMembers.userId, opts.userId)))
      .returning();
    if (removed.length === 0) throw partnerError('partner.not_found');
    audit({
      action: 'delete',
      entity: 'partner_member',
      entityId: opts.id,
      changes: [{ field: 'userId', before: opts.userId, after: null }],
    });
  });
