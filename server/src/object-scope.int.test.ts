import type { Role } from '@atensi/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext, testOrigin } from '../test/app.ts';
import { pdfText, xlsxText } from '../test/documents.ts';
import { buildWorld, centerRoles, secrets, type World } from './object-scope.fixtures.ts';
import { refusedStatuses, type ScopeCall, scopeSamples } from './object-scope.samples.ts';
import { rowsOf } from './platform/db/client.ts';
import { can } from './platform/policy/policy.ts';

/**
 * The object-scope table (issue 10, decision 0017). The role × route table
 * (policy-matrix.int.test.ts) calls every route with objects of the caller's own centre; this
 * one names objects of ANOTHER centre — in the path, the query and the body — and the own
 * centre's sensitive case assigned to somebody else, as every role held at the own centre.
 * Each call must be refused (403/404, or 400/422 naming the body field), or, for a list
 * filtered by a foreign id, answer without the foreign objects; no answer may carry the
 * foreign person's data, and nothing may be written (no row changed, no audit row).
 * A route naming an id without a sample here, or a stated reason why it crosses centres,
 * fails the completeness test.
 */
let t: TestContext;
let w: World;
/** The tables a refused request must leave as they were (every one but the static and the session-keeping ones). */
let watched: string[];

/** Not part of what a request may change: reference data and sign-in/session bookkeeping. */
const unwatched = new Set(['regions', 'sessions', 'verifications', 'rate_limit_hits']);

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  watched = rowsOf<{ name: string }>(
    await t.database.db.execute(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ),
  )
    .map((r) => r.name)
    .filter((n) => !unwatched.has(n));
}, 240_000);
afterAll(() => t?.close());

/** One digest per table of every row, so any insert, update or delete shows. */
const fingerprint = async (): Promise<Record<string, string>> => {
  const parts = watched.map(
    (name) =>
      sql`select ${name} as name, count(*)::int || ':' || coalesce(md5(string_agg(md5(x::text), '' order by md5(x::text))), '') as digest from ${sql.identifier(name)} x`,
  );
  const rows = rowsOf<{ name: string; digest: string }>(
    await t.database.db.execute(sql.join(parts, sql` union all `)),
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
};

type OpenApi = {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};
type OpenApiOperation = {
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
type JsonSchema = {
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

const isIdName = (name: string) => name === 'id' || /Ids?$/.test(name);

/** Every property of a body schema that names an object by id, as a dotted path (`lines[].itemId`). */
const bodyIds = (
  doc: OpenApi,
  schema: JsonSchema | undefined,
  prefix = '',
  seen = new Set<JsonSchema>(),
): string[] => {
  if (!schema || seen.has(schema)) return [];
  seen.add(schema);
  if (schema.$ref) {
    const target = doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')];
    return bodyIds(doc, target, prefix, seen);
  }
  const out: string[] = [];
  for (const part of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
    out.push(...bodyIds(doc, part, prefix, seen));
  for (const [key, value] of Object.entries(schema.properties ?? {})) {
    if (isIdName(key)) out.push(`${prefix}${key}`);
    out.push(...bodyIds(doc, value, `${prefix}${key}.`, seen));
  }
  if (schema.items) out.push(...bodyIds(doc, schema.items, prefix.replace(/\.$/, '[].'), seen));
  return out;
};

/** The ids a route names: its path parameters, query parameters ending in Id, body id fields. */
const idsOfRoute = (doc: OpenApi, method: string, url: string): string[] => {
  const op = doc.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
  const params = (op?.parameters ?? [])
    .filter((p) => p.in === 'path' || (p.in === 'query' && isIdName(p.name)))
    .map((p) => p.name);
  const body = bodyIds(doc, op?.requestBody?.content?.['application/json']?.schema);
  return [...new Set([...params, ...body])];
};

const routes = () => t.app.routeCatalog.filter((r) => r.url !== '/api/auth/*');

describe('objects of another centre', () => {
  it('has, for every id a route names, a foreign-object sample or the reason it crosses centres', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as OpenApi;
    const missing: string[] = [];
    const stale: string[] = [];
    let named = 0;
    for (const r of routes()) {
      const key = `${r.method} ${r.url}`;
      const ids = idsOfRoute(doc, r.method, r.url);
      named += ids.length;
      const sample = scopeSamples[key];
      if (ids.length === 0) {
        if (sample) stale.push(`${key}: names no id, needs no sample`);
        continue;
      }
      if (!sample) {
        missing.push(`${key}: ${ids.join(', ')}`);
        continue;
      }
      const accounted = new Set([...sample.covers, ...Object.keys(sample.intended ?? {})]);
      const open = ids.filter((id) => !accounted.has(id));
      if (open.length > 0) missing.push(`${key}: ${open.join(', ')}`);
      const unknown = [...accounted].filter((id) => !ids.includes(id));
      if (unknown.length > 0) stale.push(`${key}: ${unknown.join(', ')} not in the route`);
      if (sample.covers.length > 0 && sample.calls(w).length === 0)
        missing.push(`${key}: covers ids but makes no call`);
    }
    expect(missing, 'ids without a foreign-object sample in object-scope.samples.ts').toEqual([]);
    expect(stale, 'samples that no longer match their route').toEqual([]);
    const known = new Set(routes().map((r) => `${r.method} ${r.url}`));
    expect(Object.keys(scopeSamples).filter((k) => !known.has(k))).toEqual([]);
    // The OpenAPI walk must see the ids at all (a broken walk would pass everything).
    expect(named).toBeGreaterThan(150);
  });

  it('refuses every role of the own centre, writes nothing and answers no personal data', async () => {
    const problems: string[] = [];
    let calls = 0;
    const forbidden = [...Object.values(secrets)];
    for (const entry of routes()) {
      const key = `${entry.method} ${entry.url}`;
      const sample = scopeSamples[key];
      if (!sample) continue;
      const before = await fingerprint();
      for (const call of sample.calls(w) as ScopeCall[]) {
        for (const role of (call.roles ?? centerRoles) as readonly Role[]) {
          const who = w.callers.get(role)!;
          const admitted = can(
            who.actor,
            entry.rule,
            call.resourceCenterId === undefined ? undefined : { centerId: call.resourceCenterId },
          ).allowed;
          const expected = admitted ? (call.statuses ?? refusedStatuses) : [403];
          const res = await t.app.inject({
            method: entry.method as 'GET',
            url: call.url,
            headers: { origin: testOrigin, cookie: who.cookie },
            ...(call.payload === undefined ? {} : { payload: call.payload as object }),
          });
          calls += 1;
          const label = `${role} ${key} (${call.url})`;
          if (!expected.includes(res.statusCode)) {
            problems.push(
              `${label}: expected ${expected.join('/')}, got ${res.statusCode} ${res.body.slice(0, 200)}`,
            );
            continue;
          }
          const text =
            res.statusCode === 200 && call.document === 'pdf'
              ? pdfText(res.rawPayload)
              : res.statusCode === 200 && call.document === 'xlsx'
                ? await xlsxText(res.rawPayload)
                : res.body;
          const leaked = [...forbidden, ...(call.absent ?? [])].filter((s) => text.includes(s));
          if (leaked.length > 0) problems.push(`${label}: answer carries ${leaked.join(', ')}`);
        }
      }
      const after = await fingerprint();
      const changed = Object.keys(after).filter((name) => after[name] !== before[name]);
      if (changed.length > 0) problems.push(`${key}: changed ${changed.join(', ')}`);
    }
    expect(problems).toEqual([]);
    expect(calls).toBeGreaterThan(800);
  }, 600_000);
});
