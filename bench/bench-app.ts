import type { CreateCenterInput, Role } from '@atensi/domain';
import { type AtensiApp, buildApp } from '../server/src/app.ts';
import { createCenter } from '../server/src/modules/centers/centers.service.ts';
import { systemContext } from '../server/src/modules/users/first-admin.ts';
import { createUser } from '../server/src/modules/users/users.service.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import type { Database } from '../server/src/platform/db/client.ts';

/**
 * The app as the integration tests build it (server/test/app.ts, which cannot be imported
 * outside vitest): silent logs, no demo data, centres and users made through the services,
 * sign-in through Better Auth's real endpoint.
 */
export const benchOrigin = 'http://localhost:3000';
const password = 'Uji-Coba-Atensi-2026';

export const buildBenchApp = (database: Database): Promise<AtensiApp> =>
  buildApp({
    config: loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      ATENSI_DEMO_DATA: 'false',
      ATENSI_PUBLIC_URL: benchOrigin,
    }),
    database,
    webDist: null,
  });

export const createBenchCenter = async (
  database: Database,
  n: number,
  overrides: Partial<CreateCenterInput> = {},
) => {
  const code = `BENCH-${n}`;
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
      serviceClusters: ['child', 'disability', 'elderly', 'poor_vulnerable'],
      coverage: ['32.75'],
      ...overrides,
    },
  });
};

let userSeq = 0;

/** A user with these roles, signed in: returns the headers to send as that user. */
export const signedInAs = async (
  app: AtensiApp,
  database: Database,
  roles: { role: Role; centerId: string | null }[],
): Promise<Record<string, string>> => {
  const username = `bench${++userSeq}`;
  const email = `${username}@uji.test`;
  await createUser({
    db: database.db,
    context: systemContext,
    input: { name: 'Pengguna Uji', email, username, password, roles },
  });
  const response = await app.inject({
    method: 'POST',
    remoteAddress: `10.9.0.${userSeq}`,
    url: '/api/auth/sign-in/email',
    headers: { origin: benchOrigin, 'content-type': 'application/json' },
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookies = [response.headers['set-cookie']].flat().filter((c): c is string => typeof c === 'string');
  return { cookie: cookies.map((c) => c.split(';')[0]).join('; '), origin: benchOrigin };
};
