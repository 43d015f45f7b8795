import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as indonesianDictionary } from '@zxcvbn-ts/language-id';
import { limits } from '../limits.ts';

/**
 * The one password rule of Atensi, shared by the server (the authority: every path that sets a
 * password calls `passwordProblem`) and the web (the same verdict as a hint while typing).
 * Not exported from the package index: the dictionaries weigh about 3 MB, so the web loads this
 * module only on the pages with a new-password field.
 */

/** Every demo account's password, printed in the README and at start: never a real password. */
export const demoPassword = 'Atensi-Demo-2026!';

/** zxcvbn's score (0–4) a password must reach: 3 is "safely unguessable" (≥ 10^8 guesses). */
export const minimumPasswordScore = 3;

/**
 * Words anyone would try against this system: the programme, the ministry, its desks, the
 * classic Indonesian password words, and the words of the balai's names and cities (from the seeds' list of centres). A password is also
 * judged with these removed, so "Balai-Bekasi-2026" does not pass on its separators alone.
 */
export const guessableWords: readonly string[] = [
  // programme, ministry, desks
  'atensi',
  'asistensi',
  'kemensos',
  'kementerian',
  'kementeriansosial',
  'mensos',
  'rehsos',
  'ditjen',
  'dinsos',
  'serasi',
  'sentra',
  'kreasi',
  'peksos',
  'pendamping',
  'rehabilitasi',
  'sosial',
  'balai',
  'loka',
  'indonesia',
  'jakarta',
  'merdeka',
  'demo',
  'admin',
  'password',
  'katasandi',
  'sandi',
  'rahasia',
  'bismillah',
  'sayang',
  'cinta',
  'alhamdulillah',
  // words of the balai's names and their cities
  ...'aceh alyatama ambon anak anim antasena bahagia banda bandar bandung banjarbaru barisan batam baturraden bekasi bengkulu besar bhakti bogor budi bukit bumi cenderawasih cibinong darussaadah dharma disabilitas ende engku fisik flobamora galih gelandangan gowa guna handayani insyaf inten jambi jaya jayapura kahuripan kartini kasuari kendari khatulistiwa khusus korban kupang lampung lanjut laras luhur mabaji magelang mahakam mahatmiya makassar malang manado margo mataram medan memerlukan mental merauke minaula mulya naibonat napza netra nipotowe orang padang pakuan palembang palu pangudi paramita pati pekanbaru pengemis penyalahgunaan penyandang perdagangan perkasa perlindungan pertiwi pontianak putri raha rumbai samarinda sasana satria sensorik sidoarjo siwalima soeharso soeweno sorong sumatera surakarta tabanan temanggung ternate toddopuli tumou usia utara wirajaya wyata yogyakarta'.split(
    ' ',
  ),
];

export type PasswordProblem = 'too_short' | 'too_long' | 'demo_password' | 'contains_identity' | 'too_common';

/** The words of each problem, said the same by the server's error and the web's hint. */
export const passwordProblemMessages: Record<PasswordProblem, { id: string; en: string }> = {
  too_short: {
    id: `Kata sandi minimal ${limits.passwordMin} karakter.`,
    en: `The password needs at least ${limits.passwordMin} characters.`,
  },
  too_long: {
    id: `Kata sandi maksimal ${limits.passwordMax} karakter.`,
    en: `The password may have at most ${limits.passwordMax} characters.`,
  },
  demo_password: {
    id: 'Kata sandi demo tidak boleh dipakai untuk akun sungguhan.',
    en: 'The demo password may not be used for a real account.',
  },
  contains_identity: {
    id: 'Kata sandi tidak boleh memuat nama, nama pengguna atau email pengguna.',
    en: 'The password must not contain the user’s name, username or email.',
  },
  too_common: {
    id: 'Kata sandi terlalu umum atau mudah ditebak (kata umum, pola papan ketik, nama program, balai atau tempat). Gunakan kalimat sandi panjang yang unik, mis. empat kata acak.',
    en: 'This password is too common or easy to guess (common words, keyboard patterns, names of the programme, a balai or a place). Use a long, unique passphrase, e.g. four random words.',
  },
};

/** Built once: ranking the dictionaries takes about 100 ms. */
let factory: ZxcvbnFactory | null = null;
const zxcvbn = () => {
  factory ??= new ZxcvbnFactory({
    graphs: adjacencyGraphs,
    dictionary: { ...commonDictionary, ...indonesianDictionary, atensi: [...guessableWords] },
    // Bounds the work per check (a 128-character repetition costs ~300 ms); 64 characters are plenty to judge.
    maxLength: 64,
  });
  return factory;
};

/** The person's own words: username, each part of the name, the email's local part and its pieces, the domain's labels. */
export const identityWords = (who: {
  name?: string | null;
  email?: string | null;
  username?: string | null;
}) => {
  const words = new Set<string>();
  const add = (w: string | null | undefined) => {
    const v = w?.trim().toLowerCase();
    if (v && v.length >= 3) words.add(v);
  };
  add(who.username);
  for (const part of who.username?.split(/[._-]+/) ?? []) add(part);
  for (const part of who.name?.split(/[\s.,'’-]+/) ?? []) add(part);
  const [local, domain] = (who.email ?? '').toLowerCase().split('@');
  add(local);
  for (const part of local?.split(/[._+-]+/) ?? []) add(part);
  for (const label of domain?.split('.') ?? [])
    if (!['go', 'id', 'co', 'com', 'org', 'net'].includes(label)) add(label);
  return [...words];
};

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The password with every guessable and identity word taken out (case-insensitive). */
const withoutWords = (password: string, words: readonly string[]) => {
  const sorted = [...new Set(words.filter((w) => w.length >= 3))].sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return password;
  return password.replace(new RegExp(sorted.map(escapeRegex).join('|'), 'gi'), '');
};

export type PasswordVerdict = { problem: PasswordProblem | null; score: number };

/**
 * The verdict and a 0–4 strength for a meter. `userInputs`: the person's words (see
 * `identityWords`). The score is the lower of zxcvbn's for the password and for the password with
 * the guessable and identity words removed.
 */
export const judgePassword = (
  password: string,
  options: { userInputs?: readonly string[]; allowDemoPassword?: boolean } = {},
): PasswordVerdict => {
  if (password.length < limits.passwordMin) return { problem: 'too_short', score: 0 };
  if (password.length > limits.passwordMax) return { problem: 'too_long', score: 0 };
  // Published in the README: refused unless the demo data is being loaded (never in production).
  if (password === demoPassword)
    return options.allowDemoPassword
      ? { problem: null, score: minimumPasswordScore }
      : { problem: 'demo_password', score: 0 };
  const inputs = (options.userInputs ?? []).map((w) => w.toLowerCase()).filter((w) => w.length >= 3);
  const lower = password.toLowerCase();
  // The username, the email's local part and name parts of 4+ letters, whole, inside the password.
  if (inputs.some((w) => w.length >= 4 && !w.includes('@') && lower.includes(w)))
    return { problem: 'contains_identity', score: 0 };
  const z = zxcvbn();
  const whole = z.check(password, [...inputs]).score;
  const core = withoutWords(password, [...guessableWords, ...inputs]);
  const rest = core === password ? whole : z.check(core, [...inputs]).score;
  const score = Math.min(whole, rest);
  return { problem: score < minimumPasswordScore ? 'too_common' : null, score };
};

/** What is wrong with a new password, or null. The one entry point of every path that sets one. */
export const passwordProblem = (
  password: string,
  options: { userInputs?: readonly string[]; allowDemoPassword?: boolean } = {},
): PasswordProblem | null => judgePassword(password, options).problem;
