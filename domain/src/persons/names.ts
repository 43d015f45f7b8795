/**
 * Indonesian names normalised for finding duplicates, not for display. The same person is
 * registered as "H. Muhammad Yusuf, S.Pd." by one worker and "Mohamad Yusup" by another,
 * and older people still carry the pre-1972 spelling (Soekarno, Djoko). Both sides of a
 * comparison go through the same function, so a rule only has to make variants meet; it
 * must never merge names that are different names.
 */

/**
 * Titles, honorifics and degrees, written without dots. Dropped wherever they appear.
 * `st` is not here: "St." is the usual abbreviation of Siti, "S.T." the engineering degree.
 */
const titles = new Set([
  'h',
  'hj',
  'haji',
  'hajjah',
  'hajah',
  'dr',
  'drs',
  'dra',
  'ir',
  'prof',
  'spd',
  'spdi',
  'se',
  'sh',
  'skom',
  'ssos',
  'sag',
  'skep',
  'skes',
  'msi',
  'mpd',
  'mm',
  'mkes',
  'amd',
  'bapak',
  'bpk',
  'pak',
  'ibu',
  'bu',
  'tn',
  'ny',
  'nn',
  'sdr',
  'sdri',
  'alm',
  'almh',
]);

/** Degrees that are written "S. Pd." with a space: one letter, then the rest. */
const splitDegrees = new Set([
  'spd',
  'spdi',
  'se',
  'sh',
  'skom',
  'ssos',
  'sag',
  'st',
  'skep',
  'skes',
  'msi',
  'mpd',
  'mm',
  'mkes',
  'amd',
]);

/** Spelling variants of the same name, keyed by the token after spelling and doubled-letter rules. */
const variants: Record<string, string> = {
  muhamad: 'muhammad',
  muhamed: 'muhammad',
  mohamad: 'muhammad',
  mohamed: 'muhammad',
  mokhamad: 'muhammad',
  mukhamad: 'muhammad',
  muh: 'muhammad',
  moh: 'muhammad',
  mhd: 'muhammad',
  mohd: 'muhammad',
  akhmad: 'ahmad',
  ahmad: 'ahmad',
  akhmat: 'ahmad',
  ahmat: 'ahmad',
  abd: 'abdul',
  abdul: 'abdul',
  siti: 'siti',
  nor: 'nur',
  yusuf: 'yusuf',
  yusup: 'yusuf',
  jusuf: 'yusuf',
  jusup: 'yusuf',
};

const oldSpelling: Record<string, string> = { oe: 'u', dj: 'j', tj: 'c', sj: 'sy', nj: 'ny', ch: 'kh' };

/**
 * The pre-1972 spellings (Van Ophuijsen, Soewandi). `oe`, `dj`, `tj`, `sj` mark a word as
 * old spelling; in such a word, and only there, `nj` is `ny` and a bare `j` is `y`
 * (Tjahjo → Cahyo, Soejono → Suyono). Elsewhere `j` stays, because modern names use it
 * (Joko, Panjaitan, Sanjaya), and `nj` stays because old spelling wrote modern `nj` as
 * `ndj` (Pandjaitan). `ch` → `kh` applies everywhere (Achmad, Chairul) but does not mark
 * the word: Chandra is modern too. All replacements happen in one left-to-right pass over
 * the original letters, so the `j` that `dj` leaves is never turned into `y`.
 */
const modernSpelling = (word: string): string => {
  const old = /oe|dj|tj|sj/.test(word) || word.startsWith('nj');
  return word.replace(/oe|dj|tj|sj|nj|ch|j/g, (m) => {
    if (m === 'j') return old ? 'y' : 'j';
    if (m === 'nj') return old ? 'ny' : 'nj';
    return oldSpelling[m]!;
  });
};

/**
 * Doubled letters are collapsed (Sitti → siti, Hasanuddin → hasanudin, Abdullah → abdulah).
 * Indonesian names never tell two people apart by a doubled letter, while writing one or
 * two is a constant source of variants, so this only makes true variants meet.
 */
const collapseDoubles = (word: string): string => word.replace(/([a-z])\1+/g, '$1');

const normalizeWord = (word: string): string => {
  const spelled = collapseDoubles(modernSpelling(collapseDoubles(word)));
  return variants[spelled] ?? spelled;
};

type RawToken = { raw: string; key: string };

/** Splits on spaces and, inside a token, on dots ("H.Muhammad", "Abd.Rahman"), dropping titles on the way. */
const withoutTitles = (tokens: RawToken[]): string[] => {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const { raw, key } = tokens[i]!;
    const next = tokens[i + 1];
    if (key === 'st') {
      // "St. Aminah" is Siti; a trailing "ST" or a dotted "S.T." is the degree.
      if (next && !/^s\.t/.test(raw)) out.push('siti');
      continue;
    }
    if (titles.has(key)) continue;
    if (key.length === 1 && next && splitDegrees.has(key + next.key)) {
      i++;
      continue;
    }
    for (const part of raw.split('.')) {
      if (part && !titles.has(part)) out.push(part);
    }
  }
  return out;
};

const tokenize = (name: string): string[] => {
  const cleaned = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`ʼ]/g, '')
    .replace(/[^a-z0-9.]+/g, ' ');
  const raw = cleaned
    .split(' ')
    .filter((t) => t.replace(/\./g, '') !== '')
    .map((t) => ({ raw: t, key: t.replace(/\./g, '') }));
  let words = withoutTitles(raw);
  // A name that is nothing but a title ("Ibu") is kept as written rather than erased.
  if (words.length === 0) words = raw.flatMap((t) => t.raw.split('.').filter(Boolean));
  return words.map(normalizeWord).map((w, i, all) => (w === 'm' && i < all.length - 1 ? 'muhammad' : w));
};

/** Normalised words of a name. Stable: normalising the result again changes nothing. */
export const nameTokens = (name: string): string[] => {
  let tokens = tokenize(name);
  // Rules can feed each other in odd inputs (a collapse revealing `dj`), so run to a fixed point.
  for (let i = 0; i < 5; i++) {
    const again = tokenize(tokens.join(' '));
    if (again.join(' ') === tokens.join(' ')) break;
    tokens = again;
  }
  return tokens;
};

export const normalizeName = (name: string): string => nameTokens(name).join(' ');

/** Word order ignored: "Yusuf Muhammad" and "Muhammad Yusuf" share a key. */
export const nameKey = (name: string): string => [...nameTokens(name)].sort().join(' ');

/**
 * The trigram set of pg_trgm: lower-cased, split into words of letters and digits, each
 * word padded with two spaces before and one after.
 */
export const trigrams = (text: string): Set<string> => {
  const set = new Set<string>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const chars = Array.from(`  ${word} `);
    for (let i = 0; i + 3 <= chars.length; i++) set.add(chars.slice(i, i + 3).join(''));
  }
  return set;
};

/**
 * pg_trgm `similarity()`: shared trigrams over all trigrams, computed in float4 as
 * PostgreSQL does, so a score here equals the one the database used for `%`.
 */
export const trigramSimilarity = (a: string, b: string): number => {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return Math.fround(shared / (ta.size + tb.size - shared));
};
