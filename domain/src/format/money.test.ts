import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRupiah, parseRupiah } from './money.ts';

describe('formatRupiah', () => {
  it('writes rupiah the ministry way', () => {
    expect(formatRupiah(1234567)).toBe('Rp1.234.567');
    expect(formatRupiah(0)).toBe('Rp0');
    expect(formatRupiah(999)).toBe('Rp999');
    expect(formatRupiah(1000)).toBe('Rp1.000');
    expect(formatRupiah(-2500)).toBe('-Rp2.500');
    expect(formatRupiah(12_345_678_901_234_567n)).toBe('Rp12.345.678.901.234.567');
  });

  it('refuses fractions: money is integer rupiah', () => {
    expect(() => formatRupiah(10.5)).toThrow(RangeError);
  });

  it('round-trips through parseRupiah for any integer amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), (n) => {
        expect(parseRupiah(formatRupiah(n))).toBe(n);
      }),
    );
  });

  it('parses plain and grouped amounts and refuses decimals', () => {
    expect(parseRupiah('1.234.567')).toBe(1234567n);
    expect(parseRupiah('Rp 2.000')).toBe(2000n);
    expect(parseRupiah('1234')).toBe(1234n);
    expect(parseRupiah('12,50')).toBeNull();
    expect(parseRupiah('1.23')).toBeNull();
  });
});
