/**
 * Mutations of a valid request, generated from the route's OpenAPI schemas (which
 * fastify-type-provider-zod builds from the same Zod schemas that validate the request). Used by
 * server/src/bad-input.int.test.ts. Each mutation says whether the schema itself refuses the
 * value (`mustRefuse`): then a 2xx answer is a failure; otherwise (an emoji in free text, a
 * negative number where none is forbidden, an id of nothing) any answer but a 5xx may do.
 */

/** JSON Schema as @fastify/swagger writes it (OpenAPI 3.0: `nullable`). */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
};

export type Path = (string | number)[];

/** One field change: a value put at `path`, or the field removed. */
export type FieldMutation = { label: string; path: Path; mustRefuse: boolean } & (
  | { value: unknown }
  | { remove: true }
);

export const pathName = (path: Path) => path.join('.');

/** An id in the right shape that names nothing (a UUIDv7 of 2019). */
export const unknownId = '01900000-0000-7000-8000-000000000000';
/** Issue 10 point 7: a case problem ending in an emoji that a mask cut in half. */
export const emojiText = 'Mohon bantuan segera 🙏 ya';

/** The schema a value must match, unions of one real choice unwrapped; `nullable` when null is one. */
export const resolve = (schema: JsonSchema, base?: unknown): { schema: JsonSchema; nullable: boolean } => {
  let nullable = schema.nullable === true;
  const choices = schema.anyOf ?? schema.oneOf;
  if (!choices) return { schema, nullable };
  const flat: JsonSchema[] = [];
  for (const c of choices) {
    const r = resolve(c);
    nullable ||= r.nullable;
    if (r.schema.type === 'null') nullable = true;
    // '' as an alternative to a date ("not yet chosen"): the date is the schema to test.
    else if (r.schema.const !== '' && r.schema.type !== undefined) flat.push(r.schema);
    else if (r.schema.anyOf || r.schema.properties) flat.push(r.schema);
  }
  if (flat.length <= 1) return { schema: flat[0] ?? {}, nullable };
  // A union of objects (a person by id, or a quick registration): the one the base value uses.
  if (base && typeof base === 'object') {
    const keys = Object.keys(base);
    const best = [...flat].sort(
      (a, b) =>
        keys.filter((k) => k in (b.properties ?? {})).length -
        keys.filter((k) => k in (a.properties ?? {})).length,
    )[0]!;
    return { schema: best, nullable };
  }
  return { schema: flat[0]!, nullable };
};

const typeOf = (s: JsonSchema): string | undefined => (Array.isArray(s.type) ? s.type[0] : s.type);

/** Text that meets the field's length, ending in an emoji and two letters. */
const emojiFor = (s: JsonSchema): string => {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 10_000;
  if (max < emojiText.length) return max >= 3 ? 'a🙏' : 'a';
  return emojiText.length >= min ? emojiText : `${'a'.repeat(min - emojiText.length)}${emojiText}`;
};

/** Wrong in the way a careless client is wrong, for a value of this schema. */
const wrongType = (s: JsonSchema): unknown => {
  switch (typeOf(s)) {
    case 'string':
      return 12345;
    case 'number':
    case 'integer':
      // `z.coerce.number()` (paging) turns "12" into 12, but nothing turns this into a number.
      return 'dua belas';
    case 'boolean':
      return 'mungkin';
    case 'array':
      return 'x';
    default:
      return 'x';
  }
};

const refusesNumber = (s: JsonSchema, v: number) =>
  (typeOf(s) === 'integer' && !Number.isSafeInteger(v)) ||
  (s.minimum !== undefined && v < s.minimum) ||
  (s.maximum !== undefined && v > s.maximum);

const refusesLength = (s: JsonSchema, length: number) =>
  (s.maxLength !== undefined && length > s.maxLength) || (s.minLength !== undefined && length < s.minLength);

/** The values tried for one field, by its kind; `base` is the valid value it replaces. */
export const valueMutations = (
  s: JsonSchema,
  nullable: boolean,
  base: unknown,
): { label: string; value: unknown; mustRefuse: boolean }[] => {
  const out: { label: string; value: unknown; mustRefuse: boolean }[] = [
    { label: 'wrong type', value: wrongType(s), mustRefuse: true },
    { label: 'null', value: null, mustRefuse: !nullable },
  ];
  const type = typeOf(s);
  if (type === 'string') {
    const text = typeof base === 'string' && base.length > 1 ? base : 'Teks uji';
    const half = Math.ceil(text.length / 2);
    out.push({ label: 'NUL', value: `${text.slice(0, half)}\u0000${text.slice(half)}`, mustRefuse: true });
    if (s.format === 'date') {
      out.push(
        { label: 'year 0000', value: '0000-01-01', mustRefuse: true },
        { label: 'year 9999', value: '9999-12-31', mustRefuse: true },
        { label: '30 February', value: '2026-02-30', mustRefuse: true },
      );
    } else if (s.format === 'uuid') {
      out.push(
        { label: 'not an id', value: 'bukan-id', mustRefuse: true },
        { label: 'id of nothing', value: unknownId, mustRefuse: false },
      );
    } else if (s.enum) {
      out.push({ label: 'not a choice', value: 'bukan_pilihan', mustRefuse: true });
    } else {
      const pattern = s.pattern ? new RegExp(s.pattern) : null;
      const emoji = emojiFor(s);
      out.push(
        {
          label: 'lone surrogate',
          value: `${text.slice(0, half)}\ud800${text.slice(half)}`,
          mustRefuse: true,
        },
        {
          label: 'emoji',
          value: emoji,
          mustRefuse: refusesLength(s, emoji.length) || (pattern !== null && !pattern.test(emoji)),
        },
      );
      const long = (s.maxLength ?? 10_000) + 1;
      out.push({
        label: `${long} characters`,
        value: 'x'.repeat(long),
        mustRefuse: s.maxLength !== undefined,
      });
    }
  } else if (type === 'number' || type === 'integer') {
    for (const v of [-1, 1.5, 2_147_483_648, 1e308]) {
      if (type === 'number' && v === 1.5) continue;
      out.push({ label: `number ${v}`, value: v, mustRefuse: refusesNumber(s, v) });
    }
  } else if (type === 'boolean') {
    out.push({ label: 'number for a boolean', value: 1, mustRefuse: true });
  } else if (type === 'array') {
    const item = Array.isArray(base) && base.length > 0 ? base[0] : null;
    out.push({ label: 'empty list', value: [], mustRefuse: (s.minItems ?? 0) > 0 });
    if (item !== null) {
      const many = (s.maxItems ?? 1000) + 1;
      out.push({
        label: `${many} items`,
        value: Array.from({ length: many }, () => item),
        mustRefuse: s.maxItems !== undefined,
      });
    }
  } else if (type === 'object') {
    out.push({ label: 'list for an object', value: [], mustRefuse: true });
  }
  return out;
};

