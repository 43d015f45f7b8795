import type { Role } from '@atensi/domain';
import { roles } from '@atensi/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext, testOrigin } from '../test/app.ts';
import {
  applyMutation,
  emojiText,
  fieldMutations,
  firstTextField,
  type JsonSchema,
  pathName,
  resolve,
  unboundedFields,
  unknownId,
} from '../test/bad-input.ts';
import { type Call, type Ctx, type RouteSession, samples, setupRouteSamples } from '../test/route-samples.ts';
import { rowsOf } from './platform/db/client.ts';
import type { RouteCatalogEntry } from './platform/http/route-config.ts';
import { can } from './platform/policy/policy.ts';

/**
 * The generated bad-input suite (issue 10): every route of the catalogue, called as a role its
 * rule allows on real objects (server/test/route-samples.ts), gets requests mutated from its
 * OpenAPI schemas — wrong types, missing fields, NUL, lone surrogates, emoji, year 0000 and
 * 9999, negative and huge numbers, huge strings and bodies, malformed JSON, other content
 * types, unknown fields. It fails on any 5xx, on a 4xx outside the one error shape, on a 400
 * that does not name the mutated field, on a 2xx for a value the schema refuses, and on any row
 * a refused request left behind (every table counted before and after each request).
 */

/** Routes of the catalogue that are not mutated, each with its reason. */
const skipped: Record<string, string> = {
  'GET /api/openapi.json': 'takes no input, and the document it serves leaves itself out',
};

/** Tables a refused request may legitimately write, each with its reason. */
const writableOnRefusal: Record<string, string> = {
  rate_limit_hits: 'the public SERASI routes count every attempt that reaches them, refused or not',
};

type Parameter = { name: string; in: 'path' | 'query'; required?: boolean; schema: JsonSchema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
};
type Probe = {
  label: string;
  /** The field it concerns, as the error's `fields` names it; '' for the request as a whole. */
  path: string;
  mustRefuse: boolean;
  build: (base: Call) => { url: string; payload?: string; contentType?: string };
};

const json = 'application/json';
/** Past the largest body limit of any route. */
const maxBody = 5 * 1_048_576;

let t: TestContext;
let ctx: Ctx;
let sessions: Map<Role, RouteSession>;
let document: { paths: Record<string, Record<string, Operation>> };
let countSql: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ ctx, sessions } = await setupRouteSamples(t));
  document = t.app.swagger() as unknown as typeof document;
  const tables = rowsOf<{ tablename: string }>(
    await t.database.db.execute(
      sql`select tablename from pg_tables where schemaname = 'public' and tablename <> 'regions' order by 1`,
    ),
  ).map((r) => r.tablename);
  countSql = `select ${tables.map((n) => `(select count(*) from "${n}")::int as "${n}"`).join(', ')}`;
}, 180_000);
afterAll(() => t?.close());

/** Rows in every table but the regions (91,000 rows nobody writes). */
let countMs = 0;
let sendMs = 0;
let counted = 0;
const countRows = async (): Promise<Record<string, number>> => {
  const s = performance.now();
  counted += 1;
  const r = rowsOf<Record<string, number>>(await t.database.db.execute(sql.raw(countSql)))[0]!;
  countMs += performance.now() - s;
  return r;
};

/**
 * The next transaction id: it moves only when a transaction wrote (or tried to and rolled
 * back), so the tables are counted again only then — counting them after every request
 * doubled the suite's time. Other databases on a PostgreSQL server move it too; that only
 * means counting more often.
 */
const writeMark = async (): Promise<string> =>
  rowsOf<{ x: string }>(
    await t.database.db.execute(sql`select pg_snapshot_xmax(pg_current_snapshot())::text as x`),
  )[0]!.x;

/** Row counts as of the last write mark; `changes` answers what was written since. */
const rowWatch = async () => {
  let counts = await countRows();
  let mark = await writeMark();
  return {
    /** Counts again if anything wrote since the last look (a fresh sample made for the next request). */
    settle: async () => {
      const now = await writeMark();
      if (now !== mark) {
        counts = await countRows();
        mark = now;
      }
    },
    /** The tables whose rows changed since the last look. */
    changes: async (): Promise<string[]> => {
      const now = await writeMark();
      if (now === mark) return [];
      const after = await countRows();
      const changed = written(counts, after);
      counts = after;
      mark = now;
      return changed;
    },
  };
};

const written = (before: Record<string, number>, after: Record<string, number>) =>
  Object.keys(after)
    .filter((k) => after[k] !== before[k] && !(k in writableOnRefusal))
    .map((k) => `${k} ${before[k]}→${after[k]}`);

const routes = () => t.app.routeCatalog.filter((r) => r.url !== '/api/auth/*');
const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');
const operationOf = (method: string, url: string) =>
  document.paths[openApiPath(url)]?.[method.toLowerCase()] as Operation | undefined;

