import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

describe('passwordProblem', () => {
  it('wants at least 12 characters', () => {
    expect(passwordProblem('Pendek-123')).toBe('too_short');
  });
  it('refuses listed passwords and listed passwords with digits around them', () => {
    expect(passwordProblem('qwerty123456')).toBe('too_common');
    expect(passwordProblem('password123456')).toBe('too_common');
    expect(passwordProblem('Kemensos2026!')).toBe('too_common');
    expect(passwordProblem('aaaaaaaaaaaaaa')).toBe('too_common');
  });
  it('refuses a password holding the user’s own name or email', () => {
    expect(passwordProblem('siti.rahma-2026-ok', ['siti.rahma@kemensos.go.id'])).toBe('contains_identity');
  });
  it('accepts a long, unusual phrase', () => {
    expect(passwordProblem('Kopi-Tubruk-Di-Naibonat-7')).toBeNull();
  });
});
