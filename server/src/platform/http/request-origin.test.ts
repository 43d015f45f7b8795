import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { appOrigins } from './request-origin.ts';

describe('appOrigins', () => {
  it('is the public origin alone in production, plus the CORS origins', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      ATENSI_AUTH_SECRET: 'x'.repeat(32),
      ATENSI_AUDIT_KEY: 'k'.repeat(32),
      ATENSI_PUBLIC_URL: 'https://atensi.kemensos.go.id/app',
      ATENSI_CORS_ORIGINS: 'https://mitra.kemensos.go.id/, https://dasbor.kemensos.go.id',
    });
    expect(appOrigins(config)).toEqual([
      'https://atensi.kemensos.go.id',
      'https://mitra.kemensos.go.id',
      'https://dasbor.kemensos.go.id',
    ]);
  });

  it('adds the localhost/127.0.0.1 twins and the Vite dev server outside production', () => {
    const config = loadConfig({ NODE_ENV: 'development', PORT: '3000' });
    expect(appOrigins(config)).toEqual([
      'http://localhost:3000',
      'http://localhost:5173',
      'http://127.0.0.1:3000',
      'http://127.0.0.1:5173',
    ]);
  });
});
