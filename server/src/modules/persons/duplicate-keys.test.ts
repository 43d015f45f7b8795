import {
  type DupPerson,
  duplicateThreshold,
  normalizeName,
  scoreDuplicate,
  trigramSimilarity,
} from '@atensi/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  duplicateKeys,
  minName,
  regencyOf,
  regencyProbe,
  regionLevels,
  swappedDate,
  yearProbe,
} from './duplicate-keys.ts';

const keysOf = (p: DupPerson & { sex: 'male' | 'female'; regionCode: string }) =>
  duplicateKeys({
    nameNormalized: normalizeName(p.fullName),
    aliasesNormalized: [...new Set(p.aliases.map(normalizeName))].join(' | '),
    regionCode: p.regionCode,
    sex: p.sex,
    birthYear: p.birthDate ? Number(p.birthDate.slice(0, 4)) : p.birthYearEstimate,
    birthDate: p.birthDate,
  });

/** What find-duplicates.ts asks the database, in memory: is the candidate returned by some way? */
const reached = (q: DupPerson, c: DupPerson & { sex: 'male' | 'female'; regionCode: string }): boolean => {
  const norm = normalizeName(q.fullName);
  const similarity = trigramSimilarity(normalizeName(c.fullName), norm);
  const nameAtLeast = (min: number) => similarity >= min || c.aliases.length > 0;
  const regency = regencyOf(q.regionCode);
  const year = q.birthDate ? Number(q.birthDate.slice(0, 4)) : q.birthYearEstimate;
  if (q.nik && q.nik === c.nik) return true;
  if (
    q.birthDate &&
    c.birthDate &&
    (c.birthDate === q.birthDate || c.birthDate === swappedDate(q.birthDate)) &&
    ((regency !== null && c.regionCode.slice(0, 5) === regency) || nameAtLeast(minName.date))
  ) {
    return true;
  }
  if (norm === '') return false;
  const keys = new Set(keysOf(c));
  const hit = (probe: string[]) => probe.some((k) => keys.has(k));
  const levels = regionLevels(q.regionCode);
  const shared =
    levels?.village && c.regionCode.startsWith(levels.village)
      ? 'village'
      : levels?.district && c.regionCode.startsWith(levels.district)
        ? 'district'
        : 'regency';
  if (hit(regencyProbe(norm, q.regionCode, q.sex)) && nameAtLeast(minName.regency(year !== null, shared))) {
    return true;
  }
  return (
    year !== null && hit(yearProbe(norm, year, Boolean(q.birthDate), q.sex)) && nameAtLeast(minName.year)
  );
};

