/**
 * What of an error may reach a log: its kind, codes, the names of the database objects involved,
 * the SQL text without values and the stack frames — never the values themselves. A failed query
 * carries them everywhere: Drizzle's `params` and its message (`Failed query: … params: …`), the
 * driver's `detail` (`Key (nik)=(3201…) already exists`, `Failing row contains (…)`), `where`,
 * `hint`, PGlite's own copy of `params`, and PostgreSQL messages that quote the refused input
 * (`invalid input syntax for type date: "…"`). Everything not named below is dropped.
 */
export type SafeError = {
  type: string;
  message: string;
  code?: string;
  sqlState?: string;
  statusCode?: number;
  severity?: string;
  schema?: string;
  table?: string;
  column?: string;
  dataType?: string;
  constraint?: string;
  routine?: string;
  query?: string;
  issues?: { path: string; code: string }[];
  /** The message above the stack frames: the original stack's first line repeats the raw message. */
  stack: string;
  cause?: SafeError;
  errors?: SafeError[];
};

const redacted = '[redacted]';

/** A quoted name after one of these words is a database object, not a value: kept. */
const objectWords =
  'relation|constraint|column|table|type|function|index|schema|sequence|trigger|operator|extension|database|role|view|domain|encoding|collation|parameter|procedure|publication|savepoint|cursor|statement|portal|tablespace|policy|rule|server|user|mapping';
const namedObject = new RegExp(`\\b(?:${objectWords})\\s*$`, 'i');

/** Quoted text (", ', `), with its opening quote's position. */
const quoted = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g;

/**
 * A message with the values cut out: quoted values (not object names), `(…)=(…)` key details,
 * dates, e-mail addresses and runs of six or more digits (NIK, KK, phone numbers).
 */
export const redactMessage = (message: string): string => {
  let text = message;
  // Drizzle appends every parameter after the SQL: nothing after it is kept.
  const params = text.search(/\n\s*params:/);
  if (params >= 0) text = text.slice(0, params);
  text = text.replace(quoted, (match, offset: number) => {
    const before = text.slice(Math.max(0, offset - 40), offset);
    return namedObject.test(before) ? match : `${match[0]}${redacted}${match[0]}`;
  });
  return text
    .replace(/=\((?:[^()]|\([^()]*\))*\)/g, `=(${redacted})`)
    .replace(/\b\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b/g, redacted)
    .replace(/[^\s@"'()<>,;]+@[^\s@"'()<>,;]+\.[a-z]{2,}/gi, redacted)
    .replace(/\+?\d[\d -]{4,}\d/g, (run) => (run.replace(/\D/g, '').length >= 6 ? redacted : run));
};

/** SQL text as sent, with its string literals blanked: values travel as `$n` parameters anyway. */
export const redactSql = (query: string): string =>
  query.replace(/'(?:[^']|'')*'/g, `'${redacted}'`).slice(0, 4000);

const stackFrames = (stack: unknown): string[] =>
  typeof stack === 'string'
    ? stack
        .split('\n')
        .filter((line) => /^\s+at /.test(line))
        .slice(0, 25)
    : [];

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value.slice(0, 200) : undefined;

/** `error` as a plain object that holds no value of the data it was working on. */
export const serializeError = (error: unknown, depth = 0): SafeError => {
  if (error === null || typeof error !== 'object') {
    const message = redactMessage(String(error));
    return { type: typeof error, message, stack: message };
  }
  const e = error as Record<string, unknown> & { name?: unknown; message?: unknown; stack?: unknown };
  const isDatabaseError = typeof e.severity === 'string' || typeof e.routine === 'string';
  // pg's and PGlite's DatabaseError call themselves `error` (PGlite's class name is minified);
  // Drizzle's DrizzleQueryError keeps the generic `Error`: its class says more.
  const className = text((error as { constructor?: { name?: unknown } }).constructor?.name);
  const ownName = text(e.name);
  const type = isDatabaseError
    ? 'DatabaseError'
    : ((ownName && ownName !== 'Error' ? ownName : className) ?? ownName ?? 'Error');
  const rawMessage = typeof e.message === 'string' ? e.message : '';
  // Drizzle's message repeats its query and parameters: its query is kept on its own, blanked.
  const message = rawMessage.startsWith('Failed query:') ? 'Failed query' : redactMessage(rawMessage);
  const out: SafeError = { type, message, stack: `${type}: ${message}` };
  const code = text(e.code);
  if (code) {
    if (isDatabaseError || /^[0-9A-Z]{5}$/.test(code)) out.sqlState = code;
    else out.code = code;
  }
  if (typeof e.statusCode === 'number') out.statusCode = e.statusCode;
  for (const key of ['severity', 'schema', 'table', 'column', 'dataType', 'constraint', 'routine'] as const) {
    const value = text(e[key]);
    if (value) out[key] = value;
  }
  if (typeof e.query === 'string') out.query = redactSql(e.query);
  if (type === 'ZodError' && Array.isArray(e.issues)) {
    out.issues = (e.issues as { path?: unknown[]; code?: unknown }[]).slice(0, 20).map((i) => ({
      path: (i.path ?? []).map(String).join('.'),
      code: String(i.code ?? ''),
    }));
  }
  out.stack = [out.stack, ...stackFrames(e.stack)].join('\n');
  if (depth < 4 && e.cause !== undefined) {
    const cause = serializeError(e.cause, depth + 1);
    if (cause.query === out.query) delete cause.query;
    out.cause = cause;
  }
  if (depth < 4 && Array.isArray(e.errors)) {
    out.errors = e.errors.slice(0, 5).map((inner) => serializeError(inner, depth + 1));
  }
  return out;
};

/** One line for a command-line tool's stderr: the safe error as JSON. */
export const describeError = (error: unknown): string => JSON.stringify(serializeError(error), null, 2);
