import {
  type Center,
  type CenterListQuery,
  type CenterSummary,
  type CreateCenterInput,
  type Facility,
  type Page,
  provinceOf,
  type UpdateCenterInput,
  zoneOfRegion,
} from '@atensi/domain';
import { and, asc, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { AuditContext, AuditRecord } from '../../platform/audit/audit.ts';
import { withAudit } from '../../platform/audit/audit.ts';
import { diffRecords } from '../../platform/audit/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { sqlState, uniqueViolation } from '../../platform/db/errors.ts';
import { regionNames } from '../regions/regions.service.ts';
import { centerError } from './centers.errors.ts';
import { centerCoverage, centers } from './centers.tables.ts';

type CenterRow = typeof centers.$inferSelect;

const facilityColumns: Record<Facility, 'hasWarehouse' | 'hasWorkshop' | 'hasShop'> = {
  warehouse: 'hasWarehouse',
  workshop: 'hasWorkshop',
  shop: 'hasShop',
};

const facilitiesOf = (row: CenterRow): Facility[] =>
  (Object.keys(facilityColumns) as Facility[]).filter((f) => row[facilityColumns[f]]);

const toSummary = (row: CenterRow, names: Map<string, string>): CenterSummary => ({
  id: row.id,
  code: row.code,
  name: row.name,
  type: row.type as CenterSummary['type'],
  regionCode: row.regionCode,
  provinceCode: row.provinceCode,
  provinceName: names.get(row.provinceCode) ?? null,
  bedCapacity: row.bedCapacity,
  occupiedBeds: row.occupiedBeds,
  facilities: facilitiesOf(row),
  timeZone: zoneOfRegion(row.regionCode),
  archivedAt: row.archivedAt?.toISOString() ?? null,
  version: row.version,
});

const toCenter = (row: CenterRow, coverage: string[], names: Map<string, string>): Center => ({
  ...toSummary(row, names),
  street: row.street,
  regionName: names.get(row.regionCode) ?? null,
  latitude: row.latitude,
  longitude: row.longitude,
  phone: row.phone,
  email: row.email,
  headName: row.headName,
  specialtyClusters: row.specialtyClusters as Center['specialtyClusters'],
  serviceClusters: row.serviceClusters as Center['serviceClusters'],
  coverage: coverage.map((code) => ({ code, name: names.get(code) ?? code })),
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** The record as the audit log sees it: plain fields, coverage as a sorted list. */
const auditView = (row: CenterRow, coverage: string[]) => ({ ...row, coverage: [...coverage].sort() });

const columnsFrom = (input: CreateCenterInput) => ({
  code: input.code,
  name: input.name,
  type: input.type,
  street: input.street,
  regionCode: input.regionCode,
  provinceCode: provinceOf(input.regionCode),
  latitude: input.latitude,
  longitude: input.longitude,
  phone: input.phone,
  email: input.email,
  headName: input.headName,
  bedCapacity: input.bedCapacity,
  occupiedBeds: input.occupiedBeds,
  hasWarehouse: input.facilities.includes('warehouse'),
  hasWorkshop: input.facilities.includes('workshop'),
  hasShop: input.facilities.includes('shop'),
  specialtyClusters: [...new Set(input.specialtyClusters)],
  serviceClusters: [...new Set(input.serviceClusters)],
});

const coverageOf = async (db: Db, centerIds: string[]): Promise<Map<string, string[]>> => {
  const map = new Map<string, string[]>(centerIds.map((id) => [id, []]));
  if (centerIds.length === 0) return map;
  const rows = await db
    .select()
    .from(centerCoverage)
    .where(inArray(centerCoverage.centerId, centerIds))
    .orderBy(asc(centerCoverage.regionCode));
  for (const r of rows) map.get(r.centerId)?.push(r.regionCode);
  return map;
};

/** Refuses unknown region codes, naming each field that holds one. */
const checkRegions = async (db: Db, input: CreateCenterInput): Promise<void> => {
  const known = await regionNames(db, [...new Set([input.regionCode, ...input.coverage])]);
  const bad = [
    { path: 'regionCode', code: input.regionCode },
    ...input.coverage.map((code, i) => ({ path: `coverage.${i}`, code })),
  ].filter((f) => !known.has(f.code));
  if (bad.length === 0) return;
  throw centerError(
    'center.region_unknown',
    { code: bad[0]!.code },
    bad.map((f) => ({
      path: f.path,
      message: centerError('center.region_unknown', { code: f.code }).localised,
    })),
  );
};

const rethrowUnique = (error: unknown, code: string): never => {
  if (sqlState(error) === uniqueViolation) {
    throw centerError('center.code_taken', { code }, [
      { path: 'code', message: centerError('center.code_taken', { code }).localised },
    ]);
  }
  throw error;
};

export const getCenter = async (db: Db, id: string): Promise<Center> => {
  const [row] = await db.select().from(centers).where(eq(centers.id, id));
  if (!row) throw centerError('center.not_found');
  const coverage = (await coverageOf(db, [id])).get(id) ?? [];
  const names = await regionNames(db, [row.regionCode, row.provinceCode, ...coverage]);
  return toCenter(row, coverage, names);
};

const sortColumns = {
  name: centers.name,
  code: centers.code,
  province: centers.provinceCode,
  bedCapacity: centers.bedCapacity,
  updatedAt: centers.updatedAt,
} as const;

export const listCenters = async (db: Db, query: CenterListQuery): Promise<Page<CenterSummary>> => {
  const conditions: SQL[] = [];
  if (!query.includeArchived) conditions.push(isNull(centers.archivedAt));
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(centers.name, pattern), ilike(centers.code, pattern)) as SQL);
  }
  if (query.province) conditions.push(eq(centers.provinceCode, query.province));
  if (query.type) conditions.push(eq(centers.type, query.type));
  if (query.facility) conditions.push(eq(centers[facilityColumns[query.facility]], true));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const direction = query.order === 'desc' ? desc : asc;
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(centers)
      .where(where)
      .orderBy(direction(sortColumns[query.sort]), asc(centers.name), asc(centers.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(centers).where(where),
  ]);
  const names = await regionNames(db, [...new Set(rows.map((r) => r.provinceCode))]);
  return {
    items: rows.map((r) => toSummary(r, names)),
    total: Number(count?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
};

export const createCenter = async (opts: {
  db: Db;
  context: AuditContext;
  input: CreateCenterInput;
}): Promise<Center> => {
  const { db, context, input } = opts;
  await checkRegions(db, input);
  const id = uuidv7();
  try {
    await withAudit(db, context, async (tx, audit) => {
      const [row] = await tx
        .insert(centers)
        .values({ id, ...columnsFrom(input) })
        .returning();
      const coverage = [...new Set(input.coverage)];
      await tx.insert(centerCoverage).values(coverage.map((regionCode) => ({ centerId: id, regionCode })));
      audit({
        action: 'create',
        entity: 'center',
        entityId: id,
        changes: diffRecords(null, auditView(row!, coverage)),
      });
    });
  } catch (error) {
    rethrowUnique(error, input.code);
  }
  return getCenter(db, id);
};

export const updateCenter = async (opts: {
  db: Db;
  context: AuditContext;
  id: string;
  input: UpdateCenterInput;
}): Promise<Center> => {
  const { db, context, id, input } = opts;
  await checkRegions(db, input);
  try {
    await withAudit(db, context, async (tx, audit) => {
      const [before] = await tx.select().from(centers).where(eq(centers.id, id)).for('update');
      if (!before) throw centerError('center.not_found');
      if (before.version !== input.version) throw centerError('center.version_conflict');
      const beforeCoverage = (await coverageOf(tx, [id])).get(id) ?? [];
      const [after] = await tx
        .update(centers)
        .set({ ...columnsFrom(input), version: before.version + 1, updatedAt: new Date() })
        .where(and(eq(centers.id, id), eq(centers.version, input.version)))
        .returning();
      const coverage = [...new Set(input.coverage)];
      await tx.delete(centerCoverage).where(eq(centerCoverage.centerId, id));
      await tx.insert(centerCoverage).values(coverage.map((regionCode) => ({ centerId: id, regionCode })));
      const changes = diffRecords(auditView(before, beforeCoverage), auditView(after!, coverage));
      audit({ action: 'update', entity: 'center', entityId: id, changes });
    });
  } catch (error) {
    rethrowUnique(error, input.code);
  }
  return getCenter(db, id);
};

/** Archiving keeps the centre and its history; it only leaves the default lists. */
export const archiveCenter = async (opts: {
  db: Db;
  context: AuditContext;
  id: string;
  version: number;
}): Promise<void> => {
  const { db, context, id, version } = opts;
  await withAudit(db, context, async (tx, audit) => {
    const [before] = await tx.select().from(centers).where(eq(centers.id, id)).for('update');
    if (!before) throw centerError('center.not_found');
    if (before.version !== version) throw centerError('center.version_conflict');
    const archivedAt = new Date();
    await tx
      .update(centers)
      .set({ archivedAt, version: version + 1, updatedAt: archivedAt })
      .where(eq(centers.id, id));
    audit({
      action: 'delete',
      entity: 'center',
      entityId: id,
      changes: [{ field: 'archivedAt', before: null, after: archivedAt.toISOString() }],
    });
  });
};

/** Names of centres by id, for other modules (user roles, later cases). */
export const centerNames = async (db: Db, ids: string[]): Promise<Map<string, string>> => {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: centers.id, name: centers.name })
    .from(centers)
    .where(inArray(centers.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
};

/** The name of a centre that takes cases (not archived), or null. */
export const liveCenterName = async (db: Db, id: string): Promise<string | null> => {
  const [row] = await db
    .select({ name: centers.name })
    .from(centers)
    .where(and(eq(centers.id, id), isNull(centers.archivedAt)));
  return row?.name ?? null;
};

export const centerIdByCode = async (db: Db, code: string): Promise<string | null> => {
  const [row] = await db.select({ id: centers.id }).from(centers).where(eq(centers.code, code));
  return row?.id ?? null;
};

/** Every live centre with what routing weighs: coverage, beds, coordinates, specialty. */
export const routingCenters = async (db: Db) => {
  const rows = await db.select().from(centers).where(isNull(centers.archivedAt));
  const coverage = await coverageOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    regionCode: r.regionCode,
    latitude: r.latitude,
    longitude: r.longitude,
    bedCapacity: r.bedCapacity,
    occupiedBeds: r.occupiedBeds,
    specialtyClusters: r.specialtyClusters,
    coverage: coverage.get(r.id) ?? [],
  }));
};

