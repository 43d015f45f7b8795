import { createHmac } from 'node:crypto';
import { type Config, developmentAuditKey } from '../config.ts';

/**
 * The keys that seal the audit chain (decision 0020). They live in the configuration, never in the
 * database: whoever can rewrite `audit_log` (its owner, a superuser) cannot recompute a row's seal.
 */
export type AuditKey = { id: string; secret: string };

/** Rows written before decision 0020 carry this key id: a plain SHA-256 chain, no key. */
export const legacyKeyId = 'sha256';

export type AuditKeyring = {
  /** Seals every new row and checkpoint. */
  current: AuditKey;
  /** Keys that only verify: the current one and the retired ones. */
  byId: ReadonlyMap<string, AuditKey>;
  /**
   * A key's place in time: legacy 0, retired keys from the oldest, the current key last. Along the
   * chain a key never follows a newer one, so a retired (perhaps leaked) key cannot re-seal rows
   * written after it was retired.
   */
  rank: (keyId: string) => number | undefined;
};

/** A key's public name: a fingerprint, so rows say which key sealed them without revealing it. */
export const auditKeyId = (secret: string): string =>
  createHmac('sha256', secret).update('atensi-audit-key-id').digest('hex').slice(0, 16);

/** `previous`: retired keys, oldest first; `current`: the key that seals from now on. */
export const auditKeyring = (current: string, previous: readonly string[] = []): AuditKeyring => {
  const ordered = [...previous.filter((k) => k !== current), current].map((secret) => ({
    id: auditKeyId(secret),
    secret,
  }));
  const ranks = new Map<string, number>([[legacyKeyId, 0], ...ordered.map((k, i) => [k.id, i + 1] as const)]);
  return {
    current: ordered[ordered.length - 1]!,
    byId: new Map(ordered.map((k) => [k.id, k])),
    rank: (keyId) => ranks.get(keyId),
  };
};

let installed: AuditKeyring | null = null;

/** Called once at start (server, seed, CLI) with the configured keys; `appendAudit` seals with them. */
export const installAuditKeys = (keyring: AuditKeyring): void => {
  installed = keyring;
};

/** The configured keys, installed for this process; returned for the tools that verify. */
export const installConfiguredAuditKeys = (config: Pick<Config, 'auditKey' | 'auditPreviousKeys'>) => {
  const keyring = auditKeyring(config.auditKey, config.auditPreviousKeys);
  installAuditKeys(keyring);
  return keyring;
};

/** The installed keys; outside production the development key when none were installed (tests). */
export const auditKeys = (): AuditKeyring => {
  if (installed) return installed;
  if (process.env.NODE_ENV === 'production')
    throw new Error('audit keys not installed: call installAuditKeys(…) at start');
  installed = auditKeyring(developmentAuditKey);
  return installed;
};