const loneSurrogate = /([\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])/;

/** Encoded for a URL; a lone surrogate as the bytes a careless client sends (WTF-8). */
const encode = (v: string) =>
  v
    .split(loneSurrogate)
    .map((part) =>
      part.length === 1 && loneSurrogate.test(part)
        ? Buffer.from([0xed, 0xa0 | ((part.charCodeAt(0) >> 6) & 0x1f), 0x80 | (part.charCodeAt(0) & 0x3f)])
            .toString('hex')
            .replace(/../g, '%$&')
            .toUpperCase()
        : encodeURIComponent(part),
    )
    .join('');

/** Values tried in a path segment or a query string, all text by nature. */
const textMutations = (s: JsonSchema, where: 'path' | 'query') => {
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  const out: { label: string; value: string; mustRefuse: boolean }[] = [
    { label: 'NUL', value: 'ab\u0000cd', mustRefuse: true },
    // In a path the router refuses the bytes; a query string keeps them as the text "%ED%A0%80".
    { label: 'lone surrogate', value: 'ab\ud800cd', mustRefuse: where === 'path' },
    { label: 'emoji', value: emojiText, mustRefuse: Boolean(s.enum || s.format || type !== 'string') },
    {
      label: '300 characters',
      value: 'x'.repeat(300),
      mustRefuse: s.maxLength !== undefined && s.maxLength < 300,
    },
  ];
  if (type === 'number' || type === 'integer') {
    out.push(
      { label: 'not a number', value: 'dua', mustRefuse: true },
      { label: 'number -1', value: '-1', mustRefuse: s.minimum !== undefined && s.minimum > -1 },
      { label: 'number 1e308', value: '1e308', mustRefuse: true },
      {
        label: 'number 2147483648',
        value: '2147483648',
        mustRefuse: s.maximum !== undefined && s.maximum < 2_147_483_648,
      },
    );
  }
  if (s.format === 'date') {
    out.push(
      { label: 'year 0000', value: '0000-01-01', mustRefuse: true },
      { label: 'year 9999', value: '9999-12-31', mustRefuse: true },
    );
  }
  if (s.format === 'uuid') out.push({ label: 'id of nothing', value: unknownId, mustRefuse: false });
  return out;
};

/** The valid call's body, sent along with a mutated path or query. */
const sameBody = (base: Call) =>
  base.payload === undefined ? {} : { payload: JSON.stringify(base.payload), contentType: json };

