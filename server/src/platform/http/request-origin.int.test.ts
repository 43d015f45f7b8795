import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCenter,
  buildUser,
  createTestApp,
  signIn,
  type TestContext,
  testOrigin,
} from '../../../test/app.ts';
import { users } from '../auth/auth.tables.ts';

let t: TestContext;
let adminCookie: string;
let centerId: string;

beforeAll(async () => {
  t = await createTestApp({ ATENSI_CORS_ORIGINS: 'https://mitra.kemensos.go.id' });
  centerId = (await buildCenter(t.database)).id;
  adminCookie = await signIn(t.app, await buildUser(t.database, [{ role: 'admin', centerId: null }]));
});
afterAll(() => t?.close());

const isActive = async (id: string) =>
  (await t.database.db.select({ active: users.active }).from(users).where(eq(users.id, id)))[0]!.active;

describe('requests from other sites', () => {
  it('refuses a cross-site deactivation carrying a real admin cookie (text/plain form or empty POST)', async () => {
    const worker = await buildUser(t.database, [{ role: 'social_worker', centerId }]);
    const forged = [
      // What an auto-submitting <form enctype="text/plain"> on another site sends.
      {
        origin: 'https://jahat.example',
        'content-type': 'text/plain',
        'sec-fetch-site': 'cross-site',
        payload: 'x=1',
      },
      { origin: 'https://jahat.example', payload: undefined },
      // Privacy-redirected or sandboxed pages send Origin: null.
      { origin: 'null', payload: undefined },
      // No Origin, but the browser says another site sent it.
      { 'sec-fetch-site': 'cross-site', payload: undefined },
      { 'sec-fetch-site': 'same-site', payload: undefined },
    ];
    for (const { payload, ...headers } of forged) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/users/${worker.id}/deactivate`,
        headers: { cookie: adminCookie, ...headers },
        ...(payload === undefined ? {} : { payload }),
      });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json()).toMatchObject({
        code: 'request.cross_site',
        message: 'Permintaan dari situs lain ditolak. Buka Atensi dari alamatnya sendiri lalu coba lagi.',
      });
    }
    expect(await isActive(worker.id)).toBe(true);

    // The same request from the app's own page goes through.
    const own = await t.app.inject({
      method: 'POST',
      url: `/api/users/${worker.id}/deactivate`,
      headers: { cookie: adminCookie, origin: testOrigin, 'sec-fetch-site': 'same-origin' },
    });
    expect(own.statusCode).toBe(200);
    expect(await isActive(worker.id)).toBe(false);
  });

  it('refuses a sign-in from a foreign origin (login CSRF) and sets no cookie', async () => {
    const user = await buildUser(t.database, []);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: 'https://jahat.example', 'accept-language': 'en' },
      payload: { email: user.email, password: user.password },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'request.cross_site',
      message: 'A request from another site was refused. Open Atensi at its own address and try again.',
    });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a public SERASI report from another site before reading it', async () => {
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/serasi/tickets',
      headers: { origin: 'https://jahat.example' },
      payload: {},
    });
    expect(foreign.statusCode).toBe(403);
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/serasi/tickets',
      headers: { origin: testOrigin },
      payload: {},
    });
    expect(own.statusCode).toBe(400);
  });

  it('lets reads from anywhere, a configured CORS origin, and clients without browser headers through', async () => {
    const read = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: adminCookie, origin: 'https://jahat.example' },
    });
    expect(read.statusCode).toBe(200);
    const user = await buildUser(t.database, []);
    for (const headers of [
      { origin: 'https://mitra.kemensos.go.id' },
      // curl, a CLI, another server: neither Origin nor Sec-Fetch-Site (a browser always sends Origin cross-site).
      {},
      { 'sec-fetch-site': 'none' },
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers,
        payload: { email: user.email, password: user.password },
        remoteAddress: `10.66.0.${Object.keys(headers).length + 1}`,
      });
      expect(res.statusCode, JSON.stringify(headers)).toBe(200);
    }
  });
});

describe('request bodies', () => {
  it('are JSON only: text/plain and other types get 415 in the error shape', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/centers',
        headers: { cookie: adminCookie, origin: testOrigin, 'content-type': type },
        payload: '{"code":"X"}',
      });
      expect(res.statusCode, type).toBe(415);
      expect(res.json()).toMatchObject({
        code: 'request.unsupported_media_type',
        message: 'Jenis isi permintaan tidak didukung; kirim JSON (application/json).',
      });
      expect(res.json().requestId).toBeDefined();
    }
  });
});
