import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../src/platform/db/client.ts';

let counter = 0;

/** A database of this test file's own, already migrated and holding the regions. */
export const createTestDatabase = async (): Promise<Database> => {
  const info = inject('testDatabase');
  if (info.kind === 'pglite') {
    const loadDataDir = new Blob([readFileSync(info.templatePath)]);
    return openDatabase({ kind: 'pglite', loadDataDir });
  }
  counter += 1;
  const name = `atensi_t_${info.runId}_${process.pid}_${counter}`;
  const admin = new pg.Client({ connectionString: info.adminUrl });
  await admin.connect();
  try {
    // Two files copying the template at the same moment may collide (55006): try again.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${info.template}`);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt > 20) throw error;
        await new Promise((r) => setTimeout(r, 200 + Math.random() * 300));
      }
    }
  } finally {
    await admin.end();
  }
  const url = new URL(info.adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 20 });
  return {
    ...database,
    close: async () => {
      await database.close();
      const drop = new pg.Client({ connectionString: info.adminUrl });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
};
