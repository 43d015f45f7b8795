import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A signed "form loaded at" stamp. A person needs a few seconds to fill the form; a script
 * posting straight away, or replaying an old form, is refused. Each token files one ticket
 * (its hash is unique on the ticket), so a bot must load the form and wait for every post.
 */
export const formTokenMinAgeMs = 3_000;
export const formTokenMaxAgeMs = 6 * 3_600_000;

const sign = (secret: string, issuedAt: number, nonce: string) =>
  createHmac('sha256', secret).update(`serasi-form:${issuedAt}:${nonce}`).digest('base64url');

export const issueFormToken = (secret: string, now = new Date()): string => {
  const issuedAt = now.getTime();
  const nonce = randomBytes(12).toString('base64url');
  return `${issuedAt}.${nonce}.${sign(secret, issuedAt, nonce)}`;
};

export type FormTokenProblem = 'invalid' | 'too_fast' | 'expired';

export const checkFormToken = (secret: string, token: string, now = new Date()): FormTokenProblem | null => {
  const [at, nonce, mac] = token.split('.');
  const issuedAt = Number(at);
  if (!Number.isSafeInteger(issuedAt) || !nonce || !mac) return 'invalid';
  const expected = Buffer.from(sign(secret, issuedAt, nonce));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  const age = now.getTime() - issuedAt;
  if (age < formTokenMinAgeMs) return 'too_fast';
  if (age > formTokenMaxAgeMs) return 'expired';
  return null;
};

export const formTokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');
