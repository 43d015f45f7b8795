import { and, desc, eq, sql } from 'drizzle-orm';
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
import { auditLog } from '../audit/audit.tables.ts';
import { sessions } from './auth.tables.ts';

let t: TestContext;
let centerId: string;
/** The back-off's clock: midday of today (UTC), moved on by the tests that let a wait pass. */
let clock = Math.floor(Date.now() / 86_400_000) * 86_400_000 + 12 * 3_600_000;

beforeAll(async () => {
  t = await createTestApp({ ATENSI_LOGIN_RATE_LIMIT: '5' }, { now: () => new Date(clock) });
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
    // Another (unknown) account each time: the per-account back-off stays out of it.
    for (let i = 0; i < 7; i++) {
      const res = await post(
        '/api/auth/sign-in/email',
        { email: `tidak.ada.${i}@uji.test`, password: 'bukan-sandi-nya' },
        {},
        '10.9.9.9',
      );
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await post(
      '/api/auth/sign-in/email',
      { email: user.email, password: user.password },
      {},
      '10.9.9.9',
    );
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('request.rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
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
    for (const [password, code] of [
      ['qwertyuiopas', 'auth.password_too_common'],
      ['Balai-Bekasi-2026', 'auth.password_too_common'],
      ['Atensi-Demo-2026!', 'auth.password_demo_password'],
      ['Budi-Santoso-Kopi-Tubruk', 'auth.password_contains_identity'],
      ['budi.pw-Rumah-Joglo-Hujan', 'auth.password_contains_identity'],
    ] as const) {
      const res = await post('/api/users', { ...body, password }, { cookie });
      expect(res.statusCode, password).toBe(400);
      expect(res.json(), password).toMatchObject({ code, fields: [{ path: 'password' }] });
    }
    const list = await t.app.inject({ method: 'GET', url: '/api/users?q=budi.pw', headers: asUser(cookie) });
    expect(list.json().total).toBe(0);
  });
});

/** A fresh address per request: Better Auth's per-address limit stays out of the per-account tests. */
let address = 0;
const nextAddress = () => {
  address += 1;
  return `10.77.${Math.floor(address / 250)}.${(address % 250) + 1}`;
};
const attempt = (user: { email: string; username: string }, password: string, by: 'email' | 'username') =>
  post(
    `/api/auth/sign-in/${by}`,
    by === 'email' ? { email: user.email, password } : { username: user.username, password },
    {},
    nextAddress(),
  );
const auditOf = (entityId: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.seq));

describe('per-account back-off', () => {
  it('allows 5 guesses across both endpoints, then makes the account wait (Retry-After), even for the right password', async () => {
    const user = await buildUser(t.database, []);
    const answers = [];
    for (let i = 0; i < 20; i++)
      answers.push(await attempt(user, `Salah-Tebak-Nomor-${i}`, i % 2 ? 'username' : 'email'));
    expect(answers.map((a) => a.statusCode)).toEqual([...Array(5).fill(401), ...Array(15).fill(429)]);
    const locked = answers[5]!;
    expect(locked.json()).toMatchObject({ code: 'auth.sign_in_locked', details: { retryAfterSeconds: 60 } });
    const wait = Number(locked.headers['retry-after']);
    expect(wait).toBe(60);
    expect(locked.json().message).toBe(
      'Terlalu banyak percobaan masuk yang gagal untuk akun ini. Coba lagi dalam 60 detik.',
    );
    const right = await attempt(user, user.password, 'username');
    expect(right.statusCode).toBe(429);
    expect(right.headers['retry-after']).toBe('60');
    // Only the 5 checked passwords are in the audit log; the refused ones cost nothing there.
    expect((await auditOf(user.id)).filter((r) => r.action === 'login_failed')).toHaveLength(5);
  });

  it('doubles the wait with each further failure, and a correct password forgets them all', async () => {
    const user = await buildUser(t.database, []);
    for (let i = 0; i < 5; i++)
      expect((await attempt(user, 'Salah-Lagi-Dan-Lagi', 'email')).statusCode).toBe(401);
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      const refused = await attempt(user, 'Salah-Lagi-Dan-Lagi', 'email');
      expect(refused.statusCode).toBe(429);
      const wait = Number(refused.headers['retry-after']);
      waits.push(wait);
      clock += wait * 1000;
      expect((await attempt(user, 'Salah-Lagi-Dan-Lagi', 'username')).statusCode).toBe(401);
    }
    expect(waits).toEqual([60, 120, 240]);
    clock += 480 * 1000;
    expect((await attempt(user, user.password, 'email')).statusCode).toBe(200);
    // Forgotten: five more guesses before the next wait.
    for (let i = 0; i < 5; i++)
      expect((await attempt(user, 'Salah-Sekali-Lagi', 'email')).statusCode).toBe(401);
    expect((await attempt(user, user.password, 'email')).statusCode).toBe(429);
  });

  it('locks an unknown account the same way, so the answers say nothing about who exists', async () => {
    const ghost = { email: 'belum.pernah.ada@uji.test', username: 'belum.pernah.ada' };
    const statuses = [];
    // A weak password typed is refused like any other (Better Auth hashes it for an unknown account: no rule there).
    for (let i = 0; i < 6; i++)
      statuses.push((await attempt(ghost, i ? 'Apa-Saja-Boleh-1' : 'qwerty123456', 'email')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const rows = await auditOf('unknown');
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(rows)).not.toContain('belum.pernah.ada');
    expect(JSON.stringify(rows)).not.toContain('Apa-Saja-Boleh-1');
  });

  it('lets no more than 5 concurrent guesses through', async () => {
    const user = await buildUser(t.database, []);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        attempt(user, `Tebakan-Serentak-${i}`, i % 2 ? 'username' : 'email'),
      ),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });
});

