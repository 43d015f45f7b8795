import type { CreateCenterInput, Role } from '@atensi/domain';
import { type AtensiApp, buildApp } from '../src/app.ts';
import { createCenter } from '../src/modules/centers/centers.service.ts';
import { systemContext } from '../src/modules/users/first-admin.ts';
import { createUser } from '../src/modules/users/users.service.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { Database } from '../src/platform/db/client.ts';
import { createTestDatabase } from './db.ts';

export const testPassword = 'Uji-Coba-Atensi-2026';
export const testOrigin = 'http://localhost:3000';

/** `secret`: the app's signing secret, for tests that mint tokens as a browser would receive them. */
export type TestContext = { app: AtensiApp; database: Database; secret: string; close: () => Promise<void> };

/** A real app on this file's own database. Config as in production, but silent logs and no demo data. */
export const createTestApp = async (
  env: Record<string, string> = {},
  /** `now`: the clock of the sign-in back-off, for tests that let its waits pass. */
  options: { now?: () => Date } = {},
): Promise<TestContext> => {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    // ATENSI_TEST_LOG_LEVEL=error shows the server's own log while debugging a test.
    LOG_LEVEL: (process.env.ATENSI_TEST_LOG_LEVEL as 'error' | undefined) ?? 'silent',
    ATENSI_DEMO_DATA: 'false',
    ATENSI_PUBLIC_URL: testOrigin,
    ...env,
  });
  const app = await buildApp({ config, database, webDist: null, ...options });
  return {
    app,
    database,
    secret: config.authSecret,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
};

let sequence = 0;
const unique = () =>
  `${process.pid.toString(36)}${(++sequence).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A centre of the test's own, in Kota Bekasi unless told otherwise. */
export const buildCenter = async (database: Database, overrides: Partial<CreateCenterInput> = {}) => {
  const code = `T-${unique()}`.toUpperCase();
  return createCenter({
    db: database.db,
    context: systemContext,
    input: {
      code,
      name: `Balai Uji ${code}`,
      type: 'balai',
      street: 'Jl. Uji No. 1',
      regionCode: '32.75.01.1001',
      latitude: -6.24,
      longitude: 106.99,
      phone: '021-1234567',
      email: null,
      headName: 'Kepala Uji',
      bedCapacity: 50,
      occupiedBeds: 10,
      facilities: ['warehouse'],
      specialtyClusters: ['social_deviance_trafficking'],
      serviceClusters: [
        'child',
        'disability',
        'elderly',
        'napza',
        'social_deviance_trafficking',
        'odgj',
        'disaster_victim',
        'poor_vulnerable',
      ],
      coverage: ['32.75', '32.16'],
      ...overrides,
    },
  });
};

export type TestUser = { id: string; email: string; username: string; password: string };

export const buildUser = async (
  database: Database,
  roles: { role: Role; centerId: string | null }[],
): Promise<TestUser> => {
  const username = `u${unique()}`;
  const email = `${username}@uji.test`;
  const user = await createUser({
    db: database.db,
    context: systemContext,
    input: { name: 'Pengguna Uji', email, username, password: testPassword, roles },
  });
  return { id: user.id, email, username, password: testPassword };
};

const randomAddress = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250) + 1).join('.')}`;

/** Signs in through Better Auth's real endpoint (from an address of its own, clear of rate limits); returns the Cookie header. */
export const signIn = async (app: AtensiApp, user: { email: string; password: string }): Promise<string> => {
  const response = await app.inject({
    method: 'POST',
    remoteAddress: randomAddress(),
    url: '/api/auth/sign-in/email',
    headers: { origin: testOrigin, 'content-type': 'application/json' },
    payload: { email: user.email, password: user.password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookies = [response.headers['set-cookie']].flat().filter((c): c is string => typeof c === 'string');
  return cookies.map((c) => c.split(';')[0]).join('; ');
};

export const asUser = (cookie: string) => ({ cookie, origin: testOrigin });
