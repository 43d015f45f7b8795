/**
 * An ILIKE pattern for "contains": `%`, `_` and `\` a user types are letters, not wildcards
 * (backslash is Postgres's default LIKE escape).
 */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export const containsPattern = (text: string): string => `%${escapeLike(text)}%`;
