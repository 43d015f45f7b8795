import { describe, expect, it } from 'vitest';
import { formatCount, formatKm, formatPercent, localToday, numberValue } from './format';

describe('logistics number formats', () => {
  it('writes realisation with two decimals the Indonesian way, and the English way', () => {
    expect(formatPercent(99.35, 'id')).toBe('99,35%');
    expect(formatPercent(24, 'id')).toBe('24,00%');
    expect(formatPercent(84.28, 'en')).toBe('84.28%');
    expect(formatPercent(0, 'id')).toBe('0,00%');
  });

  it('groups thousands', () => {
    expect(formatCount(12500, 'id')).toBe('12.500');
    expect(formatCount(12500, 'en')).toBe('12,500');
  });

  it('writes distances with one decimal', () => {
    expect(formatKm(12.44, 'id')).toBe('12,4');
    expect(formatKm(3, 'en')).toBe('3');
  });

  it('reads number inputs, empty as missing', () => {
    expect(numberValue('')).toBeUndefined();
    expect(numberValue(0)).toBe(0);
    expect(numberValue('15')).toBe(15);
  });

  it("gives today's calendar date", () => {
    expect(localToday(new Date(2026, 6, 4, 23, 59))).toBe('2026-07-04');
  });
});
