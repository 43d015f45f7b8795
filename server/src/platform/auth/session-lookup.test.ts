import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signedSessionToken } from './session-lookup.ts';

const secret = 'a-test-secret-of-thirty-two-chars!';
const name = 'atensi.session_token';
/** The cookie value as Better Auth (better-call) writes it: `token.base64(HMAC-SHA256)`, URI-encoded. */
const signed = (token: string, key = secret) =>
  encodeURIComponent(`${token}.${createHmac('sha256', key).update(token).digest('base64')}`);

describe('signedSessionToken', () => {
  it('reads the token of a cookie we signed, among other cookies and quoted', () => {
    const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345';
    expect(signedSessionToken(`${name}=${signed(token)}`, name, secret)).toBe(token);
    expect(signedSessionToken(`theme=dark; ${name}=${signed(token)}; x=1`, name, secret)).toBe(token);
    expect(signedSessionToken(`${name}="${signed(token)}"`, name, secret)).toBe(token);
  });

  it('refuses a missing cookie, another secret, a tampered token and a bare token', () => {
    const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345';
    expect(signedSessionToken('theme=dark', name, secret)).toBeNull();
    expect(
      signedSessionToken(`${name}=${signed(token, 'another-secret-of-thirty-two-chars')}`, name, secret),
    ).toBeNull();
    const [, signature] = decodeURIComponent(signed(token)).split('.');
    expect(
      signedSessionToken(`${name}=${encodeURIComponent(`X${token.slice(1)}.${signature}`)}`, name, secret),
    ).toBeNull();
    expect(signedSessionToken(`${name}=${token}`, name, secret)).toBeNull();
    expect(signedSessionToken(`${name}=%E0%A4%A`, name, secret)).toBeNull();
  });
});
