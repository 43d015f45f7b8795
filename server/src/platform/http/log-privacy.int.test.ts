import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, buildCenter, buildUser, signIn, testOrigin } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { type AtensiApp, buildApp } from '../../app.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';

/**
 * Issue 10 point 6: a failed query carries the values it was given (Drizzle's params and message,
 * the driver's detail, a message that quotes the value), and the URL carries tracking codes. The
 * app runs with its real pino logger at `info` into a captured stream; none of the values may
 * appear in it, while the lines that say what went wrong must.
 */

const lines: string[] = [];
let app: AtensiApp;
let database: Database;
let worker: string;
let centerId: string;

/** The values of one person: every one must stay out of the log. */
const siti = {
  nik: '3275014304870021',
  kkNumber: '3275010101870044',
  phone: '081398765432',
  fullName: 'Sri Rahayu Lestyaningsih',
  birthDate: '1987-04-03',
  street: 'Jl. Kemuning Rahasia No. 17',
};
const trackingCode = 'SRS-7K4MQ-9PQXD';

const log = () => lines.join('');
const entries = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

const personBody = (overrides: Partial<typeof siti> = {}) => ({
  centerId,
  ...siti,
  ...overrides,
  sex: 'female',
  birthPlace: 'Bekasi',
  regionCode: '32.75.01.1001',
  rt: '003',
  rw: '07',
  legalBasis: 'consent',
  consentBy: 'self',
});

beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    ATENSI_DEMO_DATA: 'false',
    ATENSI_PUBLIC_URL: testOrigin,
  });
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split(/(?<=\n)/));
      done();
    },
  });
  app = await buildApp({ config, database, webDist: null, logStream: stream });
  centerId = (await buildCenter(database)).id;
  worker = await signIn(app, await buildUser(database, [{ role: 'social_worker', centerId }]));
}, 60_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const expectNoValues = (values: string[]) => {
  const text = log();
  for (const value of values) expect(text, `the log holds ${value}`).not.toContain(value);
};

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url,
    headers: { ...asUser(worker), ...headers },
    payload: payload as string,
  });

describe('the server log', () => {
  it('keeps no value of a write the database refused (check constraint: Drizzle params, Failing row detail)', async () => {
    // Test-only: this database refuses one name, so the write fails inside PostgreSQL as a real bug would.
    await database.db.execute(
      sql.raw(`alter table persons add constraint log_probe check (full_name <> '${siti.fullName}')`),
    );
    const from = lines.length;
    const res = await post('/api/persons', personBody()).finally(() =>
      database.db.execute(sql`alter table persons drop constraint log_probe`),
    );
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'server.internal' });
    expectNoValues(Object.values(siti));
    // It still says what failed, where, and which constraint.
    const error = entries()
      .slice(from)
      .find((e) => e.msg === 'unhandled error') as { err: Record<string, unknown> } | undefined;
    expect(error?.err).toMatchObject({
      type: 'DrizzleQueryError',
      message: 'Failed query',
      query: expect.stringMatching(/^insert into "persons"/),
      cause: { sqlState: '23514', constraint: 'log_probe', table: 'persons' },
    });
    expect(JSON.stringify(error)).not.toMatch(/params|detail|Failing row/);
  });

  it('keeps no value of a unique violation (Key (…)=(…) detail)', async () => {
    await database.db.execute(sql`create unique index log_probe_kk on persons (kk_number)`);
    const first = await post(
      '/api/persons',
      personBody({ nik: '3275014304870039', fullName: 'Ani Wulandari' }),
    );
    expect(first.statusCode).toBe(201);
    const from = lines.length;
    const second = await post('/api/persons', personBody()).finally(() =>
      database.db.execute(sql`drop index log_probe_kk`),
    );
    expect(second.statusCode).toBe(500);
    expectNoValues(Object.values(siti));
    const error = entries()
      .slice(from)
      .find((e) => e.msg === 'unhandled error') as { err: { cause: Record<string, unknown> } };
    expect(error.err.cause).toMatchObject({
      type: 'DatabaseError',
      sqlState: '23505',
      constraint: 'log_probe_kk',
    });
  });

  it('keeps no value a database message quotes', async () => {
    await database.db.execute(
      sql.raw(`create function log_probe_refuse() returns trigger language plpgsql as $$
        begin
          if new.full_name = '${siti.fullName}' then
            raise exception 'value "%" for column "full_name" refused, phone %', new.full_name, new.phone
              using errcode = '22023', detail = new.nik, hint = new.street;
          end if;
          return new;
        end $$`),
    );
    await database.db.execute(
      sql`create trigger log_probe before insert on persons for each row execute function log_probe_refuse()`,
    );
    const from = lines.length;
    const res = await post('/api/persons', personBody()).finally(() =>
      database.db.execute(sql`drop trigger log_probe on persons`),
    );
    expect(res.statusCode).toBe(500);
    expectNoValues(Object.values(siti));
    const error = entries()
      .slice(from)
      .find((e) => e.msg === 'unhandled error') as { err: { cause: { message: string } } };
    // The shape of the message stays readable: the quoted column name is not a value.
    expect(error.err.cause.message).toBe(
      'value "[redacted]" for column "full_name" refused, phone [redacted]',
    );
  });

  it('keeps no value of a refused body (400: validation, malformed JSON)', async () => {
    const invalid = await post('/api/persons', { ...personBody(), sex: 'unknown-sex' });
    expect(invalid.statusCode).toBe(400);
    const broken = await post('/api/persons', `{"nik":"${siti.nik}","fullName":"${siti.fullName}",`, {
      'content-type': 'application/json',
    });
    expect(broken.statusCode).toBe(400);
    const signInAttempt = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/username',
      headers: { origin: testOrigin, 'content-type': 'application/json' },
      payload: { username: 'sri.rahayu.lestyaningsih', password: 'Salah-Sekali-2026!' },
    });
    expect(signInAttempt.statusCode).toBe(401);
    expectNoValues([...Object.values(siti), 'sri.rahayu.lestyaningsih', 'Salah-Sekali-2026!']);
  });

  it('keeps no tracking code or personal value of a URL, in the API or a page of the web app', async () => {
    const from = lines.length;
    expect((await app.inject({ method: 'GET', url: `/api/serasi/track/${trackingCode}` })).statusCode).toBe(
      404,
    );
    await app.inject({ method: 'GET', url: `/lacak/${trackingCode}` });
    await app.inject({ method: 'GET', url: `/lacak?code=${trackingCode}&page=2` });
    await app.inject({ method: 'GET', url: `/api/persons/${siti.nik}`, headers: asUser(worker) });
    await app.inject({ method: 'GET', url: `/api/regions?q=${encodeURIComponent(siti.fullName)}&limit=5` });
    expectNoValues([trackingCode, siti.nik, siti.fullName, encodeURIComponent(siti.fullName)]);
    const urls = entries()
      .slice(from)
      .map((e) => (e.req as { url?: string } | undefined)?.url)
      .filter(Boolean);
    expect(urls).toEqual([
      '/api/serasi/track/[redacted]',
      '/lacak/[redacted]',
      '/lacak?code=%5Bredacted%5D&page=2',
      '/api/persons/[redacted]',
      '/api/regions?q=%5Bredacted%5D&limit=5',
    ]);
    // UUIDs stay: they name a record without saying anything about the person.
    await app.inject({ method: 'GET', url: `/api/centers/${centerId}`, headers: asUser(worker) });
    expect(log()).toContain(`/api/centers/${centerId}`);
  });
});
