import { defineErrors } from '../../platform/errors/app-error.ts';

export const partnerError = defineErrors({
  'partner.not_found': {
    status: 404,
    message: { id: 'LKS tidak ditemukan.', en: 'Partner institution not found.' },
  },
  'partner.region_unknown': {
    status: 400,
    message: { id: 'Wilayah tidak ditemukan.', en: 'Unknown region.' },
  },
  'partner.center_unknown': {
    status: 400,
    message: { id: 'Balai tidak ditemukan.', en: 'Unknown centre.' },
  },
  'partner.user_not_partner': {
    status: 400,
    message: {
      id: 'Pengguna ini tidak memiliki peran LKS (mitra).',
      en: 'This user does not hold the partner role.',
    },
  },
  'partner.version_conflict': {
    status: 409,
    message: {
      id: 'Data LKS ini telah diubah oleh pengguna lain. Muat ulang untuk melihat perubahan terbaru.',
      en: 'Someone else changed this record. Reload to see the latest version.',
    },
  },
});