/** The probes of one route, built from its operation; each takes a fresh valid call. */
const probesOf = (method: string, template: string, op: Operation, sampleBody: unknown): Probe[] => {
  const probes: Probe[] = [];
  const params = op.parameters ?? [];
  const segments = template.split('/');
  for (const p of params.filter((x) => x.in === 'path')) {
    const at = segments.indexOf(`:${p.name}`);
    const { schema } = resolve(p.schema);
    for (const m of textMutations(schema, 'path')) {
      probes.push({
        label: m.label,
        path: p.name,
        mustRefuse: m.mustRefuse,
        build: (base) => {
          const [path, query] = base.url.split('?');
          const parts = path!.split('/');
          parts[at] = encode(m.value);
          return { ...sameBody(base), url: `${parts.join('/')}${query ? `?${query}` : ''}` };
        },
      });
    }
  }
  for (const p of params.filter((x) => x.in === 'query')) {
    const { schema } = resolve(p.schema);
    const withQuery = (base: Call, value: string | null) => {
      const [path, query] = base.url.split('?');
      const kept = (query ?? '').split('&').filter((kv) => kv !== '' && kv.split('=')[0] !== p.name);
      return [path, [...kept, ...(value === null ? [] : [`${p.name}=${value}`])].join('&')].join('?');
    };
    if (p.required) {
      probes.push({
        label: 'missing',
        path: p.name,
        mustRefuse: true,
        build: (base) => ({ ...sameBody(base), url: withQuery(base, null) }),
      });
    }
    for (const m of textMutations(schema, 'query')) {
      probes.push({
        label: m.label,
        path: p.name,
        mustRefuse: m.mustRefuse,
        build: (base) => ({ ...sameBody(base), url: withQuery(base, encode(m.value)) }),
      });
    }
  }
  if (method === 'GET' || method === 'DELETE') {
    probes.push({
      label: 'unknown query value',
      path: '',
      mustRefuse: false,
      build: (base) => ({ url: `${base.url}${base.url.includes('?') ? '&' : '?'}tidakDikenal=1` }),
    });
    return probes;
  }
  const schema = op.requestBody?.content[json]?.schema;
  const body = (base: Call, value: unknown) => ({
    url: base.url,
    payload: JSON.stringify(value),
    contentType: json,
  });
  const whole: Probe[] = [
    {
      label: 'malformed JSON',
      path: '',
      mustRefuse: true,
      build: (b) => ({ url: b.url, payload: '{"a":', contentType: json }),
    },
    {
      label: 'empty JSON body',
      path: '',
      mustRefuse: true,
      build: (b) => ({ url: b.url, payload: '', contentType: json }),
    },
    {
      label: 'form-urlencoded body',
      path: '',
      mustRefuse: Boolean(schema),
      build: (b) => ({
        url: b.url,
        payload: 'a=1',
        contentType: 'application/x-www-form-urlencoded',
      }),
    },
    {
      label: 'text/plain body',
      path: '',
      mustRefuse: Boolean(schema),
      build: (b) => ({ url: b.url, payload: JSON.stringify(b.payload ?? {}), contentType: 'text/plain' }),
    },
    {
      // Over every route's limit (1 MiB; 5 MiB for a SERASI report with its photo).
      label: `body over ${maxBody} bytes`,
      path: '',
      mustRefuse: true,
      build: (b) => body(b, { ...(b.payload as object), padding: 'x'.repeat(maxBody + 100) }),
    },
    {
      label: 'unknown field',
      path: '',
      mustRefuse: false,
      build: (b) => body(b, { ...(b.payload as object), tidakDikenal: 'x' }),
    },
  ];
  probes.push(...whole);
  if (!schema) return probes;
  probes.push(
    { label: 'a list for the body', path: '', mustRefuse: true, build: (b) => body(b, [b.payload]) },
    { label: 'a string for the body', path: '', mustRefuse: true, build: (b) => body(b, 'x') },
    { label: 'null for the body', path: '', mustRefuse: true, build: (b) => body(b, null) },
  );
  const big = firstTextField(schema);
  if (big) {
    const max = resolve(schema).schema.properties?.[big]?.maxLength;
    probes.push({
      label: '1 MB text',
      path: big,
      mustRefuse: max === undefined || max < 1_000_000,
      build: (b) => body(b, { ...(b.payload as object), [big]: 'x'.repeat(1_000_000) }),
    });
  }
  // Applied to each fresh valid body; the sample body gives the fields' shape and values.
  for (const m of fieldMutations(schema, sampleBody)) {
    probes.push({
      label: m.label,
      path: pathName(m.path),
      mustRefuse: m.mustRefuse,
      build: (b) => body(b, applyMutation(b.payload, m)),
    });
  }
  return probes;
};

/** A role the route's rule allows for this call (the first in the list), or null for a public route. */
const callerFor = (entry: RouteCatalogEntry, call: Call): RouteSession | null | undefined => {
  if (entry.rule.public) return null;
  const scope = call.resourceCenterId === undefined ? undefined : { centerId: call.resourceCenterId };
  const role = roles.find((r) => can(sessions.get(r)!.actor, entry.rule, scope).allowed);
  return role ? sessions.get(role) : undefined;
};

const errorKeys = new Set(['code', 'message', 'requestId', 'fields', 'details']);

/** What is wrong with a 4xx answer, or null when it has the one error shape. */
const shapeProblem = (
  res: { body: string; headers: Record<string, unknown> },
  probe: Probe,
): string | null => {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(res.body);
  } catch {
    return 'not JSON';
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'not an object';
  const extra = Object.keys(body).filter((k) => !errorKeys.has(k));
  if (extra.length > 0) return `keys outside the error shape: ${extra.join(', ')}`;
  if (typeof body.code !== 'string' || typeof body.message !== 'string' || body.message === '')
    return 'no code or message';
  if (body.requestId !== res.headers['x-request-id']) return 'requestId is not the x-request-id';
  const fields = body.fields as { path: unknown; message: unknown }[] | undefined;
  if (fields !== undefined) {
    if (
      !Array.isArray(fields) ||
      fields.some((f) => typeof f.path !== 'string' || typeof f.message !== 'string')
    )
      return 'fields not [{path, message}]';
  }
  // A value its field's schema refuses must be named; a valid one refused by a rule across
  // fields (a null birth date without a year) is named where that rule says.
  if (body.code === 'request.validation_failed' && probe.path !== '' && probe.mustRefuse) {
    const named = (fields ?? []).some(
      (f) =>
        f.path === probe.path ||
        String(f.path).startsWith(`${probe.path}.`) ||
        probe.path.startsWith(`${String(f.path)}.`),
    );
    if (!named)
      return `400 does not name ${probe.path} (names ${(fields ?? []).map((f) => f.path).join(', ')})`;
  }
  return null;
};

