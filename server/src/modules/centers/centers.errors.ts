import { defineErrors } from '../../platform/errors/app-error.ts';

export const centerError = defineErrors({
  'center.not_found': { status: 404, message: { id: 'Balai tidak ditemukan.', en: 'Centre not found.' } },
  'center.code_taken': {
    status: 409,
    message: {
      id: 'Kode balai {code} sudah dipakai balai lain.',
      en: 'Centre code {code} is already used by another centre.',
    },
  },
  'center.region_unknown': {
    status: 400,
    message: { id: 'Wilayah {code} tidak dikenal.', en: 'Region {code} is unknown.' },
  },
  'center.no_free_bed': {
    status: 409,
    message: {
      id: 'Tidak ada tempat tidur kosong di balai ini. Pilih balai lain dari rekomendasi.',
      en: 'No free bed at this centre. Choose another centre from the recommendations.',
    },
  },
  'center.version_conflict': {
    status: 409,
    message: {
      id: 'Data balai ini telah diubah oleh pengguna lain. Muat ulang untuk melihat perubahan terbaru.',
      en: 'Someone else changed this centre. Reload to see the latest version.',
    },
  },
});