/**
 * Every mutation of every field of `schema` (an object), recursing into nested objects and the
 * first element of lists. A field the base leaves out is mutated too (an optional note with a
 * NUL must be refused like a required one).
 */
export const fieldMutations = (schema: JsonSchema, base: unknown, prefix: Path = []): FieldMutation[] => {
  const { schema: s } = resolve(schema, base);
  const out: FieldMutation[] = [];
  const record = (base && typeof base === 'object' ? base : {}) as Record<string, unknown>;
  for (const [name, raw] of Object.entries(s.properties ?? {})) {
    const path = [...prefix, name];
    const value = record[name];
    const { schema: field, nullable } = resolve(raw, value);
    if (s.required?.includes(name)) out.push({ label: 'missing', path, remove: true, mustRefuse: true });
    for (const m of valueMutations(field, nullable, value)) out.push({ ...m, path });
    // A region code in the right shape that names no region.
    if (/regionCode$/i.test(name) && typeOf(field) === 'string') {
      out.push(
        { label: 'region of nothing', path, value: '99.99.99.9999', mustRefuse: false },
        // A regency where a village may be expected (a form still being filled in).
        { label: 'regency code', path, value: '53.01', mustRefuse: false },
      );
    }
    const type = typeOf(field);
    if (type === 'object') out.push(...fieldMutations(field, value, path));
    if (type === 'array' && field.items) {
      const item = resolve(field.items, Array.isArray(value) ? value[0] : undefined);
      if (typeOf(item.schema) === 'object' && Array.isArray(value) && value.length > 0) {
        out.push(...fieldMutations(item.schema, value[0], [...path, 0]));
      } else if (typeOf(item.schema) !== 'object') {
        if (/regionCodes$|^coverage$/.test(name)) {
          out.push({ label: 'region of nothing', path: [...path, 0], value: '99.99', mustRefuse: false });
        }
        // A list of words or codes: its first element mutated (added when the list is empty).
        for (const m of valueMutations(
          item.schema,
          item.nullable,
          Array.isArray(value) ? value[0] : undefined,
        )) {
          if (m.label === 'null' && !item.nullable) out.push({ ...m, path: [...path, 0] });
          else if (m.label !== 'null') out.push({ ...m, path: [...path, 0] });
        }
      }
    }
  }
  return out;
};

/** A copy of `base` with the mutation applied. */
export const applyMutation = (base: unknown, m: FieldMutation): unknown => {
  const root = structuredClone(base ?? {}) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = root;
  for (const [i, key] of m.path.entries()) {
    if (i === m.path.length - 1) {
      if ('remove' in m) delete node[key];
      else node[key] = m.value;
      break;
    }
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = typeof m.path[i + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  return root;
};

/** Fields that take text of any length: a string with no length, format, choice or pattern. */
export const unboundedFields = (schema: JsonSchema, prefix: Path = []): string[] => {
  const { schema: s } = resolve(schema);
  const type = typeOf(s);
  if (type === 'object') {
    return Object.entries(s.properties ?? {}).flatMap(([k, v]) => unboundedFields(v, [...prefix, k]));
  }
  if (type === 'array') {
    const inner = s.items ? unboundedFields(s.items, [...prefix, 0]) : [];
    return s.maxItems === undefined ? [`${pathName(prefix)} (list without maxItems)`, ...inner] : inner;
  }
  if (type === 'string' && s.maxLength === undefined && !s.enum && !s.format && !s.pattern) {
    return [pathName(prefix)];
  }
  return [];
};

/** The first top-level text field with no choice or format, for the 1 MB value. */
export const firstTextField = (schema: JsonSchema): string | null => {
  const { schema: s } = resolve(schema);
  for (const [k, v] of Object.entries(s.properties ?? {})) {
    const f = resolve(v).schema;
    if (typeOf(f) === 'string' && !f.enum && !f.format) return k;
  }
  return null;
};
