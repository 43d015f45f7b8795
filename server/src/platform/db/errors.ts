/** The PostgreSQL SQLSTATE of a driver error, wherever Drizzle wrapped it. */
export const sqlState = (error: unknown): string | undefined => {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
};

export const uniqueViolation = '23505';
export const foreignKeyViolation = '23503';
export const checkViolation = '23514';
