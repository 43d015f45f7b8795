import type { Locale } from '../format/dates.ts';
import type { CampaignFields, CampaignStatus } from './campaign.schema.ts';
import { findPublicTextProblems, type KnownIdentifiers, type PublicTextProblem } from './public-text.ts';

/**
 * Messages of the fundraising rules that span fields or need facts Zod does not have (the
 * beneficiary's NIK), in both languages. The server sends them as `fields`; the web shows
 * the same words when it checks a form before sending.
 */
export const fundraisingRuleMessages = {
  platform_name: {
    id: 'Tulis nama platform penggalangan dana.',
    en: 'Enter the name of the fundraising platform.',
  },
  ends_before_start: {
    id: 'Tanggal selesai tidak boleh sebelum tanggal mulai.',
    en: 'The end date cannot be before the start date.',
  },
  nik: {
    id: 'Teks publik memuat NIK penerima manfaat. Hapus nomor tersebut.',
    en: 'The public text contains the beneficiary’s NIK. Remove that number.',
  },
  kk: {
    id: 'Teks publik memuat nomor KK penerima manfaat. Hapus nomor tersebut.',
    en: 'The public text contains the beneficiary’s family card (KK) number. Remove that number.',
  },
  sixteen_digits: {
    id: 'Teks publik memuat nomor 16 digit (seperti NIK atau KK). Hapus nomor tersebut.',
    en: 'The public text contains a 16-digit number (like a NIK or KK number). Remove that number.',
  },
  phone: {
    id: 'Teks publik memuat nomor telepon. Hapus nomor tersebut; donatur menghubungi platform, bukan penerima manfaat.',
    en: 'The public text contains a phone number. Remove it; donors contact the platform, not the beneficiary.',
  },
  sensitive_word: {
    id: 'Teks publik memuat kata yang mengungkap kondisi sensitif penerima manfaat: “{match}”. Ganti dengan uraian kebutuhan tanpa menyebut kondisi tersebut.',
    en: 'The public text contains a word that reveals the beneficiary’s sensitive condition: “{match}”. Describe the need without naming it.',
  },
  consent_story: {
    id: 'Persetujuan harus mencakup publikasi cerita; tanpa itu kampanye tidak dapat ditayangkan.',
    en: 'Consent must cover publishing the story; without it the campaign cannot run.',
  },
  date_future: {
    id: 'Tanggal tidak boleh di masa depan.',
    en: 'The date cannot be in the future.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type FundraisingRuleKey = keyof typeof fundraisingRuleMessages;

/** One problem with one field: `path` as the API and the forms name fields. */
export type FundraisingRuleProblem = {
  path: string;
  key: FundraisingRuleKey;
  params?: Record<string, string>;
};

/** The problem's sentence in one language, parameters filled in. */
export const fundraisingRuleMessage = (p: FundraisingRuleProblem, lang: Locale): string =>
  fundraisingRuleMessages[p.key][lang].replace(/\{(\w+)\}/g, (_, k: string) => p.params?.[k] ?? '');

const fromPublicText = (path: string, problem: PublicTextProblem): FundraisingRuleProblem =>
  problem.reason === 'sensitive_word'
    ? { path, key: 'sensitive_word', params: { match: problem.match } }
    : { path, key: problem.reason };

/** The first public-text problem of a field, if any (one message per field is enough to act on). */
export const publicTextFieldProblem = (
  path: string,
  value: string,
  known: KnownIdentifiers = {},
): FundraisingRuleProblem | null => {
  const [first] = findPublicTextProblems(value, known);
  return first ? fromPublicText(path, first) : null;
};

/**
 * The campaign rules Zod leaves out: the platform's name for `other`, dates in order, and a
 * title and story that may be published (`known`: the beneficiary's NIK, KK and phone, which
 * only the server has).
 */
export const campaignInputProblems = (
  input: Pick<CampaignFields, 'platform' | 'platformName' | 'startsOn' | 'endsOn' | 'title' | 'story'>,
  known: KnownIdentifiers = {},
): FundraisingRuleProblem[] => {
  const problems: FundraisingRuleProblem[] = [];
  if (input.platform === 'other' && !input.platformName?.trim()) {
    problems.push({ path: 'platformName', key: 'platform_name' });
  }
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) {
    problems.push({ path: 'endsOn', key: 'ends_before_start' });
  }
  for (const path of ['title', 'story'] as const) {
    const problem = publicTextFieldProblem(path, input[path], known);
    if (problem) problems.push(problem);
  }
  return problems;
};

/** `today`: the latest calendar day anywhere in Indonesia (WIT), `YYYY-MM-DD`. */
export const consentProblems = (
  input: { publishStory: boolean; consentedOn: string },
  today: string,
): FundraisingRuleProblem[] => {
  const problems: FundraisingRuleProblem[] = [];
  if (!input.publishStory) problems.push({ path: 'publishStory', key: 'consent_story' });
  if (input.consentedOn > today) problems.push({ path: 'consentedOn', key: 'date_future' });
  return problems;
};

/** What each status allows. Disbursements go on after closing: platforms pay out when a campaign ends. */
export const campaignAllows = {
  edit: (s: CampaignStatus) => s === 'draft' || s === 'active',
  consent: (s: CampaignStatus) => s === 'draft' || s === 'active',
  activate: (s: CampaignStatus) => s === 'draft',
  update: (s: CampaignStatus) => s === 'active' || s === 'closed',
  disburse: (s: CampaignStatus) => s === 'active' || s === 'closed',
  close: (s: CampaignStatus) => s === 'active',
  cancel: (s: CampaignStatus) => s === 'draft' || s === 'active',
} as const;

/** Raised and not yet paid out: the most the next disbursement may be. */
export const disbursableRupiah = (c: { raisedRupiah: number; disbursedRupiah: number }): number =>
  Math.max(0, c.raisedRupiah - c.disbursedRupiah);

/** Share of the target raised, 0–100 for a progress bar (over 100 % shows full). */
export const progressPercent = (c: { raisedRupiah: number; targetRupiah: number }): number =>
  c.targetRupiah <= 0 ? 0 : Math.min(100, Math.floor((c.raisedRupiah * 100) / c.targetRupiah));
