/**
 * The guard on a crowdfunding campaign's public text (the title and story shown on
 * kitabisa.com or another platform). The story may say what the beneficiary needs, but it
 * must never identify them by number (NIK, KK, phone) nor reveal that they belong to a
 * sensitive cluster: a mental disorder, drug use, HIV, trafficking or sexual violence.
 *
 * The guard is against accidental disclosure by staff writing in good faith, not against
 * someone set on evading it: it reads words and digit runs, not spaced-out letters.
 */

export type SensitiveTopic = 'mental_disorder' | 'drugs' | 'hiv' | 'trafficking' | 'sexual_violence';

/**
 * Words and phrases (Indonesian first, the common English ones too) that reveal a sensitive
 * cluster. Matched as whole words, also with an Indonesian suffix (`narkobanya`), case and
 * punctuation ignored. Short or ambiguous words are left out (`gila`, bare `aids`, which also
 * means hearing aids in an assistive-device story).
 */
export const sensitivePublicTerms: Readonly<Record<SensitiveTopic, readonly string[]>> = {
  mental_disorder: [
    'odgj',
    'odmk',
    'gangguan jiwa',
    'gangguan kejiwaan',
    'gangguan mental',
    'sakit jiwa',
    'penyakit jiwa',
    'rumah sakit jiwa',
    'rsj',
    'skizofrenia',
    'psikotik',
    'psikosis',
    'bipolar',
    'dipasung',
    'pemasungan',
    'mental illness',
    'mental disorder',
    'schizophrenia',
  ],
  drugs: [
    'napza',
    'narkoba',
    'narkotika',
    'psikotropika',
    'pecandu',
    'penyalahguna',
    'penyalahgunaan zat',
    'sabu',
    'sabu sabu',
    'putaw',
    'heroin',
    'ganja',
    'drug addict',
    'drug abuse',
    'drug user',
  ],
  hiv: ['hiv', 'odha', 'odhiv', 'penderita aids', 'pengidap aids', 'positif aids'],
  trafficking: [
    'perdagangan orang',
    'perdagangan manusia',
    'korban perdagangan',
    'tppo',
    'trafficking',
    'human trafficking',
  ],
  sexual_violence: [
    'kekerasan seksual',
    'pelecehan seksual',
    'kejahatan seksual',
    'pemerkosaan',
    'perkosaan',
    'diperkosa',
    'rudapaksa',
    'pencabulan',
    'dicabuli',
    'sexual abuse',
    'sexual violence',
    'sexual assault',
    'rape',
    'raped',
  ],
};

/** Indonesian suffixes that may follow a word without changing what it reveals. */
const suffixes = ['', 'nya', 'lah', 'kah', 'pun', 'ku', 'mu'];

/** Lower case, accents off, every run of non-letters/digits one space, padded with spaces. */
export const normalisePublicText = (text: string): string =>
  ` ${text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;

const termIndex: readonly { term: string; topic: SensitiveTopic }[] = (
  Object.entries(sensitivePublicTerms) as [SensitiveTopic, readonly string[]][]
).flatMap(([topic, terms]) => terms.map((t) => ({ term: normalisePublicText(t).trim(), topic })));

export type PublicTextProblem =
  /** The beneficiary's own NIK. */
  | { reason: 'nik'; match: string }
  /** The beneficiary's family card (KK) number. */
  | { reason: 'kk'; match: string }
  /** Any number of 16 digits or more (the shape of a NIK or KK number). */
  | { reason: 'sixteen_digits'; match: string }
  | { reason: 'phone'; match: string }
  | { reason: 'sensitive_word'; match: string; topic: SensitiveTopic };

/** What the text must not carry about this beneficiary, when known. */
export type KnownIdentifiers = {
  nik?: string | null;
  kkNumber?: string | null;
  phone?: string | null;
};

const digitsOf = (s: string) => s.replace(/\D/g, '');

/** `0812…`, `62812…` and `+62812…` are the same number: compare from the digit after the prefix. */
const phoneCore = (digits: string): string => {
  if (digits.startsWith('62')) return digits.slice(2);
  if (digits.startsWith('0')) return digits.slice(1);
  return digits;
};

/**
 * An Indonesian phone number by its digits: mobile `08…` (10–13 digits) or `628…` (11–14),
 * landline `0` + area code (`02`…`09` but not `08`; 9–12 digits, e.g. `021 1234567`, `0380 821234`).
 */
export const looksLikePhone = (digits: string): boolean => {
  if (/^08\d{8,11}$/.test(digits)) return true;
  if (/^628\d{8,11}$/.test(digits)) return true;
  return /^0[2-79]\d{7,10}$/.test(digits);
};

/**
 * Runs of digits as people write numbers: groups separated by at most two characters among
 * space, dot, hyphen and parentheses (`0812-3456-7890`, `(021) 1234567`, `3201 0112 …`),
 * optionally starting with `+`.
 */
const digitRuns = /\+?\(?\d(?:[ .\-()]{0,2}\d)*/g;

/** An amount (`Rp 1.500.000`, `Rp. 62.800.000.000`) is money, not a phone number. */
const isAmount = (text: string, index: number) =>
  /rp\.?\s*$/i.test(text.slice(Math.max(0, index - 5), index));

/** Every problem in the text, in the order found; empty when it may be published. */
export const findPublicTextProblems = (text: string, known: KnownIdentifiers = {}): PublicTextProblem[] => {
  const problems: PublicTextProblem[] = [];
  const nik = digitsOf(known.nik ?? '');
  const kk = digitsOf(known.kkNumber ?? '');
  const ownPhone = phoneCore(digitsOf(known.phone ?? ''));
  for (const m of text.matchAll(digitRuns)) {
    const match = m[0].trim();
    const digits = digitsOf(match);
    if (nik.length >= 8 && digits.includes(nik)) problems.push({ reason: 'nik', match });
    else if (kk.length >= 8 && digits.includes(kk)) problems.push({ reason: 'kk', match });
    else if (digits.length >= 16) problems.push({ reason: 'sixteen_digits', match });
    else if (isAmount(text, m.index ?? 0)) continue;
    else if (looksLikePhone(digits) || (ownPhone.length >= 7 && phoneCore(digits) === ownPhone))
      problems.push({ reason: 'phone', match });
  }
  const normalised = normalisePublicText(text);
  for (const { term, topic } of termIndex) {
    if (suffixes.some((s) => normalised.includes(` ${term}${s} `))) {
      problems.push({ reason: 'sensitive_word', match: term, topic });
    }
  }
  return problems;
};