export const centerCodeOf = async (db: Db, id: string): Promise<string> => {
  const [row] = await db.select({ code: centers.code }).from(centers).where(eq(centers.id, id));
  if (!row) throw centerError('center.not_found');
  return row.code;
};

/**
 * Takes one bed at the centre inside the caller's transaction, or refuses when none is free.
 * One conditional UPDATE: concurrent placements into the last bed cannot both win.
 */
export const occupyBed = async (
  tx: Db,
  centerId: string,
  audit: (r: AuditRecord) => void,
): Promise<{ occupiedBeds: number; bedCapacity: number }> => {
  const [row] = await tx
    .update(centers)
    .set({
      occupiedBeds: sql`${centers.occupiedBeds} + 1`,
      version: sql`${centers.version} + 1`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(centers.id, centerId),
        sql`${centers.occupiedBeds} < ${centers.bedCapacity}`,
        isNull(centers.archivedAt),
      ),
    )
    .returning({ occupiedBeds: centers.occupiedBeds, bedCapacity: centers.bedCapacity });
  if (!row) throw centerError('center.no_free_bed');
  auditOccupancy(audit, centerId, row.occupiedBeds - 1, row.occupiedBeds);
  return row;
};

/** Gives one bed back inside the caller's transaction. */
export const releaseBed = async (
  tx: Db,
  centerId: string,
  audit: (r: AuditRecord) => void,
): Promise<void> => {
  const [row] = await tx
    .update(centers)
    .set({
      occupiedBeds: sql`greatest(${centers.occupiedBeds} - 1, 0)`,
      version: sql`${centers.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(centers.id, centerId))
    .returning({ occupiedBeds: centers.occupiedBeds });
  if (row) auditOccupancy(audit, centerId, row.occupiedBeds + 1, row.occupiedBeds);
};

const auditOccupancy = (audit: (r: AuditRecord) => void, centerId: string, before: number, after: number) =>
  audit({
    action: 'update',
    entity: 'center',
    entityId: centerId,
    changes: [{ field: 'occupiedBeds', before, after }],
  });