describe('sign-in in the audit log', () => {
  it('records sign-in, failed sign-in and sign-out with the address, never a password or a token', async () => {
    const user = await buildUser(t.database, []);
    const wrong = await post(
      '/api/auth/sign-in/email',
      { email: user.email, password: 'Sandi-Yang-Keliru-42' },
      {},
      '10.55.0.1',
    );
    expect(wrong.statusCode).toBe(401);
    const ok = await post(
      '/api/auth/sign-in/username',
      { username: user.username, password: user.password },
      {},
      '10.55.0.2',
    );
    expect(ok.statusCode).toBe(200);
    const cookie = [ok.headers['set-cookie']]
      .flat()
      .map((c) => String(c).split(';')[0])
      .join('; ');
    const [session] = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect((await post('/api/auth/sign-out', {}, { cookie }, '10.55.0.3')).statusCode).toBe(200);

    const rows = (await auditOf(user.id)).reverse();
    expect(rows.map((r) => r.action)).toEqual(['create', 'login_failed', 'login', 'logout']);
    expect(rows[1]).toMatchObject({
      actorId: null,
      ip: '10.55.0.1',
      changes: [
        { field: 'method', after: 'email' },
        { field: 'reason', after: 'invalid_credentials' },
      ],
    });
    expect(rows[2]).toMatchObject({
      actorId: user.id,
      actorName: 'Pengguna Uji',
      ip: '10.55.0.2',
      changes: [
        { field: 'method', after: 'username' },
        { field: 'sessionId', after: session!.id },
      ],
    });
    expect(rows[3]).toMatchObject({
      actorId: user.id,
      ip: '10.55.0.3',
      changes: [{ field: 'sessionId', before: session!.id }],
    });
    const text = JSON.stringify(rows);
    expect(text).not.toContain('Sandi-Yang-Keliru-42');
    expect(text).not.toContain(user.password);
    expect(text).not.toContain(session!.token);
  });

  it('records a refused sign-in of a deactivated account as such', async () => {
    const admin = await buildUser(t.database, [{ role: 'admin', centerId: null }]);
    const worker = await buildUser(t.database, []);
    await post(`/api/users/${worker.id}/deactivate`, {}, { cookie: await signIn(t.app, admin) });
    expect((await attempt(worker, worker.password, 'email')).statusCode).toBe(403);
    const [last] = await auditOf(worker.id);
    expect(last).toMatchObject({
      action: 'login_failed',
      changes: [{}, { field: 'reason', after: 'inactive' }],
    });
  });
});

describe('session tokens stay in the cookie', () => {
  it('are not in the sign-in, get-session or list-sessions answers', async () => {
    const user = await buildUser(t.database, []);
    const res = await post(
      '/api/auth/sign-in/email',
      { email: user.email, password: user.password },
      {},
      nextAddress(),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).not.toHaveProperty('token');
    expect(res.json().user).toMatchObject({ id: user.id });
    const cookie = [res.headers['set-cookie']]
      .flat()
      .map((c) => String(c).split(';')[0])
      .join('; ');
    const [session] = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    const got = await t.app.inject({ method: 'GET', url: '/api/auth/get-session', headers: asUser(cookie) });
    expect(got.statusCode).toBe(200);
    expect(got.json().session).toMatchObject({ id: session!.id });
    expect(got.json().session).not.toHaveProperty('token');
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/auth/list-sessions',
      headers: asUser(cookie),
    });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toHaveLength(1);
    expect(list.json()[0]).not.toHaveProperty('token');
    for (const body of [res.body, got.body, list.body]) expect(body).not.toContain(session!.token);
  });

  it('exposes only the Better Auth endpoints the app uses', async () => {
    const user = await buildUser(t.database, []);
    for (const [url, payload] of [
      ['/api/auth/is-username-available', { username: user.username }],
      ['/api/auth/request-password-reset', { email: user.email }],
      ['/api/auth/verify-password', { password: user.password }],
      [
        '/api/auth/sign-up/email',
        { email: 'baru@uji.test', password: 'Rumah-Joglo-Hujan-Sore-41', name: 'Baru' },
      ],
    ] as const) {
      const res = await post(url, payload, { cookie: await signIn(t.app, user) });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('request.not_found');
    }
  });
});

