import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asUser,
  buildCenter,
  buildUser,
  createTestApp,
  signIn,
  type TestContext,
} from '../../../test/app.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { centers } from './centers.tables.ts';

let t: TestContext;
let admin: string;
let head: string;
let headCenter: string;

beforeAll(async () => {
  t = await createTestApp();
  headCenter = (await buildCenter(t.database)).id;
  admin = await signIn(t.app, await buildUser(t.database, [{ role: 'admin', centerId: null }]));
  head = await signIn(t.app, await buildUser(t.database, [{ role: 'center_head', centerId: headCenter }]));
}, 60_000);
afterAll(() => t?.close());

const body = (code: string) => ({
  code,
  name: 'Loka Rehabilitasi Sosial Uji Kupang',
  type: 'loka',
  street: 'Jl. Timor Raya',
  regionCode: '53.71.01.1001',
  latitude: -10.17,
  longitude: 123.6,
  phone: '0380-123456',
  email: 'loka.uji@kemensos.go.id',
  headName: 'Maria Ndun',
  bedCapacity: 40,
  occupiedBeds: 12,
  facilities: ['warehouse', 'shop'],
  specialtyClusters: ['child'],
  coverage: ['53', '52.01'],
});

const call = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  cookie: string,
  payload?: unknown,
  lang = 'id',
) =>
  t.app.inject({
    method,
    url,
    headers: { ...asUser(cookie), 'accept-language': lang },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

describe('centres', () => {
  it('creates a centre with coverage, all clusters by default, and an audit row in the same transaction', async () => {
    const res = await call('POST', '/api/centers', admin, body('LRS-KUPANG-1'));
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      code: 'LRS-KUPANG-1',
      provinceCode: '53',
      provinceName: 'Nusa Tenggara Timur',
      timeZone: 'WITA',
      facilities: ['warehouse', 'shop'],
      version: 1,
      access: { update: true, archive: true },
    });
    expect(c.serviceClusters).toHaveLength(8);
    expect(c.coverage.map((x: { code: string }) => x.code)).toEqual(['52.01', '53']);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'center'), eq(auditLog.entityId, c.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', actorRole: 'admin' });
    expect(audit[0]!.changes.find((ch) => ch.field === 'name')?.after).toBe(
      'Loka Rehabilitasi Sosial Uji Kupang',
    );
  });

  it('refuses bad input naming each field, localised, and writes nothing', async () => {
    const before = await t.database.db.select().from(centers);
    const bad = { ...body('bad code'), bedCapacity: -1, coverage: ['53.71.01'] };
    const id = await call('POST', '/api/centers', admin, bad);
    expect(id.statusCode).toBe(400);
    const err = id.json();
    expect(err.code).toBe('request.validation_failed');
    expect(err.fields.map((f: { path: string }) => f.path)).toEqual([
      'code',
      'bedCapacity',
      'coverage.0',
      'occupiedBeds',
    ]);
    expect(err.fields[0].message).toMatch(/huruf besar/);
    const en = await call('POST', '/api/centers', admin, bad, 'en');
    expect(en.json().fields[2].message).toBe('Coverage must be a province or a regency/city.');
    expect(await t.database.db.select().from(centers)).toHaveLength(before.length);
  });

  it('refuses occupancy above capacity and unknown regions, on the field', async () => {
    const over = await call('POST', '/api/centers', admin, { ...body('LRS-OVER'), occupiedBeds: 41 });
    expect(over.statusCode).toBe(400);
    expect(over.json().fields).toEqual([
      { path: 'occupiedBeds', message: 'Hunian tidak boleh melebihi kapasitas tempat tidur.' },
    ]);
    const unknown = await call('POST', '/api/centers', admin, {
      ...body('LRS-NOWHERE'),
      coverage: ['53', '99.99'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'center.region_unknown', fields: [{ path: 'coverage.1' }] });
  });

  it('refuses a duplicate code with 409 on the code field', async () => {
    await call('POST', '/api/centers', admin, body('LRS-DUP'));
    const again = await call('POST', '/api/centers', admin, body('LRS-DUP'));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'center.code_taken', fields: [{ path: 'code' }] });
  });

  it('updates with the version and gives the stale second writer 409', async () => {
    const created = (await call('POST', '/api/centers', admin, body('LRS-VER'))).json();
    const first = await call('PUT', `/api/centers/${created.id}`, admin, {
      ...body('LRS-VER'),
      name: 'Nama Baru Pertama',
      version: 1,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await call('PUT', `/api/centers/${created.id}`, admin, {
      ...body('LRS-VER'),
      name: 'Nama Kedua',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('center.version_conflict');
    const now = (await call('GET', `/api/centers/${created.id}`, admin)).json();
    expect(now.name).toBe('Nama Baru Pertama');
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]!.changes).toEqual([
      { field: 'name', before: 'Loka Rehabilitasi Sosial Uji Kupang', after: 'Nama Baru Pertama' },
    ]);
  });

  it('lets a centre head edit their own centre only', async () => {
    const own = (await call('GET', `/api/centers/${headCenter}`, head)).json();
    expect(own.access).toEqual({ update: true, archive: false });
    const payload = {
      ...body(own.code),
      regionCode: own.regionCode,
      coverage: own.coverage.map((c: { code: string }) => c.code),
      version: own.version,
    };
    expect((await call('PUT', `/api/centers/${headCenter}`, head, payload)).statusCode).toBe(200);
    const other = (await call('POST', '/api/centers', admin, body('LRS-OTHER'))).json();
    expect((await call('GET', `/api/centers/${other.id}`, head)).json().access.update).toBe(false);
    const refused = await call('PUT', `/api/centers/${other.id}`, head, { ...body('LRS-OTHER'), version: 1 });
    expect(refused.statusCode).toBe(403);
    expect((await call('GET', `/api/centers/${other.id}`, head)).json().version).toBe(1);
  });

  it('archives, hiding the centre from the default list', async () => {
    const c = (await call('POST', '/api/centers', admin, body('LRS-ARSIP'))).json();
    expect((await call('DELETE', `/api/centers/${c.id}?version=2`, admin)).statusCode).toBe(409);
    expect((await call('DELETE', `/api/centers/${c.id}?version=1`, admin)).statusCode).toBe(204);
    const list = (await call('GET', '/api/centers?q=LRS-ARSIP', admin)).json();
    expect(list.total).toBe(0);
    const all = (await call('GET', '/api/centers?q=LRS-ARSIP&includeArchived=true', admin)).json();
    expect(all.items[0].archivedAt).not.toBeNull();
  });

  it('lists with search, filters, sort and paging', async () => {
    for (const [code, region, facilities] of [
      ['PAGE-A', '33.23.01.2001', ['workshop']],
      ['PAGE-B', '33.23.01.2001', []],
      ['PAGE-C', '73.71.01.1001', ['workshop']],
    ] as const) {
      const r = await call('POST', '/api/centers', admin, {
        ...body(code),
        name: `Balai Halaman ${code}`,
        regionCode: region,
        facilities,
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const search = (await call('GET', '/api/centers?q=halaman&sort=code&order=desc', admin)).json();
    expect(search.items.map((c: { code: string }) => c.code)).toEqual(['PAGE-C', 'PAGE-B', 'PAGE-A']);
    const jateng = (await call('GET', '/api/centers?q=halaman&province=33&facility=workshop', admin)).json();
    expect(jateng.items.map((c: { code: string }) => c.code)).toEqual(['PAGE-A']);
    const page2 = (await call('GET', '/api/centers?q=halaman&sort=code&pageSize=2&page=2', admin)).json();
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((c: { code: string }) => c.code)).toEqual(['PAGE-C']);
    const bad = await call('GET', '/api/centers?pageSize=1000&sort=nope', admin);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { path: string }) => f.path)).toEqual(['pageSize', 'sort']);
  });

  it('answers 404 for an unknown centre and 400 for a malformed id', async () => {
    expect((await call('GET', '/api/centers/01900000-0000-7000-8000-000000000000', admin)).json().code).toBe(
      'center.not_found',
    );
    expect((await call('GET', '/api/centers/abc', admin)).statusCode).toBe(400);
  });
});
