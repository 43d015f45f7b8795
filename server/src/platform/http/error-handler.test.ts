import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { installErrorHandler } from './error-handler.ts';

const build = async () => {
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  app.get('/boom', async () => {
    throw new Error('connection to 10.0.0.5 refused; password=hunter2');
  });
  app.post(
    '/echo',
    { schema: { body: z.object({ name: z.string().min(3), age: z.number().int() }) } },
    async (r) => r.body,
  );
  // Errors raised while the answer is sent, not in the handler.
  app.get('/bad-header', async (_r, reply) =>
    reply.type('application/pdf').header('content-disposition', 'attachment; filename="a ✓.pdf"').send('x'),
  );
  app.get(
    '/bad-answer',
    { schema: { response: { 200: z.object({ n: z.number() }) } } },
    // The answer breaks its own schema on purpose: the serializer refuses it while sending.
    async () => ({ n: 'not a number' }) as unknown as { n: number },
  );
  app.get('/file-then-refusal', async (_r, reply) => {
    reply.type('application/pdf').header('content-disposition', 'attachment; filename="surat.pdf"');
    throw new AppError('letter.refused', 409, { id: 'Ditolak.', en: 'Refused.' });
  });
  await app.ready();
  return app;
};

describe('error handler', () => {
  it('turns an unknown error into a 500 that leaks nothing but the request id', async () => {
    const app = await build();
    const res = await app.inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body.code).toBe('server.internal');
    expect(res.body).not.toMatch(/10\.0\.0\.5|hunter2|Error/);
    expect(body.message).toContain(body.requestId);
  });

  it('turns Zod errors into a 400 naming each field, in the caller’s language', async () => {
    const app = await build();
    const id = await app.inject({ method: 'POST', url: '/echo', payload: { name: 'ab', age: 1.5 } });
    expect(id.statusCode).toBe(400);
    expect(id.json()).toMatchObject({
      code: 'request.validation_failed',
      message: 'Periksa kembali isian: name, age.',
      fields: [{ path: 'name' }, { path: 'age' }],
    });
    const en = await app.inject({
      method: 'POST',
      url: '/echo',
      payload: { name: 'ab', age: 1 },
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().fields[0].message).toMatch(/Too small/);
  });

  it('keeps the one error shape when the answer fails while it is sent (a header, the response schema)', async () => {
    const app = await build();
    for (const url of ['/bad-header', '/bad-answer']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(500);
      expect(res.headers['content-type'], url).toMatch(/^application\/json/);
      expect(res.headers['content-disposition'], url).toBeUndefined();
      const body = res.json();
      expect(Object.keys(body).sort(), url).toEqual(['code', 'message', 'requestId']);
      expect(body.code).toBe('server.internal');
      expect(res.body).not.toMatch(/ERR_INVALID_CHAR|not a number|statusCode/);
    }
  });

  it('sends an error as JSON even when the route had started a file', async () => {
    const app = await build();
    const res = await app.inject({ method: 'GET', url: '/file-then-refusal' });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.json()).toMatchObject({ code: 'letter.refused', message: 'Ditolak.' });
  });
});
