import { defineErrors } from '../../platform/errors/app-error.ts';

export const personError = defineErrors({
  'person.not_found': {
    status: 404,
    message: { id: 'Data penerima manfaat tidak ditemukan.', en: 'Person not found.' },
  },
  'person.nik_exists': {
    status: 409,
    message: {
      id: 'NIK ini sudah terdaftar atas nama {name}. Buka data yang sudah ada alih-alih membuat yang baru.',
      en: 'This NIK is already registered to {name}. Open the existing record instead of creating a new one.',
    },
  },
  'person.nik_exists_elsewhere': {
    status: 409,
    message: {
      id: 'NIK ini sudah terdaftar di balai lain. Untuk melayani orang ini di balai Anda, buka kasus dengan bukti identitasnya (NIK atau nomor KK).',
      en: 'This NIK is registered at another centre. To serve this person at yours, open a case with proof of their identity (NIK or KK number).',
    },
  },
  'person.nik_invalid': {
    status: 400,
    message: { id: 'NIK tidak valid: {problem}.', en: 'Invalid NIK: {problem}.' },
  },
  'person.nik_warnings': {
    status: 422,
    message: {
      id: 'Data tidak cocok dengan NIK. Periksa kembali, lalu centang konfirmasi bila data sudah benar.',
      en: 'The data does not match the NIK. Check it, then tick the confirmation if it is right.',
    },
  },
  'person.region_unknown': {
    status: 400,
    message: { id: 'Wilayah {code} tidak dikenal.', en: 'Region {code} is unknown.' },
  },
  'person.version_conflict': {
    status: 409,
    message: {
      id: 'Data ini telah diubah oleh pengguna lain. Muat ulang untuk melihat perubahan terbaru.',
      en: 'Someone else changed this record. Reload to see the latest version.',
    },
  },
  'person.merge_same': {
    status: 400,
    message: {
      id: 'Tidak dapat menggabungkan data dengan dirinya sendiri.',
      en: 'A record cannot be merged with itself.',
    },
  },
  'person.already_merged': {
    status: 409,
    message: {
      id: 'Data ini sudah digabungkan ke data lain.',
      en: 'This record has already been merged into another.',
    },
  },
  'person.relation_self': {
    status: 400,
    message: {
      id: 'Seseorang tidak dapat menjadi keluarga dirinya sendiri.',
      en: 'A person cannot be their own family member.',
    },
  },
});
