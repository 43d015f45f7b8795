import { defineConfig } from 'vitest/config';

const integration = (name: string, db: 'pglite' | 'postgres') => ({
  test: {
    name,
    include: ['server/**/*.int.test.ts'],
    environment: 'node',
    env: { TZ: 'UTC', ATENSI_TEST_DB: db },
    globalSetup: ['server/test/global-setup.ts'],
    pool: 'forks' as const,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['domain/src/**/*.test.ts', 'server/src/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          environment: 'node',
          env: { TZ: 'UTC' },
        },
      },
      integration('int-pglite', 'pglite'),
      integration('int-postgres', 'postgres'),
      {
        test: {
          name: 'e2e',
          include: ['web/e2e/**/*.spec.ts'],
          environment: 'node',
          env: { TZ: 'UTC' },
          globalSetup: ['web/e2e/support/global-setup.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
