import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/app.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('platform', () => {
  it('runs on the database its test project names (PostgreSQL races must run on PostgreSQL)', () => {
    expect(t.database.kind).toBe(process.env.ATENSI_TEST_DB);
  });

  it('reports health: database reachable, version, migrations applied', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const h = res.json();
    expect(h.status).toBe('ok');
    expect(h.database.reachable).toBe(true);
    expect(h.migrations.upToDate).toBe(true);
    expect(h.migrations.applied).toBeGreaterThanOrEqual(3);
    expect(h.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('publishes OpenAPI and the docs UI', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/centers', '/api/centers/{id}', '/api/regions']),
    );
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('sends security headers and no-store on API answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('switches off camera, microphone, location, payment, USB and other powerful features on every answer', async () => {
    for (const url of ['/api/health', '/api/tidak-ada', '/lapor']) {
      const policy = String((await t.app.inject({ method: 'GET', url })).headers['permissions-policy']);
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'serial', 'bluetooth'])
        expect(policy, url).toContain(`${feature}=()`);
      expect(policy).toContain('fullscreen=(self)');
    }
  });

  it('keeps CORS closed by default', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/centers',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers unknown API paths, malformed and oversized bodies in the error shape', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/tidak-ada' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'request.not_found', message: 'Alamat tidak ditemukan.' });
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      headers: { 'content-type': 'application/json' },
      payload: '{"token": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('request.malformed');
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ token: 'x'.repeat(2_000_000) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('request.too_large');
  });

  it('asks to sign in on protected routes', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/centers',
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'auth.required', message: 'Please sign in first.' });
  });
});
