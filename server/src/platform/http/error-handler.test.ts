import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
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
});
