import { nameKey, normalizeName, trigramSimilarity } from './names.ts';
import type { DuplicateCandidate } from './person.schema.ts';

/**
 * How likely a registered person is the one being registered. The database finds the
 * candidates (NIK, trigram `%` on the normalised name); this scores and explains them so
 * the worker decides. Pure, so the server and the tests score alike.
 */

export type DupPerson = {
  nik: string | null;
  fullName: string;
  aliases: string[];
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  birthYearEstimate: number | null;
  regionCode: string | null;
};

export type DuplicateReason = DuplicateCandidate['reasons'][number];

/**
 * Weights of the evidence, summing to 1. The name carries half because the candidates
 * were found by name; birth, region and sex separate the many Siti Aminah. Sex weighs
 * little when it agrees (half of everyone agrees) but much when it disagrees.
 */
export const duplicateWeights = {
  name: 0.5,
  birth: 0.25,
  sex: 0.05,
  region: 0.2,
} as const;

/** Penalties, subtracted: evidence that these are two people. */
export const duplicatePenalties = {
  /** Recorded sexes differ: a data-entry slip is possible, so not a veto. */
  sexMismatch: 0.3,
  /** Birth years far apart (a father and son of the same name). */
  birthFar: 0.25,
  /** Both have NIKs differing in more than a typo or two. */
  nikConflict: 0.3,
} as const;

/** Birth evidence, as a fraction of `duplicateWeights.birth`. */
export const birthScores = { exact: 1, swapped: 0.7, sameYear: 0.4 } as const;

/** Region evidence, as a fraction of `duplicateWeights.region`. */
export const regionScores = { village: 1, district: 0.6, regency: 0.3 } as const;

/** Candidates scoring at least this are shown. Same exact name and sex alone (0.55) are not enough. */
export const duplicateThreshold = 0.6;

/** A name similarity from here on is worth naming as a reason. */
export const nameSimilarThreshold = 0.5;

/** Known years further apart than this are evidence against; estimates get twice the room. */
const birthFarYears = 5;

/** Differing NIK digits still read as a typo of the same number. */
const nikTypoDigits = 2;

const nameMatch = (
  query: DupPerson,
  candidate: DupPerson,
): { score: number; reason: DuplicateReason | null } => {
  const queryNames = [query.fullName, ...query.aliases].map((n, i) => ({ n, alias: i > 0 }));
  const candidateNames = [candidate.fullName, ...candidate.aliases].map((n, i) => ({ n, alias: i > 0 }));
  let best = { score: 0, alias: false };
  for (const q of queryNames) {
    for (const c of candidateNames) {
      const score =
        nameKey(q.n) === nameKey(c.n) ? 1 : trigramSimilarity(normalizeName(q.n), normalizeName(c.n));
      const alias = q.alias || c.alias;
      // On a tie the full name wins, so "name_exact" is preferred to "alias".
      if (score > best.score || (score === best.score && !alias && best.alias)) best = { score, alias };
    }
  }
  if (best.score < nameSimilarThreshold) return { score: best.score, reason: null };
  if (best.alias) return { score: best.score, reason: 'alias' };
  return { score: best.score, reason: best.score === 1 ? 'name_exact' : 'name_similar' };
};

type BirthInfo = { year: number; month: number; day: number } | { estimate: number } | null;

const birthOf = (p: DupPerson): BirthInfo => {
  const m = p.birthDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(p.birthDate) : null;
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return p.birthYearEstimate === null ? null : { estimate: p.birthYearEstimate };
};

const birthMatch = (
  query: DupPerson,
  candidate: DupPerson,
): { score: number; reason: DuplicateReason | null } => {
  const a = birthOf(query);
  const b = birthOf(candidate);
  if (!a || !b) return { score: 0, reason: null };
  if ('day' in a && 'day' in b) {
    if (a.year === b.year && a.month === b.month && a.day === b.day) {
      return { score: birthScores.exact, reason: 'birth_date_exact' };
    }
    // 03-05 written as 05-03: the usual slip between day-first forms and month-first devices.
    if (a.year === b.year && a.day !== a.month && a.day === b.month && a.month === b.day) {
      return { score: birthScores.swapped, reason: 'birth_date_swapped' };
    }
    if (a.year === b.year) return { score: birthScores.sameYear, reason: 'birth_year' };
    return { score: Math.abs(a.year - b.year) > birthFarYears ? -1 : 0, reason: null };
  }
  // At least one side is an estimate: rough by nature, so a near year counts as the same.
  const yearA = 'day' in a ? a.year : a.estimate;
  const yearB = 'day' in b ? b.year : b.estimate;
  const gap = Math.abs(yearA - yearB);
  if (gap <= 2) return { score: birthScores.sameYear, reason: 'birth_year' };
  return { score: gap > 2 * birthFarYears ? -1 : 0, reason: null };
};

/** Region codes `PP.KK.CC.DDDD`: the number of leading levels two codes share. */
const sharedRegionLevels = (a: string, b: string): number => {
  const pa = a.split('.');
  const pb = b.split('.');
  let n = 0;
  while (n < pa.length && n < pb.length && pa[n] === pb[n]) n++;
  return n;
};

const regionMatch = (
  query: DupPerson,
  candidate: DupPerson,
): { score: number; reason: DuplicateReason | null } => {
  if (!query.regionCode || !candidate.regionCode) return { score: 0, reason: null };
  const shared = sharedRegionLevels(query.regionCode, candidate.regionCode);
  if (shared >= 4) return { score: regionScores.village, reason: 'same_village' };
  if (shared === 3) return { score: regionScores.district, reason: 'same_district' };
  if (shared === 2) return { score: regionScores.regency, reason: 'same_regency' };
  return { score: 0, reason: null };
};

const nikConflict = (a: string | null, b: string | null): boolean => {
  if (!a || !b || a.length !== b.length) return false;
  let differing = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differing++;
  return differing > nikTypoDigits;
};

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

export const scoreDuplicate = (
  query: DupPerson,
  candidate: DupPerson,
): { score: number; reasons: DuplicateReason[] } => {
  const name = nameMatch(query, candidate);
  const birth = birthMatch(query, candidate);
  const region = regionMatch(query, candidate);
  const reasons: DuplicateReason[] = [];

  const nikExact = query.nik !== null && query.nik !== '' && query.nik === candidate.nik;
  if (nikExact) reasons.push('nik_exact');
  if (name.reason) reasons.push(name.reason);
  if (birth.reason) reasons.push(birth.reason);

  let sex = 0;
  if (query.sex && candidate.sex) {
    if (query.sex === candidate.sex) {
      sex = duplicateWeights.sex;
      reasons.push('sex');
    } else {
      sex = -duplicatePenalties.sexMismatch;
    }
  }
  if (region.reason) reasons.push(region.reason);

  // One NIK is one person, whatever else the records say.
  if (nikExact) return { score: 1, reasons };

  const birthPart = birth.score < 0 ? -duplicatePenalties.birthFar : birth.score * duplicateWeights.birth;
  const raw =
    name.score * duplicateWeights.name +
    birthPart +
    sex +
    region.score * duplicateWeights.region -
    (nikConflict(query.nik, candidate.nik) ? duplicatePenalties.nikConflict : 0);
  // Rounded so the same evidence gives the same score whatever order the floats were added in.
  return { score: Math.round(clamp01(raw) * 1000) / 1000, reasons };
};

export const isLikelyDuplicate = (score: number): boolean => score >= duplicateThreshold;
