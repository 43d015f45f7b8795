import { createHash, createHmac } from 'node:crypto';
import type { AuditKey } from './keys.ts';

/** JSON with object keys sorted at every depth, so the same row always hashes the same. */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
};

export type HashedFields = {
  seq: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  centerId: string | null;
  action: string;
  entity: string;
  entityId: string;
  changes: unknown;
  requestId: string | null;
  ip: string | null;
};

export const genesisHash = '0'.repeat(64);

/** Rows before decision 0020 (key id `sha256`): `sha256(prevHash || canonical(row))`, hex. */
export const auditHash = (prevHash: string, row: HashedFields): string =>
  createHash('sha256')
    .update(prevHash)
    .update(canonicalJson({ ...row, at: row.at.toISOString() }))
    .digest('hex');

/**
 * A row's seal since decision 0020: `HMAC-SHA256(key, "atensi-audit-row\n" || prevHash ||
 * canonical(row with its keyId))`, hex. Without the key nobody can recompute it, the table's
 * owner included.
 */
export const sealRow = (key: AuditKey, prevHash: string, row: HashedFields): string =>
  createHmac('sha256', key.secret)
    .update('atensi-audit-row\n')
    .update(prevHash)
    .update(canonicalJson({ ...row, at: row.at.toISOString(), keyId: key.id }))
    .digest('hex');
