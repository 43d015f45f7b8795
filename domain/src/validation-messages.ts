/**
 * Messages of the domain's own validation rules, in both languages. Schemas carry the key
 * as their message; the server and the web translate it, so both show the same words.
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
} as const;

export type ValidationMessageKey = keyof typeof validationMessages;

export const isValidationMessageKey = (m: string): m is ValidationMessageKey => m in validationMessages;
