import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asUser,
  buildCenter,
  buildUser,
  createTestApp,
  signIn,
  type TestContext,
  type TestUser,
} from '../../../test/app.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { getCenter } from '../centers/centers.service.ts';
import { createPerson } from '../persons/persons.service.ts';
import { systemContext } from '../users/first-admin.ts';
import { createCase } from './cases.service.ts';
import { casePlacements } from './cases.tables.ts';

let t: TestContext;
let worker: TestUser;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t?.close());

const caseAt = async (centerId: string, workerId: string) => {
  const personId = await createPerson({
    db: t.database.db,
    context: systemContext,
    input: {
      centerId,
      nik: null,
      nikUnknownReason: 'homeless',
      nikWarningsConfirmed: false,
      kkNumber: null,
      fullName: `Penghuni ${Math.random().toString(36).slice(2, 8)}`,
      aliases: [],
      sex: 'female',
      birthDate: null,
      birthYearEstimate: 1950,
      birthPlace: null,
      regionCode: '32.75.01.1001',
      rt: null,
      rw: null,
      street: null,
      phone: null,
      disabilityTypes: [],
      dtksStatus: 'unknown',
      dtksDecile: null,
      legalBasis: 'vital_interest',
      consentBy: null,
      consentGuardianName: null,
    },
  });
  return createCase({
    db: t.database.db,
    context: systemContext,
    input: {
      personId,
      centerId,
      clusters: ['elderly'],
      childSpecialProtection: false,
      intakeChannel: 'outreach',
      intakeReference: null,
      problem: 'Lansia terlantar',
      urgency: 'high',
      modality: 'residential',
      assignedWorkerId: workerId,
      recommendedCenterId: null,
      overrideReason: null,
    },
  });
};

const place = (id: string) =>
  t.app.inject({ method: 'POST', url: `/api/cases/${id}/placement`, headers: asUser(cookie) });

describe('residential placement', () => {
  it('takes a bed, refuses a second open placement, and gives the bed back when it ends', async () => {
    const center = await buildCenter(t.database, { bedCapacity: 2, occupiedBeds: 0 });
    worker = await buildUser(t.database, [{ role: 'center_head', centerId: center.id }]);
    cookie = await signIn(t.app, worker);
    const id = await caseAt(center.id, worker.id);
    const res = await place(id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().placement).toMatchObject({ centerId: center.id });
    expect((await getCenter(t.database.db, center.id)).occupiedBeds).toBe(1);
    expect((await place(id)).json().code).toBe('case.already_placed');
    const end = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${id}/placement/end`,
      headers: asUser(cookie),
      payload: { reason: 'Kembali ke keluarga' },
    });
    expect(end.statusCode).toBe(200);
    expect(end.json().timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'opened',
      'placement',
      'placement_ended',
    ]);
    expect((await getCenter(t.database.db, center.id)).occupiedBeds).toBe(0);
    // The placement and the centre's bed count are in the audit log, each under its own entity.
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.entity, ['case_placement', 'center']));
    const mine = rows.filter(
      (r) => r.entityId === center.id || r.changes.some((c) => c.field === 'caseId' && c.after === id),
    );
    expect(mine.map((r) => `${r.action} ${r.entity}`)).toEqual(
      expect.arrayContaining(['create case_placement', 'update center']),
    );
    const occupancy = rows
      .filter((r) => r.entity === 'center' && r.entityId === center.id)
      .flatMap((r) => r.changes);
    expect(occupancy).toEqual(
      expect.arrayContaining([
        { field: 'occupiedBeds', before: 0, after: 1 },
        { field: 'occupiedBeds', before: 1, after: 0 },
      ]),
    );
  });

  it('never passes capacity: concurrent placements into the last bed, exactly one wins', async () => {
    const center = await buildCenter(t.database, { bedCapacity: 5, occupiedBeds: 4 });
    worker = await buildUser(t.database, [{ role: 'center_head', centerId: center.id }]);
    cookie = await signIn(t.app, worker);
    const ids = [];
    for (let i = 0; i < 12; i++) ids.push(await caseAt(center.id, worker.id));
    const results = await Promise.all(ids.map(place));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(11);
    for (const r of results.filter((x) => x.statusCode === 409))
      expect(r.json().code).toBe('center.no_free_bed');
    const after = await getCenter(t.database.db, center.id);
    expect(after.occupiedBeds).toBe(5);
    const open = await t.database.db
      .select()
      .from(casePlacements)
      .where(eq(casePlacements.centerId, center.id));
    expect(open).toHaveLength(1);
  });
});