describe('own account', () => {
  it('renames yourself, audited; your username is the administrator’s to change', async () => {
    const user = await buildUser(t.database, []);
    const cookie = await signIn(t.app, user);
    const renamed = await post('/api/auth/update-user', { name: 'Siti Aminah' }, { cookie });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().user).toMatchObject({ id: user.id, name: 'Siti Aminah', username: user.username });
    const [row] = await auditOf(user.id);
    expect(row).toMatchObject({
      action: 'update',
      actorId: user.id,
      changes: [{ field: 'name', before: 'Pengguna Uji', after: 'Siti Aminah' }],
    });
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: asUser(cookie) });
    expect(me.json().name).toBe('Siti Aminah');

    const taken = await post(
      '/api/auth/update-user',
      { username: 'admin' },
      { cookie, 'accept-language': 'en' },
    );
    expect(taken.statusCode).toBe(403);
    expect(taken.json()).toMatchObject({
      code: 'auth.username_self_change',
      message: 'You cannot change your own username; ask the administrator.',
      fields: [{ path: 'username' }],
    });
    // Sending your own username back (a whole profile form) is not a change.
    expect((await post('/api/auth/update-user', { username: user.username }, { cookie })).statusCode).toBe(
      200,
    );
    expect((await auditOf(user.id))[0]!.seq).toBe(row!.seq);
    expect((await post('/api/auth/update-user', { name: 'Siti' }, {})).statusCode).toBe(401);
  });

  it('changes your own password under the password rule, audited without the password', async () => {
    const user = await buildUser(t.database, []);
    const cookie = await signIn(t.app, user);
    const other = await signIn(t.app, user);
    const change = (body: object) => post('/api/auth/change-password', body, { cookie });

    const wrong = await change({
      currentPassword: 'bukan-ini-sandinya',
      newPassword: 'Rumah-Joglo-Hujan-Sore-41',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      code: 'auth.wrong_current_password',
      fields: [{ path: 'currentPassword' }],
    });
    const mine = await change({
      currentPassword: user.password,
      newPassword: `${user.username}-Rumah-Joglo`,
    });
    expect(mine.json()).toMatchObject({
      code: 'auth.password_contains_identity',
      fields: [{ path: 'newPassword' }],
    });
    const place = await change({ currentPassword: user.password, newPassword: 'Balai-Bekasi-2026' });
    expect(place.json()).toMatchObject({
      code: 'auth.password_too_common',
      fields: [{ path: 'newPassword' }],
    });
    const demo = await change({ currentPassword: user.password, newPassword: 'Atensi-Demo-2026!' });
    expect(demo.json()).toMatchObject({ code: 'auth.password_demo_password' });

    const next = 'Rumah-Joglo-Hujan-Sore-41';
    const ok = await change({ currentPassword: user.password, newPassword: next, revokeOtherSessions: true });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ status: true });
    // This session stays; the other one ended.
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: asUser(cookie) })).statusCode).toBe(
      200,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: asUser(other) })).statusCode).toBe(
      401,
    );
    expect((await attempt(user, user.password, 'email')).statusCode).toBe(401);
    expect((await attempt(user, next, 'email')).statusCode).toBe(200);

    const [row] = (await auditOf(user.id)).filter((r) => r.action === 'update');
    expect(row).toMatchObject({
      actorId: user.id,
      changes: [
        { field: 'password', before: '********', after: '********' },
        { field: 'otherSessionsEnded', after: 1 },
      ],
    });
    expect(JSON.stringify(row)).not.toContain(next);
    expect(JSON.stringify(row)).not.toContain('$argon2');
  });

  it('counts wrong current passwords in the account’s back-off', async () => {
    const user = await buildUser(t.database, []);
    const cookie = await signIn(t.app, user);
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      const res = await post(
        '/api/auth/change-password',
        { currentPassword: `Tebak-${i}`, newPassword: 'Rumah-Joglo-Hujan-Sore-41' },
        { cookie },
      );
      statuses.push(res.statusCode);
      if (res.statusCode === 429) expect(res.headers['retry-after']).toBe('60');
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
  });
});