const randomAddress = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250) + 1).join('.')}`;

describe('generated bad input', () => {
  it('covers every route of the catalogue, or says why not', () => {
    const keys = routes().map((r) => `${r.method} ${r.url}`);
    const uncovered = keys.filter(
      (k) => !skipped[k] && (!samples[k] || !operationOf(k.split(' ')[0]!, k.split(' ')[1]!)),
    );
    expect(uncovered, 'routes with neither a sample and an OpenAPI operation nor a reason to skip').toEqual(
      [],
    );
    expect(Object.entries(skipped).filter(([k, why]) => !keys.includes(k) || why.trim().length < 10)).toEqual(
      [],
    );
  });

  it('has no text field or list without a bound', () => {
    const unbounded = routes().flatMap((r) => {
      const op = operationOf(r.method, r.url);
      if (!op) return [];
      const body = op.requestBody?.content[json]?.schema;
      const fields = [
        ...(op.parameters ?? []).flatMap((p) => unboundedFields(p.schema, [p.name])),
        ...(body ? unboundedFields(body) : []),
      ];
      return fields.map((f) => `${r.method} ${r.url}: ${f}`);
    });
    expect(unbounded).toEqual([]);
  });

  it('sees a row left behind, and not a write that was rolled back', async () => {
    const rows = await rowWatch();
    await t.database.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into rate_limit_hits (key, window_start, count) values ('x', now(), 1)`);
        await tx.execute(
          sql`insert into case_counters (center_id, year, last_seq) values (${ctx.ownCenter}, 1999, 1)`,
        );
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await rows.changes()).toEqual([]);
    await t.database.db.execute(
      sql`insert into case_counters (center_id, year, last_seq) values (${ctx.ownCenter}, 1998, 1)`,
    );
    expect(await rows.changes()).toEqual([expect.stringMatching(/^case_counters \d+→\d+$/)]);
  });

  it('answers every mutated request with a 2xx or the one 4xx error shape, and writes nothing it refuses', async () => {
    const started = Date.now();
    const failures: string[] = [];
    let requests = 0;
    let accepted = 0;
    for (const entry of routes()) {
      const key = `${entry.method} ${entry.url}`;
      const sample = samples[key];
      const op = operationOf(entry.method, entry.url);
      if (skipped[key] || !sample || !op) continue;
      let base: Call | null = null;
      const fresh = async () => {
        base = (await sample.calls(ctx))[0]!;
        return base;
      };
      const first = await fresh();
      const caller = callerFor(entry, first);
      if (caller === undefined) {
        failures.push(`${key}: no role may call it`);
        continue;
      }
      const send = async (r: { url: string; payload?: string; contentType?: string }) => {
        requests += 1;
        return t.app.inject({
          method: entry.method as 'GET',
          url: r.url,
          remoteAddress: randomAddress(),
          headers: {
            origin: testOrigin,
            ...(caller ? { cookie: caller.cookie } : {}),
            ...(r.contentType ? { 'content-type': r.contentType } : {}),
          },
          ...(r.payload === undefined ? {} : { payload: r.payload }),
        });
      };
      // The valid call itself must reach its status, or the mutations prove nothing.
      const valid = await send({
        url: first.url,
        ...(first.payload === undefined ? {} : { payload: JSON.stringify(first.payload), contentType: json }),
      });
      if (valid.statusCode !== sample.status) {
        failures.push(`${key}: the valid sample answered ${valid.statusCode} ${valid.body.slice(0, 200)}`);
        continue;
      }
      let stale = valid.statusCode < 300;
      const rows = await rowWatch();
      for (const probe of probesOf(entry.method, entry.url, op, first.payload)) {
        if (stale || !base) {
          await fresh();
          stale = false;
          await rows.settle();
        }
        const request = probe.build(base!);
        const s0 = performance.now();
        const res = await send(request);
        sendMs += performance.now() - s0;
        const status = res.statusCode;
        const where = `${key} | ${probe.label}${probe.path ? ` at ${probe.path}` : ''} → ${status}`;
        const changed = await rows.changes();
        if (status >= 500) failures.push(`${where} ${res.body.slice(0, 200)}`);
        else if (status < 300) {
          accepted += 1;
          stale = true;
          if (probe.mustRefuse) failures.push(`${where}: accepted a value the schema refuses`);
        } else if (status < 400 || status >= 500) failures.push(`${where}: unexpected status`);
        else {
          const problem = shapeProblem(res, probe);
          if (problem) failures.push(`${where}: ${problem} ${res.body.slice(0, 200)}`);
          if (changed.length > 0) failures.push(`${where}: refused but wrote ${changed.join(', ')}`);
        }
      }
    }
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    console.info(
      `bad input (${t.database.kind}): ${requests} requests over ${routes().length} routes in ${seconds} s ` +
        `(sending ${Math.round(sendMs / 1000)} s, counting rows ${counted} times in ${Math.round(countMs / 1000)} s), ` +
        `${accepted} mutations legitimately accepted, ${failures.length} failures`,
    );
    expect(failures).toEqual([]);
  }, 900_000);
});
