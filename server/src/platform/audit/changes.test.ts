import { charactersOf, isStorableText } from '@atensi/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffRecords, maskValue } from './changes.ts';

/** Any sequence of UTF-16 code units, lone surrogates included. */
const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });
const anyText = fc.oneof(
  codeUnits,
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'grapheme-composite' }),
);
const wellFormed = (s: string) => isStorableText(s.replaceAll('\u0000', ''));

describe('maskValue', () => {
  it('keeps four characters at each end and stars the rest, as before for a NIK', () => {
    expect(maskValue('3201234567890003')).toBe('3201********0003');
    expect(maskValue('12345678')).toBe('********');
    expect(maskValue(null)).toBeNull();
  });

  it('never cuts an emoji in half (issue 10: a case problem ending in "🙏 ya")', () => {
    const masked = maskValue('Mohon bantuan segera 🙏 ya') as string;
    expect(wellFormed(masked)).toBe(true);
    expect(masked.endsWith('🙏 ya')).toBe(true);
    expect(masked.startsWith('Moho')).toBe(true);
    // A family emoji (several code points joined) counts as one character.
    expect(maskValue('👨‍👩‍👧 keluarga besar')).toBe('👨‍👩‍👧 ke********esar');
  });

  it('gives well-formed text for any string, so jsonb always takes it', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const masked = maskValue(s) as string;
        expect(wellFormed(masked)).toBe(true);
        // The same number of characters: the reader still sees how long the value was.
        expect(charactersOf(masked).length).toBe(charactersOf(s).length);
        // The whole value is masked unless it is long: never more than eight characters shown.
        expect(charactersOf(masked).filter((c) => c !== '*').length).toBeLessThanOrEqual(8);
      }),
      { numRuns: 500 },
    );
  });

  it('masks the fields a caller names personal, whatever they hold', () => {
    fc.assert(
      fc.property(anyText, anyText, (before, after) => {
        fc.pre(before !== after);
        const [change] = diffRecords({ problem: before }, { problem: after }, { personal: ['problem'] });
        expect(wellFormed(change!.before as string)).toBe(true);
        expect(wellFormed(change!.after as string)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
