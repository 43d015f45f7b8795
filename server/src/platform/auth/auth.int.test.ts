import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asUser,
  buildCenter,
  buildUser,
  createTestApp,
  signIn,
  type TestContext,
  testOrigin,
} from '../../../test/app.ts';
import { sessions } from './auth.tables.ts';

let t: TestContext;
let centerId: string;

beforeAll(async () => {
  t = await createTestApp({ ATENSI_LOGIN_RATE_LIMIT: '5' });
  centerId = (await buildCenter(t.database)).id;
});
afterAll(() => t?.close());

const post = (
  url: string,
  payload: unknown,
  headers: Record<string, string> = {},
  remoteAddress = '127.0.0.1',
) =>
  t.app.inject({
    method: 'POST',
    url,
    payload: payload as object,
    headers: { origin: testOrigin, ...headers },
    remoteAddress,
  });

describe('sign-in', () => {
  it('signs in with email and password and knows who you are', async () => {
    const user = await buildUser(t.database, [{ role: 'social_worker', centerId }]);
    const cookie = await signIn(t.app, user);
    expect(cookie).toMatch(/atensi\.session_token=/);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: asUser(cookie) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: user.id, roles: [{ role: 'social_worker', centerId }] });
    expect(me.headers['cache-control']).toBe('no-store');
  });

  it('sets an httpOnly cookie', async () => {
    const user = await buildUser(t.database, []);
    const res = await post('/api/auth/sign-in/email', { email: user.email, password: user.password });
    const cookies = [res.headers['set-cookie']].flat().join('\n');
    expect(cookies).toMatch(/HttpOnly/i);
    expect(cookies).toMatch(/SameSite=Lax/i);
  });

  it('signs in with the username too', async () => {
    const user = await buildUser(t.database, []);
    const res = await post('/api/auth/sign-in/username', {
      username: user.username,
      password: user.password,
    });
    expect(res.statusCode).toBe(200);
  });

  it('refuses a wrong password with a localised message', async () => {
    const user = await buildUser(t.database, []);
    const id = await post(
      '/api/auth/sign-in/email',
      { email: user.email, password: 'salah-salah-salah' },
      {},
      '10.0.0.2',
    );
    expect(id.statusCode).toBe(401);
    expect(id.json()).toMatchObject({
      code: 'auth.invalid_credentials',
      message: 'Email/nama pengguna atau kata sandi salah.',
    });
    const en = await post(
      '/api/auth/sign-in/email',
      { email: user.email, password: 'salah-salah-salah' },
      { 'accept-language': 'en' },
      '10.0.0.2',
    );
    expect(en.json().message).toBe('Wrong email/username or password.');
  });

  it('limits sign-in attempts per address', async () => {
    const user = await buildUser(t.database, []);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await post(
        '/api/auth/sign-in/email',
        { email: user.email, password: 'bukan-sandi-nya' },
        {},
        '10.9.9.9',
      );
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await post(
      '/api/auth/sign-in/email',
      { email: user.email, password: user.password },
      {},
      '10.9.9.9',
    );
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('request.rate_limited');
  });
});

describe('sessions', () => {
  it('logout ends the session on the server', async () => {
    const user = await buildUser(t.database, []);
    const cookie = await signIn(t.app, user);
    const out = await post('/api/auth/sign-out', {}, { cookie });
    expect(out.statusCode).toBe(200);
    // The old cookie is worthless even if the browser kept it.
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: asUser(cookie) });
    expect(me.statusCode).toBe(401);
    const left = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(left).toHaveLength(0);
  });

  it('ends a session past its absolute limit whatever the activity', async () => {
    const user = await buildUser(t.database, []);
    const cookie = await signIn(t.app, user);
    await t.database.db.execute(
      sql`update sessions set created_at = now() - interval '13 hours' where user_id = ${user.id}`,
    );
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: asUser(cookie) });
    expect(me.statusCode).toBe(401);
  });

  it('refuses a session cookie whose signature is not ours', async () => {
    const user = await buildUser(t.database, []);
    const cookie = await signIn(t.app, user);
    const [name, value] = cookie.split('=') as [string, string];
    const token = decodeURIComponent(value).split('.')[0];
    const forged = `${name}=${encodeURIComponent(`${token}.${'A'.repeat(43)}=`)}`;
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: asUser(forged) });
    expect(me.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: asUser(cookie) })).statusCode).toBe(
      200,
    );
  });

  it('pushes an active session further once a while has passed, not on every request', async () => {
    const user = await buildUser(t.database, []);
    const cookie = await signIn(t.app, user);
    const expiry = async () =>
      (
        await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id))
      )[0]!.expiresAt.getTime();
    const fresh = await expiry();
    await t.app.inject({ method: 'GET', url: '/api/me', headers: asUser(cookie) });
    expect(await expiry()).toBe(fresh);
    // As if the last push was an hour ago: 60 minutes of the idle window left.
    await t.database.db.execute(
      sql`update sessions set expires_at = now() + interval '60 minutes' where user_id = ${user.id}`,
    );
    const before = await expiry();
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: asUser(cookie) })).statusCode).toBe(
      200,
    );
    expect(await expiry()).toBeGreaterThan(before + 30 * 60_000);
  });

  it('ends a session idle past its limit', async () => {
    const user = await buildUser(t.database, []);
    const cookie = await signIn(t.app, user);
    await t.database.db.execute(
      sql`update sessions set expires_at = now() - interval '1 minute' where user_id = ${user.id}`,
    );
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: asUser(cookie) });
    expect(me.statusCode).toBe(401);
  });
});

describe('deactivation', () => {
  it('ends the sessions now and refuses the next sign-in', async () => {
    const admin = await buildUser(t.database, [{ role: 'admin', centerId: null }]);
    const worker = await buildUser(t.database, [{ role: 'social_worker', centerId }]);
    const adminCookie = await signIn(t.app, admin);
    const workerCookie = await signIn(t.app, worker);
    const res = await post(`/api/users/${worker.id}/deactivate`, {}, { cookie: adminCookie });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: asUser(workerCookie) });
    expect(me.statusCode).toBe(401);
    const again = await post(
      '/api/auth/sign-in/email',
      { email: worker.email, password: worker.password },
      {},
      '10.1.1.1',
    );
    expect(again.statusCode).toBe(403);
    expect(again.json().code).toBe('auth.inactive');
  });
});

describe('passwords', () => {
  it('refuses short and common passwords when an admin creates a user, naming the field', async () => {
    const admin = await buildUser(t.database, [{ role: 'admin', centerId: null }]);
    const cookie = await signIn(t.app, admin);
    const body = { name: 'Budi Santoso', email: 'budi.pw@uji.test', username: 'budi.pw', roles: [] };
    const short = await post('/api/users', { ...body, password: 'pendek' }, { cookie });
    expect(short.statusCode).toBe(400);
    expect(short.json().fields[0].path).toBe('password');
    const common = await post('/api/users', { ...body, password: 'qwerty123456' }, { cookie });
    expect(common.statusCode).toBe(400);
    expect(common.json()).toMatchObject({ code: 'auth.password_too_common', fields: [{ path: 'password' }] });
    const list = await t.app.inject({ method: 'GET', url: '/api/users?q=budi.pw', headers: asUser(cookie) });
    expect(list.json().total).toBe(0);
  });
});
