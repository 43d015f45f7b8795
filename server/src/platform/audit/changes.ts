import { type AuditChange, charactersOf, toWellFormed } from '@atensi/domain';

/** Fields that hold personal data: their values never reach the audit log in clear. */
export const personalFields = new Set(['nik', 'kk', 'kkNumber', 'phone', 'password', 'passwordHash']);

/**
 * `3201********0003`: first four and last four characters kept, the rest starred. Counted in
 * user-perceived characters, so an emoji is never cut in half: half a surrogate pair is not
 * valid in `jsonb`, and the audit row (and with it the whole change) would be refused.
 */
export const maskValue = (value: unknown): unknown => {
  if (value === null || value === undefined) return value;
  const chars = charactersOf(toWellFormed(String(value)));
  if (chars.length <= 8) return '*'.repeat(chars.length);
  return `${chars.slice(0, 4).join('')}${'*'.repeat(chars.length - 8)}${chars.slice(-4).join('')}`;
};

const normalise = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v);
const same = (a: unknown, b: unknown) => JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));

/**
 * The changed fields between two versions of a record (before null: created; after null:
 * deleted). Bookkeeping fields are left out; personal fields are masked.
 */
export const diffRecords = (
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  options: { ignore?: string[]; personal?: string[] } = {},
): AuditChange[] => {
  const ignore = new Set(['version', 'updatedAt', 'createdAt', ...(options.ignore ?? [])]);
  const personal = new Set([...personalFields, ...(options.personal ?? [])]);
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: AuditChange[] = [];
  for (const field of [...keys].sort()) {
    if (ignore.has(field)) continue;
    const b = before ? normalise(before[field]) : null;
    const a = after ? normalise(after[field]) : null;
    if (before && after && same(b, a)) continue;
    const mask = personal.has(field);
    changes.push({
      field,
      before: mask ? maskValue(b) : (b ?? null),
      after: mask ? maskValue(a) : (a ?? null),
    });
  }
  return changes;
};
