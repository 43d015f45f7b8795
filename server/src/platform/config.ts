import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Every environment variable Atensi reads. Defaults make `npm start` work with nothing set. */
const configSchema = z.object({
  /** development | production | test. Production creates no demo data and no default account. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** TCP port of the HTTP server. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on; 0.0.0.0 to accept connections from other machines. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** PostgreSQL 15+ connection string. Unset: the embedded PGlite database is used. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /**
   * The role that owns the tables (production): migrations and the grants after them run with it,
   * while DATABASE_URL names the app's role, which owns nothing (docs/operations.md).
   */
  ATENSI_MIGRATION_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Folder of the embedded PGlite database (only without DATABASE_URL). */
  ATENSI_DATA_DIR: z.string().min(1).default('./data'),
  /** Public address users open, used for cookies and trusted origins. */
  ATENSI_PUBLIC_URL: z.url().optional(),
  /** Secret that signs session cookies; at least 32 characters. Required in production. */
  ATENSI_AUTH_SECRET: z.string().min(32).optional(),
  /**
   * Key that seals the audit chain and its checkpoints (HMAC, decision 0020); 32+ characters.
   * Required in production; kept outside the database, apart from ATENSI_AUTH_SECRET.
   */
  ATENSI_AUDIT_KEY: z.string().min(32).optional(),
  /** Retired audit keys, oldest first, comma-separated: the rows they sealed still verify. */
  ATENSI_AUDIT_PREVIOUS_KEYS: z.string().default(''),
  /**
   * Folder the audit checkpoints are appended to; storage the database's administrators cannot
   * write, shipped off the machine. Default: beside the PGlite folder, or ./audit-checkpoints.
   */
  ATENSI_AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
  /** Minutes between two audit checkpoints (each verifies the rows since the last one). */
  ATENSI_AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(1).max(1440).default(5),
  /** First administrator in production (both or neither). */
  ATENSI_ADMIN_EMAIL: z.email().optional(),
  ATENSI_ADMIN_PASSWORD: z.string().min(12).optional(),
  /** Minutes without activity after which a session ends. */
  ATENSI_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(120),
  /** Hours after sign-in after which a session ends whatever the activity. */
  ATENSI_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Failed and successful sign-in attempts allowed per IP address per minute. */
  ATENSI_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(1000).default(10),
  /** Password attempts one account gets (per UTC day) before it must wait; a correct password resets them. */
  ATENSI_LOGIN_LOCKOUT_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  /** The longest wait of an account after failed sign-ins (the wait starts at 1 minute and doubles). */
  ATENSI_LOGIN_LOCKOUT_MAX_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** Load demo centres and users on first start (default: on unless production). */
  ATENSI_DEMO_DATA: bool.optional(),
  /** Comma-separated origins allowed by CORS; empty: CORS closed. */
  ATENSI_CORS_ORIGINS: z.string().default(''),
  /** pino level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof configSchema> & {
  publicUrl: string;
  authSecret: string;
  demoData: boolean;
  dataDir: string;
  corsOrigins: string[];
  auditKey: string;
  auditPreviousKeys: string[];
  auditCheckpointDir: string;
};

/** Development-only secret: production refuses to start without its own. */
const developmentSecret = 'atensi-development-secret-not-for-production-use';
/** Development-only audit key, the same for every development database: production needs its own. */
export const developmentAuditKey = 'atensi-development-audit-key-not-for-production-use';

const invalid = (line: string) => new ConfigError(`Invalid configuration:\n  ${line}`);

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const production = c.NODE_ENV === 'production';
  if (production && !c.ATENSI_AUTH_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  ATENSI_AUTH_SECRET: required in production (32+ characters)',
    );
  }
  if (Boolean(c.ATENSI_ADMIN_EMAIL) !== Boolean(c.ATENSI_ADMIN_PASSWORD)) {
    throw new ConfigError(
      'Invalid configuration:\n  ATENSI_ADMIN_EMAIL and ATENSI_ADMIN_PASSWORD go together',
    );
  }
  if (production && (!c.ATENSI_AUDIT_KEY || c.ATENSI_AUDIT_KEY === developmentAuditKey)) {
    throw invalid('ATENSI_AUDIT_KEY: required in production (32+ characters of its own)');
  }
  if (c.ATENSI_AUDIT_KEY && c.ATENSI_AUDIT_KEY === c.ATENSI_AUTH_SECRET) {
    throw invalid('ATENSI_AUDIT_KEY: must differ from ATENSI_AUTH_SECRET');
  }
  const auditPreviousKeys = c.ATENSI_AUDIT_PREVIOUS_KEYS.split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  if (auditPreviousKeys.some((k) => k.length < 32)) {
    throw invalid('ATENSI_AUDIT_PREVIOUS_KEYS: each key has 32+ characters');
  }
  if (c.ATENSI_MIGRATION_DATABASE_URL && !c.DATABASE_URL) {
    throw invalid('ATENSI_MIGRATION_DATABASE_URL: only with DATABASE_URL (the app role)');
  }
  if (production && c.ATENSI_DEMO_DATA) {
    throw new ConfigError(
      'Invalid configuration:\n  ATENSI_DEMO_DATA: demo data is never loaded in production',
    );
  }
  return {
    ...c,
    publicUrl: c.ATENSI_PUBLIC_URL ?? `http://localhost:${c.PORT}`,
    authSecret: c.ATENSI_AUTH_SECRET ?? developmentSecret,
    demoData: c.ATENSI_DEMO_DATA ?? !production,
    dataDir: resolve(c.ATENSI_DATA_DIR),
    auditKey: c.ATENSI_AUDIT_KEY ?? developmentAuditKey,
    auditPreviousKeys,
    auditCheckpointDir: c.ATENSI_AUDIT_CHECKPOINT_DIR
      ? resolve(c.ATENSI_AUDIT_CHECKPOINT_DIR)
      : c.DATABASE_URL
        ? resolve('audit-checkpoints')
        : `${resolve(c.ATENSI_DATA_DIR)}-audit-checkpoints`,
    corsOrigins: c.ATENSI_CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  };
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}
