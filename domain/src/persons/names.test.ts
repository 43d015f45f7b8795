import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKey, nameTokens, normalizeName, trigramSimilarity } from './names.ts';

describe('normalizeName', () => {
  it('makes the spellings of Muhammad Yusuf meet', () => {
    const forms = [
      'H. Muhammad Yusuf, S.Pd.',
      'Mohamad Yusup',
      'M. Yusuf',
      'Muhamad Jusuf',
      'Moh. Yusuf',
      'MUHAMMAD YUSUF',
      'Mochammad Joesoef',
      'Mhd Yusuf',
      'Drs. H. Mohammad Yusuf, M.Si.',
    ];
    for (const f of forms) expect(normalizeName(f), f).toBe('muhammad yusuf');
  });

  it('unifies the common variants', () => {
    expect(normalizeName('Achmad Fauzi')).toBe('ahmad fauzi');
    expect(normalizeName('Akhmad Fauzi')).toBe('ahmad fauzi');
    expect(normalizeName('Abd. Rahman')).toBe('abdul rahman');
    expect(normalizeName('Sitti Aminah')).toBe('siti aminah');
    expect(normalizeName('St. Aminah')).toBe('siti aminah');
    expect(normalizeName('Noor Hidayah')).toBe('nur hidayah');
    expect(normalizeName('Nurul Hidayah')).toBe('nurul hidayah');
  });

  it('removes titles and honorifics anywhere', () => {
    expect(normalizeName('Prof. Dr. Ir. Budi Santoso, S.E., M.M.')).toBe('budi santoso');
    expect(normalizeName('Hj. Siti Rahmah, A.Md.')).toBe('siti rahmah');
    expect(normalizeName('Ibu Ny. Wartini')).toBe('wartini');
    expect(normalizeName('Bapak Slamet (Alm.)')).toBe('slamet');
    expect(normalizeName('Sdri. Dewi Lestari S. Pd')).toBe('dewi lestari');
    expect(normalizeName('dr. Rina Kusuma, M.Kes.')).toBe('rina kusuma');
    expect(normalizeName('Agus Salim, S.T.')).toBe('agus salim');
    expect(normalizeName('H.Ridwan')).toBe('ridwan');
  });

  it('keeps a name that is nothing but a title', () => {
    expect(normalizeName('Ibu')).toBe('ibu');
  });

  it('modernises the old spelling', () => {
    expect(normalizeName('Soekarno')).toBe('sukarno');
    expect(normalizeName('Djoko')).toBe('joko');
    expect(normalizeName('Joko')).toBe('joko');
    expect(normalizeName('Tjahjo Koemolo')).toBe('cahyo kumolo');
    expect(normalizeName('Soejono')).toBe('suyono');
    expect(normalizeName('Sjahrir')).toBe('syahrir');
    expect(normalizeName('Njoman')).toBe('nyoman');
    expect(normalizeName('Chairul Tandjung')).toBe('khairul tanjung');
    // Modern `nj` is n + j; the old spelling wrote it `ndj`.
    expect(normalizeName('Pandjaitan')).toBe(normalizeName('Panjaitan'));
    expect(normalizeName('Sanjaya')).toBe('sanjaya');
  });

  it('strips accents and punctuation', () => {
    expect(normalizeName("  Ma'ruf   Amin ")).toBe('maruf amin');
    expect(normalizeName('José-Ramos')).toBe('jose ramos');
  });

  it('is idempotent', () => {
    const pieces = fc.constantFrom(
      'H.',
      'Hj.',
      'M.',
      'St.',
      'S.T.',
      'S.',
      'Pd.',
      'Muh.',
      'Abd',
      'Soe',
      'dj',
      'tj',
      'oe',
      'nj',
      'ch',
      'Boe',
      'Ibu',
      'Yusup',
      'Noor',
      'Siti',
      ',',
      "'",
      '-',
      'é',
    );
    const names = fc.oneof(
      fc.string(),
      fc
        .array(fc.oneof(pieces, fc.stringMatching(/^[a-zA-Z]{1,6}$/)), { maxLength: 6 })
        .map((p) => p.join(' ')),
      fc
        .array(fc.oneof(pieces, fc.stringMatching(/^[a-zA-Z.]{1,4}$/)), { maxLength: 6 })
        .map((p) => p.join('')),
    );
    fc.assert(
      fc.property(names, (n) => {
        const once = normalizeName(n);
        expect(normalizeName(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('nameKey', () => {
  it('ignores word order', () => {
    expect(nameKey('Yusuf Muhammad')).toBe(nameKey('Muhammad Yusuf'));
    expect(nameKey('Yusuf Muhammad')).not.toBe(nameKey('Muhammad Yusran'));
    expect(nameTokens('H. M. Yusuf')).toEqual(['muhammad', 'yusuf']);
  });
});

describe('trigramSimilarity', () => {
  it('matches pg_trgm', () => {
    // SELECT similarity('word', 'two words') → 0.36363637 (float4)
    expect(trigramSimilarity('word', 'two words')).toBe(Math.fround(0.36363637));
    expect(trigramSimilarity('abc', 'abc')).toBe(1);
    expect(trigramSimilarity('abc', 'xyz')).toBe(0);
    // SELECT similarity('', '') → 0; punctuation only separates words.
    expect(trigramSimilarity('', '')).toBe(0);
    expect(trigramSimilarity('Word!', 'word')).toBe(1);
    // 13 and 13 trigrams, 11 shared
    expect(trigramSimilarity('budi santoso', 'budi santosa')).toBe(Math.fround(11 / 15));
  });

  it('is symmetric and between 0 and 1', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const s = trigramSimilarity(a, b);
        expect(s).toBe(trigramSimilarity(b, a));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }),
    );
  });
});
