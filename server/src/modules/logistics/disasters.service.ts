import {
  type AcceptProposalInput,
  type Disaster,
  type DisasterInput,
  type DisasterListInput,
  type DisasterSummary,
  type Dispatch,
  type DispatchProposal,
  type NeedInput,
  type Page,
  proposeDispatch,
  type UpdateDisasterInput,
  withinCoverage,
} from '@atensi/domain';
import { and, arrayOverlaps, asc, count, desc, eq, ilike, inArray, ne, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { type AuditContext, withAudit } from '../../platform/audit/audit.ts';
import { diffRecords } from '../../platform/audit/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { onceForKey } from '../../platform/idempotency/idempotency.ts';
import { type Actor, can, centerScope } from '../../platform/policy/policy.ts';
import { centerNames, getCenter, liveCenterName, routingCenters } from '../centers/centers.service.ts';
import { regencySeat, regionExists, regionNames } from '../regions/regions.service.ts';
import { dispatchedPerNeed, dispatchesOfDisaster, readDispatch, sendDispatch } from './dispatches.service.ts';
import { activeItems } from './items.service.ts';
import { logisticsError, logisticsFieldError } from './logistics.errors.ts';
import { logisticsPolicy } from './logistics.policy.ts';
import { disasterNeeds, disasters, logisticsItems, stockBalances, warehouses } from './logistics.tables.ts';
import { availableByWarehouse } from './stock-ledger.ts';
import { notInFuture } from './stock-writes.ts';

type DisasterRow = typeof disasters.$inferSelect;

const summaries = async (db: Db, rows: DisasterRow[]): Promise<DisasterSummary[]> => {
  const [centers, regions] = await Promise.all([
    centerNames(
      db,
      rows.map((r) => r.responsibleCenterId),
    ),
    regionNames(
      db,
      rows.flatMap((r) => r.regionCodes),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type as DisasterSummary['type'],
    status: r.status as DisasterSummary['status'],
    startedOn: r.startedOn,
    estimatedAffected: r.estimatedAffected,
    provinceCodes: r.provinceCodes,
    regionNames: r.regionCodes.map((c) => regions.get(c) ?? c),
    responsibleCenterId: r.responsibleCenterId,
    responsibleCenterName: centers.get(r.responsibleCenterId) ?? null,
    siteWarehouseId: r.siteWarehouseId,
    version: r.version,
  }));
};

export const listDisasters = async (db: Db, input: DisasterListInput): Promise<Page<DisasterSummary>> => {
  const where: SQL[] = [];
  if (input.status) where.push(eq(disasters.status, input.status));
  if (input.type) where.push(eq(disasters.type, input.type));
  if (input.province) where.push(arrayOverlaps(disasters.provinceCodes, [input.province]));
  if (input.q) where.push(ilike(disasters.name, `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(disasters)
      .where(cond)
      .orderBy(asc(disasters.status), desc(disasters.startedOn), desc(disasters.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(disasters).where(cond),
  ]);
  return {
    items: await summaries(db, rows),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
};

const loadDisaster = async (db: Db, id: string, lock = false): Promise<DisasterRow> => {
  const q = db.select().from(disasters).where(eq(disasters.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw logisticsError('logistics.not_found');
  return row;
};

/** Central staff manage every disaster; a centre head those whose post their centre runs. */
const mayManage = (actor: Actor, row: Pick<DisasterRow, 'responsibleCenterId'>): boolean =>
  can(actor, logisticsPolicy.disasters_manage, { centerId: row.responsibleCenterId }).allowed;

/** Central staff send from any warehouse toward a disaster; a head only from their own centre's. */
const maySendFrom = (actor: Actor, warehouse: { centerId: string }): boolean =>
  can(actor, logisticsPolicy.disasters_manage, { centerId: warehouse.centerId }).allowed;

/**
 * The disaster the URL names, for a change to it: checked before anything else of it is read.
 * Every signed-in logistics role reads disasters, so one they may not manage is "forbidden".
 */
const disasterFor = async (db: Db, actor: Actor, id: string, lock = false): Promise<DisasterRow> => {
  const row = await loadDisaster(db, id, lock);
  if (!mayManage(actor, row)) throw logisticsError('logistics.disaster_forbidden');
  return row;
};

export const readDisaster = async (db: Db, actor: Actor, id: string): Promise<Disaster> => {
  const row = await loadDisaster(db, id);
  const [[summary], [site], needs, sent, dispatchList] = await Promise.all([
    summaries(db, [row]),
    db.select().from(warehouses).where(eq(warehouses.id, row.siteWarehouseId)),
    db
      .select({ n: disasterNeeds, item: logisticsItems })
      .from(disasterNeeds)
      .innerJoin(logisticsItems, eq(logisticsItems.id, disasterNeeds.itemId))
      .where(eq(disasterNeeds.disasterId, id))
      .orderBy(asc(logisticsItems.name)),
    dispatchedPerNeed(db, id),
    dispatchesOfDisaster(db, actor, id),
  ]);
  return {
    ...summary!,
    regionCodes: row.regionCodes,
    description: row.description,
    siteName: site!.name,
    siteRegionCode: site!.regionCode,
    siteLatitude: site!.latitude,
    siteLongitude: site!.longitude,
    needs: needs.map(({ n, item }) => ({
      id: n.id,
      itemId: item.id,
      itemName: item.name,
      unit: item.unit,
      quantity: n.quantity,
      dispatched: sent.get(n.id)?.sent ?? 0,
      received: sent.get(n.id)?.received ?? 0,
      note: n.note,
    })),
    dispatches: dispatchList,
    can: { manage: mayManage(actor, row) },
  };
};

/**
 * A disaster and its post: a site warehouse run by the responsible balai, where relief arrives.
 * Central staff record any; a centre head only for their own centre, with every affected region
 * and the post inside its coverage (each region outside it is named, nothing is written).
 */
export const createDisaster = async (opts: {
  db: Db;
  context: AuditContext;
  actor: Actor;
  input: DisasterInput;
}): Promise<string> => {
  const { db, context, actor, input } = opts;
  const rule = logisticsPolicy.disasters_record;
  if (!can(actor, rule, { centerId: input.responsibleCenterId }).allowed) {
    throw logisticsError('logistics.disaster_forbidden');
  }
  return withAudit(db, context, async (tx, audit) => {
    notInFuture('startedOn', input.startedOn);
    const codes = [...new Set(input.regionCodes)];
    for (const [i, code] of codes.entries()) {
      if (!(await regionExists(tx, code)))
        throw logisticsFieldError('logistics.region_unknown', `regionCodes.${i}`);
    }
    if (!(await regionExists(tx, input.siteRegionCode))) {
      throw logisticsFieldError('logistics.region_unknown', 'siteRegionCode');
    }
    const centerName = await liveCenterName(tx, input.responsibleCenterId);
    if (centerName === null) throw logisticsFieldError('logistics.center_unknown', 'responsibleCenterId');
    if (centerScope(actor, rule) !== 'all') {
      const coverage = (await getCenter(tx, input.responsibleCenterId)).coverage.map((c) => c.code);
      const outside = [
        ...input.regionCodes.flatMap((code, i) =>
          withinCoverage(code, coverage) ? [] : [`regionCodes.${i}`],
        ),
        ...(withinCoverage(input.siteRegionCode, coverage) ? [] : ['siteRegionCode']),
      ];
      if (outside.length > 0) {
        const params = { center: centerName };
        const message = logisticsError('logistics.region_outside_coverage', params).localised;
        throw logisticsError(
          'logistics.region_outside_coverage',
          params,
          outside.map((path) => ({ path, message })),
        );
      }
    }
    const id = uuidv7();
    const siteId = uuidv7();
    await tx.insert(warehouses).values({
      id: siteId,
      kind: 'site',
      centerId: input.responsibleCenterId,
      disasterId: id,
      name: input.siteName,
      regionCode: input.siteRegionCode,
      latitude: input.siteLatitude,
      longitude: input.siteLongitude,
    });
    const [row] = await tx
      .insert(disasters)
      .values({
        id,
        name: input.name,
        type: input.type,
        status: 'emergency',
        regionCodes: codes,
        provinceCodes: [...new Set(codes.map((c) => c.slice(0, 2)))],
        startedOn: input.startedOn,
        estimatedAffected: input.estimatedAffected,
        description: input.description,
        responsibleCenterId: input.responsibleCenterId,
        siteWarehouseId: siteId,
        createdById: context.actorId,
        createdByName: context.actorName,
      })
      .returning();
    audit({
      action: 'create',
      entity: 'disaster',
      entityId: id,
      changes: diffRecords(null, row!, { ignore: ['id'] }),
    });
    audit({
      action: 'create',
      entity: 'warehouse',
      entityId: siteId,
      changes: [
        { field: 'kind', before: null, after: 'site' },
        { field: 'name', before: null, after: input.siteName },
        { field: 'regionCode', before: null, after: input.siteRegionCode },
      ],
    });
    return id;
  });
};

export const updateDisaster = async (opts: {
  db: Db;
  context: AuditContext;
  actor: Actor;
  id: string;
  input: UpdateDisasterInput;
}): Promise<void> => {
  const { db, context, actor, id, input } = opts;
  await withAudit(db, context, async (tx, audit) => {
    const before = await disasterFor(tx, actor, id, true);
    if (before.version !== input.version) throw logisticsError('logistics.version_conflict');
    const { version: _v, ...fields } = input;
    const [after] = await tx
      .update(disasters)
      .set({ ...fields, version: before.version + 1, updatedAt: new Date() })
      .where(eq(disasters.id, id))
      .returning();
    audit({ action: 'update', entity: 'disaster', entityId: id, changes: diffRecords(before, after!) });
  });
};

/** Sets the need for one item; it may not drop below what is already on its way. */
export const setNeed = async (opts: {
  db: Db;
  context: AuditContext;
  actor: Actor;
  id: string;
  input: NeedInput;
}) => {
  const { db, context, actor, id, input } = opts;
  await withAudit(db, context, async (tx, audit) => {
    const disaster = await disasterFor(tx, actor, id, true);
    if (disaster.status === 'closed') throw logisticsError('logistics.disaster_closed');
    await activeItems(tx, [input.itemId], 'itemId');
    const [before] = await tx
      .select()
      .from(disasterNeeds)
      .where(and(eq(disasterNeeds.disasterId, id), eq(disasterNeeds.itemId, input.itemId)));
    if (before) {
      const dispatched = (await dispatchedPerNeed(tx, id)).get(before.id)?.sent ?? 0;
      if (input.quantity < dispatched) {
        throw logisticsFieldError('logistics.need_below_dispatched', 'quantity', { dispatched });
      }
      await tx
        .update(disasterNeeds)
        .set({ quantity: input.quantity, note: input.note })
        .where(eq(disasterNeeds.id, before.id));
      audit({
        action: 'update',
        entity: 'disaster_need',
        entityId: before.id,
        changes: diffRecords(before, { ...before, quantity: input.quantity, note: input.note }),
      });
    } else {
      const [row] = await tx
        .insert(disasterNeeds)
        .values({ id: uuidv7(), disasterId: id, ...input })
        .returning();
      audit({
        action: 'create',
        entity: 'disaster_need',
        entityId: row!.id,
        changes: diffRecords(null, row!, { ignore: ['id'] }),
      });
    }
    await tx
      .update(disasters)
      .set({ version: disaster.version + 1, updatedAt: new Date() })
      .where(eq(disasters.id, id));
  });
};

const needOf = async (db: Db, disasterId: string, needId: string) => {
  const [row] = await db
    .select({ n: disasterNeeds, item: logisticsItems })
    .from(disasterNeeds)
    .innerJoin(logisticsItems, eq(logisticsItems.id, disasterNeeds.itemId))
    .where(and(eq(disasterNeeds.id, needId), eq(disasterNeeds.disasterId, disasterId)));
  if (!row) throw logisticsError('logistics.not_found');
  const dispatched = (await dispatchedPerNeed(db, disasterId)).get(needId)?.sent ?? 0;
  return { ...row, outstanding: Math.max(0, row.n.quantity - dispatched), dispatched };
};

/**
 * Where to ship the outstanding need from; nothing moves until someone accepts it. Stock above
 * each warehouse's minimum level goes first (`proposeDispatch`); a warehouse without its own
 * coordinates is placed at its centre's.
 */
export const proposalFor = async (
  db: Db,
  actor: Actor,
  disasterId: string,
  needId: string,
): Promise<DispatchProposal> => {
  const disaster = await disasterFor(db, actor, disasterId);
  const { n, item, outstanding } = await needOf(db, disasterId, needId);
  const [site] = await db.select().from(warehouses).where(eq(warehouses.id, disaster.siteWarehouseId));
  const sources = await db
    .select()
    .from(warehouses)
    .where(and(eq(warehouses.active, true), ne(warehouses.kind, 'site')));
  const available = await availableByWarehouse(db, item.id);
  const stocked = sources.filter((w) => (available.get(w.id) ?? 0) > 0);
  const [minimums, centerPlaces] = await Promise.all([
    minimumsOf(
      db,
      item.id,
      stocked.map((w) => w.id),
    ),
    stocked.some((w) => w.latitude === null || w.longitude === null)
      ? routingCenters(db).then((list) => new Map(list.map((c) => [c.id, c])))
      : new Map<string, { latitude: number | null; longitude: number | null }>(),
  ]);
  // Without coordinates of its own, a place stands at its centre's, else at the seat of its regency.
  const seatOf = (regionCode: string) => {
    const seat = regencySeat(regionCode);
    return seat
      ? { latitude: seat.latitude, longitude: seat.longitude }
      : { latitude: null, longitude: null };
  };
  const placeOf = (w: (typeof stocked)[number]) => {
    if (w.latitude !== null && w.longitude !== null) return { latitude: w.latitude, longitude: w.longitude };
    const center = centerPlaces.get(w.centerId);
    return center?.latitude != null && center.longitude != null
      ? { latitude: center.latitude, longitude: center.longitude }
      : seatOf(w.regionCode);
  };
  const sitePlace =
    site!.latitude !== null && site!.longitude !== null
      ? { latitude: site!.latitude, longitude: site!.longitude }
      : seatOf(site!.regionCode);
  const { lines, shortfall } = proposeDispatch(
    outstanding,
    { regionCode: site!.regionCode, ...sitePlace },
    stocked.map((w) => ({
      warehouseId: w.id,
      regionCode: w.regionCode,
      ...placeOf(w),
      available: available.get(w.id) ?? 0,
      minimum: minimums.get(w.id) ?? 0,
    })),
  );
  const byId = new Map(stocked.map((w) => [w.id, w]));
  const [centers, regions] = await Promise.all([
    centerNames(
      db,
      stocked.map((w) => w.centerId),
    ),
    regionNames(
      db,
      stocked.map((w) => w.regionCode),
    ),
  ]);
  return {
    needId: n.id,
    itemId: item.id,
    itemName: item.name,
    unit: item.unit,
    outstanding,
    lines: lines.map((l) => {
      const w = byId.get(l.warehouseId)!;
      return {
        warehouseId: w.id,
        warehouseName: w.name,
        centerName: centers.get(w.centerId) ?? null,
        regionName: regions.get(w.regionCode) ?? null,
        quantity: l.quantity,
        available: available.get(w.id) ?? 0,
        distanceKm: l.distanceKm === null ? null : Math.round(l.distanceKm * 10) / 10,
        sameProvince: w.regionCode.slice(0, 2) === site!.regionCode.slice(0, 2),
        minimum: minimums.get(w.id) ?? 0,
        belowMinimum: l.belowMinimum,
        canSend: maySendFrom(actor, w),
      };
    }),
    shortfall,
  };
};

/** The minimum level of one item in each of the warehouses (absent: none set). */
const minimumsOf = async (db: Db, itemId: string, warehouseIds: string[]): Promise<Map<string, number>> => {
  if (warehouseIds.length === 0) return new Map();
  const rows = await db
    .select({ warehouseId: stockBalances.warehouseId, minimum: stockBalances.minimumQuantity })
    .from(stockBalances)
    .where(and(eq(stockBalances.itemId, itemId), inArray(stockBalances.warehouseId, warehouseIds)));
  return new Map(rows.map((r) => [r.warehouseId, r.minimum]));
};

/**
 * Accepting a proposal (as shown or with changed quantities): one dispatch per source
 * warehouse to the disaster's post, in one transaction — all move or none does. Never more
 * than the outstanding need; stock is checked again under the balance locks.
 */
export const acceptProposal = async (opts: {
  db: Db;
  context: AuditContext;
  actor: Actor;
  disasterId: string;
  needId: string;
  input: AcceptProposalInput;
}): Promise<{ dispatches: Dispatch[] }> => {
  const { db, context, actor, disasterId, needId, input } = opts;
  const { idempotencyKey, ...request } = input;
  await disasterFor(db, actor, disasterId);
  const { result } = await withAudit(db, context, (tx, audit) =>
    onceForKey(
      tx,
      {
        scope: 'logistics.dispatch',
        actorId: context.actorId ?? 'anonymous',
        key: idempotencyKey,
        request: { disasterId, needId, ...request },
      },
      async () => {
        // The disaster row lock serialises acceptances of its needs: two people accepting the
        // same proposal cannot both send the outstanding quantity.
        const disaster = await disasterFor(tx, actor, disasterId, true);
        if (disaster.status === 'closed') throw logisticsError('logistics.disaster_closed');
        const { item, outstanding, dispatched } = await needOf(tx, disasterId, needId);
        if (outstanding === 0) {
          throw logisticsError('logistics.need_met', { dispatched, unit: item.unit });
        }
        if (new Set(input.lines.map((l) => l.warehouseId)).size !== input.lines.length) {
          throw logisticsFieldError('logistics.duplicate_item', 'lines');
        }
        const total = input.lines.reduce((s, l) => s + l.quantity, 0);
        if (total > outstanding)
          throw logisticsFieldError('logistics.over_need', 'lines', { total, outstanding });
        const [site] = await tx.select().from(warehouses).where(eq(warehouses.id, disaster.siteWarehouseId));
        // Every source is checked before anything moves; field paths name the line as sent.
        const sources = [];
        for (const [i, line] of input.lines.entries()) {
          const [from] = await tx.select().from(warehouses).where(eq(warehouses.id, line.warehouseId));
          if (!from) throw logisticsFieldError('logistics.warehouse_not_found', `lines.${i}.warehouseId`);
          if (from.kind === 'site')
            throw logisticsFieldError('logistics.site_not_target', `lines.${i}.warehouseId`);
          if (!maySendFrom(actor, from)) {
            throw logisticsFieldError('logistics.send_forbidden', `lines.${i}.warehouseId`, {
              warehouse: from.name,
            });
          }
          sources.push({ from, quantity: line.quantity });
        }
        const ids: string[] = [];
        // In warehouse order, so concurrent acceptances take the balance locks in the same order.
        for (const { from, quantity } of sources.sort((a, b) => (a.from.id < b.from.id ? -1 : 1))) {
          ids.push(
            await sendDispatch(tx, audit, context, {
              from,
              to: site!,
              lines: [{ item, quantity }],
              disasterId,
              needId,
              vehicle: input.vehicle,
              driverName: input.driverName,
              note: input.note,
            }),
          );
        }
        await tx
          .update(disasters)
          .set({ version: disaster.version + 1, updatedAt: new Date() })
          .where(eq(disasters.id, disasterId));
        return { ids };
      },
    ),
  );
  return { dispatches: await Promise.all(result.ids.map((id) => readDispatch(db, actor, id))) };
};
