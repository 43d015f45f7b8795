import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('works with nothing set', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.HOST).toBe('127.0.0.1');
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.dataDir).toMatch(/data$/);
    expect(c.demoData).toBe(true);
    expect(c.corsOrigins).toEqual([]);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ ATENSI_AUTH_SECRET: 'short' })).toThrow(ConfigError);
  });

  it('makes production safe: own secret required, no demo data', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/ATENSI_AUTH_SECRET/);
    const secret = 'x'.repeat(40);
    expect(loadConfig({ NODE_ENV: 'production', ATENSI_AUTH_SECRET: secret }).demoData).toBe(false);
    expect(() =>
      loadConfig({ NODE_ENV: 'production', ATENSI_AUTH_SECRET: secret, ATENSI_DEMO_DATA: 'true' }),
    ).toThrow(/ATENSI_DEMO_DATA/);
  });

  it('wants the first admin’s email and password together', () => {
    expect(() => loadConfig({ ATENSI_ADMIN_EMAIL: 'a@b.id' })).toThrow(/go together/);
  });

  it('reads DATABASE_URL and CORS origins', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      ATENSI_CORS_ORIGINS: 'https://a.id, https://b.id',
    });
    expect(c.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/test');
    expect(c.corsOrigins).toEqual(['https://a.id', 'https://b.id']);
  });
});
