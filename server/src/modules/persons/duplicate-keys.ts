import { birthScores, duplicateThreshold, duplicateWeights, regionScores } from '@atensi/domain';

/**
 * Blocking keys of the duplicate finder (docs/decisions/0011-duplicate-blocking-keys.md).
 *
 * `scoreDuplicate` needs more than a name to reach the threshold: a name, even exact, with the
 * same sex scores 0.55. So every candidate worth showing either shares the NIK, or the birth
 * date (exact or day/month swapped), or the regency, or a birth year (±2 when an estimate is
 * involved). The finder asks the database one way per kind of evidence, each with the lowest
 * name similarity that can still reach the threshold with the best score the rest can add:
 *
 * - same birth date or its swap: any name in the same regency, else similarity ≥ `minName.date`;
 * - same regency: a word beginning or ending shared, similarity ≥ `minName.regency`;
 * - same birth year: the same word beginnings or endings (all of them), or the same two words,
 *   similarity ≥ `minName.year`.
 *
 * The last two are exact-match keys in one GIN index (`persons.dup_keys`), so a common first
 * word (Siti, Muhammad, Nur) no longer drags tens of thousands of trigram matches through the
 * index. A key holds the first or last three letters of a word, so a one-letter slip in a word
 * leaves the other end as a key; the year keys hold the sorted set of all word beginnings (or
 * endings), which a name keeps through one slip, and each pair of words, which a long name keeps
 * when it gains or loses a word: only a long name keeps similarity 0.9 through either.
 * (duplicate-keys.test.ts checks this against `scoreDuplicate` for names with one slip.)
 */

/** The stored columns the keys derive from (`personColumns` writes them all). */
export type KeyedPerson = {
  /** normalizeName of the full name. */
  nameNormalized: string;
  /** normalizeName of each alias, joined by ' | '. */
  aliasesNormalized: string;
  regionCode: string;
  sex: string;
  /** Year of birth, exact or estimated. */
  birthYear: number | null;
  /** The year is exact when the date is known. */
  birthDate: string | null;
};

/** An estimated year still counts as the same year this far off (scoreDuplicate's birth rule). */
export const estimateSlackYears = 2;

const sexLetters = (sex: string | null | undefined): string[] =>
  sex === 'male' ? ['m'] : sex === 'female' ? ['f'] : ['m', 'f'];

const words = (name: string) => name.split(/[^a-z0-9]+/).filter(Boolean);

/**
 * Letters of a word's beginning and end kept in a key. Three, not four: an inserted letter in
 * the middle of a six-letter word ("aminah" → "amianah") changes both four-letter ends yet
 * keeps similarity 0.5, enough in the same village.
 */
const affix = 3;

/** The distinct words of a normalised name and their first and last letters, sorted. */
const wordEnds = (name: string) => {
  const w = words(name);
  return {
    distinct: [...new Set(w)].sort(),
    starts: [...new Set(w.map((x) => x.slice(0, affix)))].sort(),
    ends: [...new Set(w.map((x) => x.slice(-affix)))].sort(),
  };
};

/**
 * The region codes a candidate must start with to share the village, the district or only the
 * regency with the query (`PP.KK.CC.DDDD`, fixed widths): the levels `scoreDuplicate` rewards.
 */
export const regionLevels = (
  regionCode: string | null | undefined,
): { village: string | null; district: string | null; regency: string } | null => {
  const regency = regencyOf(regionCode);
  if (!regency || !regionCode) return null;
  const parts = regionCode.split('.');
  return {
    village: parts.length >= 4 ? parts.slice(0, 4).join('.') : null,
    district: parts.length >= 3 ? parts.slice(0, 3).join('.') : null,
    regency,
  };
};

/** `PP.KK` of a region code, when the code names a regency or below. */
export const regencyOf = (regionCode: string | null | undefined): string | null =>
  regionCode && regionCode.length >= 5 ? regionCode.slice(0, 5) : null;

