import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  charactersOf,
  clipText,
  isStorableText,
  optionalText,
  requiredText,
  text,
  toWellFormed,
} from './text.ts';
import { localisedFieldErrors } from './validation.ts';

const units = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });

describe('text()', () => {
  it('refuses NUL and lone surrogates, with one message naming the field', () => {
    const schema = z.object({ problem: requiredText(1, 100), note: optionalText(100) });
    for (const bad of ['ab\u0000cd', 'ab\ud800cd', 'ab\udc00', '\ud83d']) {
      expect(localisedFieldErrors(schema, { problem: bad }, 'id')).toEqual([
        {
          path: 'problem',
          message: 'Teks memuat karakter yang tidak dapat disimpan (karakter kosong atau rusak).',
        },
      ]);
      expect(localisedFieldErrors(schema, { problem: 'baik', note: bad }, 'en')?.[0]?.path).toBe('note');
    }
  });

  it('takes emoji, accents and other scripts', () => {
    for (const good of ['Mohon bantuan segera 🙏 ya', 'Café Désirée', 'علي', '👨‍👩‍👧', 'tab\there']) {
      expect(text().safeParse(good).success).toBe(true);
    }
  });

  it('agrees with UTF-8, which is what reaches PostgreSQL: storable when encodable, without NUL', () => {
    // encodeURIComponent encodes to UTF-8 and throws exactly on a lone surrogate.
    const encodable = (s: string) => {
      try {
        encodeURIComponent(s);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(fc.oneof(units, fc.string({ unit: 'binary' })), (s) => {
        expect(isStorableText(s)).toBe(encodable(s) && !s.includes('\u0000'));
        expect(isStorableText(toWellFormed(s).replaceAll('\u0000', ''))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('clipText', () => {
  it('cuts between whole characters, within the limit', () => {
    expect(clipText('abc🙏def', 4)).toBe('abc');
    expect(clipText('abc🙏def', 5)).toBe('abc🙏');
    expect(clipText('pendek', 100)).toBe('pendek');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.integer({ min: 0, max: 40 }), (s, max) => {
        const clipped = clipText(s, max);
        expect(clipped.length).toBeLessThanOrEqual(Math.max(max, 0));
        expect(s.startsWith(clipped)).toBe(true);
        expect(isStorableText(clipped.replaceAll('\u0000', ''))).toBe(true);
        expect(charactersOf(s).slice(0, charactersOf(clipped).length).join('')).toBe(clipped);
      }),
    );
  });
});
