import { describe, expect, it } from 'vitest';
import { sameNumber } from './identity-proof.ts';

describe('sameNumber', () => {
  it('matches only the exact stored number', () => {
    expect(sameNumber('3275010101800009', '3275010101800009')).toBe(true);
    expect(sameNumber('3275010101800008', '3275010101800009')).toBe(false);
    expect(sameNumber('3275010101800009', null)).toBe(false);
    expect(sameNumber('', null)).toBe(false);
  });
});