describe('duplicate keys', () => {
  it('keys a person by regency and by birth year, with sex and word beginnings and endings', () => {
    expect(
      keysOf({
        nik: null,
        fullName: 'Siti Aminah',
        aliases: ['Wati'],
        sex: 'female',
        birthDate: '1980-05-03',
        birthYearEstimate: null,
        regionCode: '32.05.01.2001',
      }),
    ).toEqual([
      'r32.05f<ami',
      'r32.05f<sit',
      'r32.05f<wat',
      'r32.05f>ati',
      'r32.05f>iti',
      'r32.05f>nah',
      'yd1980f<ami.sit',
      'yd1980f<wat',
      'yd1980f=aminah.siti',
      'yd1980f>ati',
      'yd1980f>iti.nah',
    ]);
  });

  it('asks for the same year exactly, and estimates two years either side', () => {
    const exact = yearProbe('budi', 1980, true, 'male');
    expect(exact.filter((k) => k.startsWith('yd'))).toEqual(['yd1980m<bud', 'yd1980m>udi']);
    expect(exact.filter((k) => k.startsWith('ye')).map((k) => k.slice(2, 6))).toEqual([
      '1978',
      '1978',
      '1979',
      '1979',
      '1980',
      '1980',
      '1981',
      '1981',
      '1982',
      '1982',
    ]);
    expect(yearProbe('budi', 1980, false, null)).toHaveLength(5 * 2 * 2 * 2);
    expect(regencyProbe('budi', '32', 'male')).toEqual([]);
  });

  it('derives the name bounds from the weights', () => {
    expect(minName.date).toBeCloseTo(0.599, 3);
    expect(minName.regency(true)).toBeCloseTo(0.499, 3);
    expect(minName.regency(false)).toBeCloseTo(0.699, 3);
    expect(minName.regency(true, 'district')).toBeCloseTo(0.659, 3);
    expect(minName.regency(true, 'regency')).toBeCloseTo(0.779, 3);
    expect(minName.year).toBeCloseTo(0.899, 3);
    expect(swappedDate('1990-03-05')).toBe('1990-05-03');
    expect(swappedDate('1990-03-13')).toBeNull();
    expect(swappedDate('1990-04-04')).toBeNull();
  });

  it('lets through every candidate scoreDuplicate would show, for names with one slip', () => {
    const vocabulary = [
      'siti',
      'aminah',
      'muhammad',
      'yusuf',
      'nur',
      'hayati',
      'rahmawati',
      'sri',
      'dewi',
      'kusumawardani',
      'sulistyaningsih',
      'b',
    ];
    const slip = (word: string, at: number, letter: string, kind: number) => {
      const i = at % (word.length + 1);
      if (kind === 0) return word.slice(0, i) + letter + word.slice(i + 1);
      if (kind === 1) return word.slice(0, i) + letter + word.slice(i);
      return word.length > 2
        ? word.slice(0, Math.min(i, word.length - 1)) + word.slice(Math.min(i, word.length - 1) + 1)
        : word;
    };
    const name = fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 4 });
    const region = fc.constantFrom(
      '32.05.01.2001',
      '32.05.01.2002',
      '32.05.02.2001',
      '32.06.01.2001',
      '32.05.01',
      '32.05',
    );
    const arb = fc.record({
      words: name,
      variant: fc.record({
        kind: fc.constantFrom('same', 'order', 'slip', 'add', 'drop', 'other', 'alias'),
        word: fc.nat(),
        at: fc.nat(),
        letter: fc.constantFrom('a', 'i', 'h', 'y'),
        slipKind: fc.integer({ min: 0, max: 2 }),
        other: name,
      }),
      qSex: fc.constantFrom<'male' | 'female' | null>('male', 'female', null),
      cSex: fc.constantFrom<'male' | 'female'>('male', 'female'),
      qBirth: fc.constantFrom('1980-03-05', '1980-11-20', 'estimate', 'none'),
      cBirth: fc.constantFrom(
        '1980-03-05',
        '1980-05-03',
        '1980-07-01',
        '1982-03-05',
        '1980-11-20',
        'e1979',
        'e1983',
        'none',
      ),
      qRegion: fc.option(region, { nil: null }),
      cRegion: region,
    });
    fc.assert(
      fc.property(arb, (g) => {
        let candidateWords = g.words;
        if (g.variant.kind === 'order') candidateWords = [...g.words].reverse();
        if (g.variant.kind === 'other') candidateWords = g.variant.other;
        if (g.variant.kind === 'add') candidateWords = [...g.words, g.variant.other[0]!];
        if (g.variant.kind === 'drop' && g.words.length > 1) {
          candidateWords = g.words.filter((_, i) => i !== g.variant.word % g.words.length);
        }
        if (g.variant.kind === 'slip') {
          const w = g.variant.word % g.words.length;
          candidateWords = g.words.map((x, i) =>
            i === w ? slip(x, g.variant.at, g.variant.letter, g.variant.slipKind) : x,
          );
        }
        const query: DupPerson = {
          nik: null,
          fullName: g.words.join(' '),
          aliases: [],
          sex: g.qSex,
          birthDate: g.qBirth.startsWith('1') ? g.qBirth : null,
          birthYearEstimate: g.qBirth === 'estimate' ? 1981 : null,
          regionCode: g.qRegion,
        };
        const candidate = {
          nik: null,
          fullName: g.variant.kind === 'alias' ? g.variant.other.join(' ') : candidateWords.join(' '),
          aliases: g.variant.kind === 'alias' ? [g.words.join(' ')] : [],
          sex: g.cSex,
          birthDate: g.cBirth.startsWith('1') ? g.cBirth : null,
          birthYearEstimate: g.cBirth.startsWith('e') ? Number(g.cBirth.slice(1)) : null,
          regionCode: g.cRegion,
        };
        if (scoreDuplicate(query, candidate).score >= duplicateThreshold) {
          expect(reached(query, candidate), JSON.stringify({ query, candidate })).toBe(true);
        }
      }),
      { numRuns: Number(process.env.DUP_KEYS_RUNS ?? 5_000) },
    );
  }, 600_000);
});
