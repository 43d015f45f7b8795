import { describe, expect, it } from 'vitest';
import { describeError, redactMessage, redactSql, serializeError } from './safe-error.ts';

/** Shaped as pg and PGlite raise them (see log-privacy.int.test.ts for the real ones). */
const databaseError = (fields: Record<string, unknown>) =>
  Object.assign(new Error(String(fields.message)), { name: 'error', severity: 'ERROR', ...fields });

const drizzleError = (cause: Error) =>
  Object.assign(
    new Error(
      'Failed query: insert into "persons" ("nik", "full_name") values ($1, $2)\nparams: 3275014304870021,Siti Aminah',
    ),
    {
      query: 'insert into "persons" ("nik", "full_name") values ($1, $2)',
      params: ['3275014304870021', 'Siti Aminah'],
      cause,
    },
  );

describe('serializeError', () => {
  it('keeps codes, object names, the SQL text and the frames; drops params, detail, hint, where', () => {
    const cause = databaseError({
      message: 'duplicate key value violates unique constraint "persons_nik_live_idx"',
      code: '23505',
      detail: 'Key (nik)=(3275014304870021) already exists.',
      hint: 'Siti Aminah',
      where: 'SQL statement 081234567890',
      table: 'persons',
      constraint: 'persons_nik_live_idx',
      schema: 'public',
      routine: '_bt_check_unique',
      query: 'insert into "persons" ("nik", "full_name") values ($1, $2)',
      params: ['3275014304870021', 'Siti Aminah'],
    });
    const safe = serializeError(drizzleError(cause));
    const text = JSON.stringify(safe);
    expect(text).not.toMatch(/3275014304870021|Siti Aminah|081234567890|params|detail|hint|where/);
    expect(safe).toMatchObject({
      type: 'Error',
      message: 'Failed query',
      query: 'insert into "persons" ("nik", "full_name") values ($1, $2)',
      cause: {
        type: 'DatabaseError',
        sqlState: '23505',
        message: 'duplicate key value violates unique constraint "persons_nik_live_idx"',
        constraint: 'persons_nik_live_idx',
        table: 'persons',
      },
    });
    expect(safe.cause).not.toHaveProperty('query');
    expect(safe.stack).toMatch(/^Error: Failed query\n\s+at /);
  });

  it('cuts the values out of messages and stacks, whatever raised them', () => {
    const error = new Error('invalid input syntax for type date: "1987-04-03" (nik 3275014304870021)');
    const safe = serializeError(error);
    expect(safe.message).toBe('invalid input syntax for type date: "[redacted]" (nik [redacted])');
    expect(safe.stack).not.toContain('1987');
    expect(JSON.stringify(serializeError('a thrown string 081234567890'))).not.toContain('081234567890');
  });

  it('follows causes and aggregate errors, not forever', () => {
    let error: Error = new Error('innermost "Siti"');
    for (let i = 0; i < 10; i++) error = Object.assign(new Error(`level ${i}`), { cause: error });
    expect(JSON.stringify(serializeError(error))).not.toContain('Siti');
    const aggregate = new AggregateError([new Error('connect ECONNREFUSED 127.0.0.1:5432')], 'all failed');
    expect(serializeError(aggregate).errors?.[0]?.message).toBe('connect ECONNREFUSED 127.0.0.1:5432');
  });

  it('names the fields of a Zod error without their values', () => {
    const zod = Object.assign(new Error('[{"path":["nik"],"message":"3275014304870021 is wrong"}]'), {
      name: 'ZodError',
      issues: [
        { path: ['nik'], code: 'custom', message: '3275014304870021 is wrong', input: '3275014304870021' },
      ],
    });
    const safe = serializeError(zod);
    expect(safe.issues).toEqual([{ path: 'nik', code: 'custom' }]);
    expect(JSON.stringify(safe)).not.toContain('3275014304870021');
  });

  it('gives command-line tools the same, as JSON', () => {
    expect(describeError(drizzleError(new Error('x')))).not.toContain('3275014304870021');
  });
});

describe('redactMessage', () => {
  it('keeps quoted object names, blanks quoted values, key details, dates, e-mails and long numbers', () => {
    expect(redactMessage('column "nik" of relation "persons" does not exist')).toBe(
      'column "nik" of relation "persons" does not exist',
    );
    expect(redactMessage('invalid input value for enum sex: "wanita"')).toBe(
      'invalid input value for enum sex: "[redacted]"',
    );
    expect(redactMessage('Key (nik, kk)=(3275014304870021, 3275010101870044) already exists')).toBe(
      'Key (nik, kk)=([redacted]) already exists',
    );
    expect(redactMessage('born 1987-04-03, mail sri@contoh.id, phone +62 813-9876-5432')).toBe(
      'born [redacted], mail [redacted], phone [redacted]',
    );
    expect(redactMessage('connect ECONNREFUSED 127.0.0.1:5432')).toBe('connect ECONNREFUSED 127.0.0.1:5432');
    expect(redactMessage('Failed query: select 1\nparams: 3275014304870021')).toBe('Failed query: select 1');
  });

  it('blanks string literals in SQL text', () => {
    expect(redactSql("select * from persons where full_name = 'Siti ''Ani''' and id = $1")).toBe(
      "select * from persons where full_name = '[redacted]' and id = $1",
    );
  });
});