const regencyKeys = (regency: string, sex: string, name: string): string[] => {
  const { starts, ends } = wordEnds(name);
  return [...starts.map((s) => `r${regency}${sex}<${s}`), ...ends.map((e) => `r${regency}${sex}>${e}`)];
};

const yearKeys = (year: number, exact: boolean, sex: string, name: string): string[] => {
  const { distinct, starts, ends } = wordEnds(name);
  if (starts.length === 0) return [];
  const head = `y${exact ? 'd' : 'e'}${year}${sex}`;
  const keys = [`${head}<${starts.join('.')}`, `${head}>${ends.join('.')}`];
  // Every pair of words: a name that gains or loses a word (a doubled or one-letter word)
  // keeps its similarity over 0.9 only when it is long, and then keeps two words.
  for (let i = 0; i < distinct.length; i++) {
    for (let j = i + 1; j < distinct.length; j++) keys.push(`${head}=${distinct[i]}.${distinct[j]}`);
  }
  return keys;
};

/** The keys stored with a person (`persons.dup_keys`). */
export const duplicateKeys = (p: KeyedPerson): string[] => {
  const keys = new Set<string>();
  const regency = regencyOf(p.regionCode);
  const [sex] = sexLetters(p.sex);
  const aliases = p.aliasesNormalized.split(' | ').filter(Boolean);
  for (const name of [p.nameNormalized, ...aliases]) {
    if (regency) for (const k of regencyKeys(regency, sex!, name)) keys.add(k);
    if (p.birthYear !== null) {
      for (const k of yearKeys(p.birthYear, p.birthDate !== null, sex!, name)) keys.add(k);
    }
  }
  return [...keys].sort();
};

/** Keys a query (normalised name) looks up for people in its regency (either sex when the query has none). */
export const regencyProbe = (
  nameNormalized: string,
  regionCode: string | null | undefined,
  sex?: string | null,
): string[] => {
  const regency = regencyOf(regionCode);
  return regency ? sexLetters(sex).flatMap((s) => regencyKeys(regency, s, nameNormalized)) : [];
};

/**
 * Keys a query looks up for people born the same year: an exact date meets exact dates of the
 * same year and estimates within the slack; an estimate meets both within the slack.
 */
export const yearProbe = (
  nameNormalized: string,
  year: number,
  exact: boolean,
  sex?: string | null,
): string[] => {
  const keys: string[] = [];
  for (let y = year - estimateSlackYears; y <= year + estimateSlackYears; y++) {
    for (const s of sexLetters(sex)) {
      keys.push(...yearKeys(y, false, s, nameNormalized));
      if (!exact || y === year) keys.push(...yearKeys(y, true, s, nameNormalized));
    }
  }
  return keys;
};

/**
 * Lowest name similarity with which a candidate found by each way can still reach the
 * threshold, given the best score the other evidence can add there (sex agreeing):
 * `score = name × w.name + birth + sex + region`, rounded to three decimals.
 */
const lowestName = (others: number) =>
  Math.max(0, (duplicateThreshold - 0.0005 - others) / duplicateWeights.name - 1e-6);

export const minName = {
  /** Same date (or swapped) outside the regency: exact date and sex. */
  date: lowestName(birthScores.exact * duplicateWeights.birth + duplicateWeights.sex),
  /** In the regency without the same date: same year at best, and the region level shared. */
  regency: (yearKnown: boolean, shared: keyof typeof regionScores = 'village') =>
    lowestName(
      (yearKnown ? birthScores.sameYear * duplicateWeights.birth : 0) +
        duplicateWeights.sex +
        regionScores[shared] * duplicateWeights.region,
    ),
  /** Same year outside the regency: same year and sex only. */
  year: lowestName(birthScores.sameYear * duplicateWeights.birth + duplicateWeights.sex),
};

/** 03-05 ↔ 05-03, when the swap is a different valid date (scoreDuplicate's `birth_date_swapped`). */
export const swappedDate = (date: string): string | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m || m[2] === m[3] || Number(m[3]) > 12) return null;
  return `${m[1]}-${m[3]}-${m[2]}`;
};
