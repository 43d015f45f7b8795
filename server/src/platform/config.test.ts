import { describe, expect, it } from 'vitest';
import { ConfigError, developmentAuditKey, loadConfig } from './config.ts';

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
    const auditKey = 'k'.repeat(40);
    const production = { NODE_ENV: 'production', ATENSI_AUTH_SECRET: secret, ATENSI_AUDIT_KEY: auditKey };
    expect(loadConfig(production).demoData).toBe(false);
    expect(() => loadConfig({ ...production, ATENSI_DEMO_DATA: 'true' })).toThrow(/ATENSI_DEMO_DATA/);
  });

  it('needs an audit key of its own in production, kept apart from the session secret', () => {
    const base = { NODE_ENV: 'production', ATENSI_AUTH_SECRET: 'x'.repeat(40) };
    expect(() => loadConfig(base)).toThrow(/ATENSI_AUDIT_KEY: required in production/);
    expect(() => loadConfig({ ...base, ATENSI_AUDIT_KEY: 'short' })).toThrow(/ATENSI_AUDIT_KEY/);
    expect(() => loadConfig({ ...base, ATENSI_AUDIT_KEY: developmentAuditKey })).toThrow(/ATENSI_AUDIT_KEY/);
    expect(() => loadConfig({ ...base, ATENSI_AUDIT_KEY: 'x'.repeat(40) })).toThrow(
      /differ from ATENSI_AUTH_SECRET/,
    );
    expect(() =>
      loadConfig({ ...base, ATENSI_AUDIT_KEY: 'k'.repeat(40), ATENSI_AUDIT_PREVIOUS_KEYS: 'old' }),
    ).toThrow(/ATENSI_AUDIT_PREVIOUS_KEYS/);
    const c = loadConfig({
      ...base,
      ATENSI_AUDIT_KEY: 'k'.repeat(40),
      ATENSI_AUDIT_PREVIOUS_KEYS: ` ${'a'.repeat(32)} , ${'b'.repeat(32)}`,
    });
    expect(c.auditPreviousKeys).toEqual(['a'.repeat(32), 'b'.repeat(32)]);
    // Development: a default key, so `npm start` needs nothing.
    expect(loadConfig({}).auditKey).toBe(developmentAuditKey);
  });

  it('keeps audit checkpoints beside the PGlite folder, or where ATENSI_AUDIT_CHECKPOINT_DIR says', () => {
    expect(loadConfig({ ATENSI_DATA_DIR: '/srv/atensi/data/' }).auditCheckpointDir).toBe(
      '/srv/atensi/data-audit-checkpoints',
    );
    expect(loadConfig({ DATABASE_URL: 'postgres://a@b/c' }).auditCheckpointDir).toMatch(
      /\/audit-checkpoints$/,
    );
    expect(loadConfig({ ATENSI_AUDIT_CHECKPOINT_DIR: '/mnt/wal/cp' }).auditCheckpointDir).toBe('/mnt/wal/cp');
    expect(loadConfig({}).ATENSI_AUDIT_CHECKPOINT_MINUTES).toBe(5);
  });

  it('takes a migration role only beside the app role', () => {
    expect(() => loadConfig({ ATENSI_MIGRATION_DATABASE_URL: 'postgres://owner@h/atensi' })).toThrow(
      /ATENSI_MIGRATION_DATABASE_URL/,
    );
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
