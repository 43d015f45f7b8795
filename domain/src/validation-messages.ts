import type { Locale } from './format/dates.ts';

/**
 * Messages of the domain's own validation rules, in both languages. Schemas carry the key
 * as their message; the server and the web translate it, so both show the same words.
 * `{name}` is filled from the issue's `params` (see `validationMessage`).
 */
export const validationMessages = {
  'validation.role_center': {
    id: 'Peran nasional (admin, pusat) tanpa balai; peran lain wajib memilih balai.',
    en: 'National roles (admin, central) have no centre; every other role needs one.',
  },
  'validation.region_code': {
    id: 'Kode wilayah tidak valid (contoh: 32.01.01.2001).',
    en: 'Invalid region code (for example 32.01.01.2001).',
  },
  'validation.coverage_level': {
    id: 'Wilayah jangkauan harus provinsi atau kabupaten/kota.',
    en: 'Coverage must be a province or a regency/city.',
  },
  'validation.center_code': {
    id: 'Kode hanya huruf besar, angka dan tanda hubung.',
    en: 'Code may contain only capital letters, digits and hyphens.',
  },
  'validation.occupancy': {
    id: 'Hunian tidak boleh melebihi kapasitas tempat tidur.',
    en: 'Occupancy cannot exceed the bed capacity.',
  },
  'validation.phone': {
    id: 'Nomor telepon tidak valid.',
    en: 'Invalid phone number.',
  },
  'validation.username': {
    id: 'Nama pengguna hanya huruf kecil, angka, titik dan garis bawah.',
    en: 'Username may contain only lower-case letters, digits, dots and underscores.',
  },
  'validation.sixteen_digits': { id: 'Harus 16 digit angka.', en: 'Must be 16 digits.' },
  'validation.rt_rw': { id: 'RT/RW berupa angka 1–3 digit.', en: 'RT/RW is a 1–3 digit number.' },
  'validation.nik_or_reason': {
    id: 'Isi NIK, atau pilih alasan NIK tidak diketahui.',
    en: 'Enter the NIK, or choose why it is unknown.',
  },
  'validation.birth_date_or_estimate': {
    id: 'Isi tanggal lahir, atau perkiraan tahun lahir.',
    en: 'Enter the date of birth, or an estimated birth year.',
  },
  'validation.consent_giver': {
    id: 'Pilih siapa yang memberi persetujuan.',
    en: 'Choose who gave consent.',
  },
  'validation.guardian_name': {
    id: 'Isi nama orang tua/wali yang memberi persetujuan.',
    en: 'Enter the name of the parent/guardian who consented.',
  },
  'validation.override_reason': {
    id: 'Tulis alasan memilih balai selain rekomendasi pertama.',
    en: 'Give the reason for choosing a centre other than the first recommendation.',
  },
  'validation.identity_proof_one': {
    id: 'Isi salah satu: NIK atau nomor KK orang yang Anda layani.',
    en: 'Give one of them: the NIK or the KK number of the person you serve.',
  },
  'validation.next_visit_after': {
    id: 'Kunjungan berikutnya harus setelah tanggal kunjungan ini.',
    en: 'The next visit must be after this visit.',
  },
  'validation.serasi_consent': {
    id: 'Centang persetujuan agar laporan dapat diproses.',
    en: 'Tick the consent so the report can be processed.',
  },
  'validation.serasi_subject': {
    id: 'Pilih siapa yang dilaporkan.',
    en: 'Choose who is being reported.',
  },
  'validation.serasi_aid_program': {
    id: 'Pilih program bantuan yang diadukan.',
    en: 'Choose the aid programme the complaint is about.',
  },
  'validation.serasi_reporter': {
    id: 'Isi nama dan kontak, atau pilih lapor tanpa nama.',
    en: 'Enter your name and contact, or choose to report anonymously.',
  },
  'validation.date_range': {
    id: 'Tanggal akhir tidak boleh sebelum tanggal awal.',
    en: 'The end date cannot be before the start date.',
  },
  'validation.serasi_case': {
    id: 'Pilih kasus, atau isi nomor kasus (ATN-…).',
    en: 'Choose a case, or enter the case number (ATN-…).',
  },
  'validation.accredited_until': {
    id: 'Isi tanggal berlaku akreditasi.',
    en: 'Enter the date the accreditation is valid until.',
  },
  'validation.referral_partner': { id: 'Pilih LKS tujuan rujukan.', en: 'Choose the partner institution.' },
  'validation.referral_center': { id: 'Pilih balai tujuan rujukan.', en: 'Choose the receiving centre.' },
  'validation.referral_name': {
    id: 'Isi nama rumah sakit atau instansi tujuan.',
    en: 'Enter the name of the hospital or agency.',
  },
  'validation.stay_shelter': { id: 'Pilih TPS tujuan.', en: 'Choose the shelter.' },
  'validation.text_characters': {
    id: 'Teks memuat karakter yang tidak dapat disimpan (karakter kosong atau rusak).',
    en: 'The text holds characters that cannot be stored (a null or broken character).',
  },
  'validation.date_min': { id: 'Tanggal tidak boleh sebelum {min}.', en: 'The date cannot be before {min}.' },
  'validation.date_max': { id: 'Tanggal tidak boleh setelah {max}.', en: 'The date cannot be after {max}.' },
  'validation.year_max': { id: 'Tahun tidak boleh setelah {max}.', en: 'The year cannot be after {max}.' },
} as const;

export type ValidationMessageKey = keyof typeof validationMessages;

export const isValidationMessageKey = (m: string): m is ValidationMessageKey => m in validationMessages;

const intlLocale: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** A parameter as the reader reads it: an ISO day as `1 Januari 2000` / `1 January 2000`. */
const wordParam = (value: unknown, lang: Locale): string => {
  const text = String(value);
  if (!isoDay.test(text)) return text;
  return new Intl.DateTimeFormat(intlLocale[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${text}T00:00:00Z`));
};

/** The message of a domain rule in `lang`, its `{name}` placeholders filled from the params. */
export const validationMessage = (
  key: ValidationMessageKey,
  lang: Locale,
  params: Record<string, unknown> = {},
): string =>
  validationMessages[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? wordParam(params[name], lang) : whole,
  );
