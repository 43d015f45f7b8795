import { type AppError, defineErrors } from '../../platform/errors/app-error.ts';

export const outreachError = defineErrors({
  'outreach.not_found': { status: 404, message: { id: 'Data tidak ditemukan.', en: 'Not found.' } },
  'outreach.shelter_full': {
    status: 409,
    message: {
      id: 'TPS {name} penuh ({occupied} dari {capacity}). Pilih TPS lain.',
      en: 'Shelter {name} is full ({occupied} of {capacity}). Choose another one.',
    },
  },
  'outreach.partner_full': {
    status: 409,
    message: {
      id: 'LKS {name} penuh ({occupied} dari {capacity}).',
      en: 'Partner {name} is full ({occupied} of {capacity}).',
    },
  },
  'outreach.shelter_closed': {
    status: 400,
    message: { id: 'TPS ini sudah ditutup.', en: 'This shelter is closed.' },
  },
  'outreach.partner_unknown': {
    status: 400,
    message: { id: 'LKS tidak ditemukan atau tidak aktif.', en: 'Partner not found or inactive.' },
  },
  'outreach.date_future': {
    status: 400,
    message: { id: 'Tanggal tidak boleh di masa depan.', en: 'The date cannot be in the future.' },
  },
  'outreach.date_before_stay': {
    status: 400,
    message: {
      id: 'Tanggal pindah tidak boleh sebelum tanggal penempatan sekarang ({since}).',
      en: 'The move date cannot be before the current stay began ({since}).',
    },
  },
  'outreach.same_place': {
    status: 400,
    message: { id: 'Orang ini sudah berada di tempat tersebut.', en: 'The person is already there.' },
  },
  'outreach.case_closed': {
    status: 409,
    message: {
      id: 'Kasus ini sudah ditutup (terminasi), jadi orangnya tidak dapat dipindahkan. Kepala balai dapat membuka kembali kasusnya bila perlu.',
      en: 'This case is closed (terminated), so the person cannot be moved. The centre head can reopen the case if needed.',
    },
  },
  'outreach.shelter_occupied': {
    status: 409,
    message: {
      id: 'TPS masih dihuni {occupied} orang. Pindahkan mereka dahulu.',
      en: 'The shelter still houses {occupied} people. Move them first.',
    },
  },
  'outreach.region_unknown': {
    status: 400,
    message: { id: 'Wilayah tidak ditemukan.', en: 'Unknown region.' },
  },
  'outreach.version_conflict': {
    status: 409,
    message: {
      id: 'Data ini telah diubah oleh pengguna lain. Muat ulang untuk melihat perubahan terbaru.',
      en: 'Someone else changed this record. Reload to see the latest version.',
    },
  },
});

export const outreachFieldError = (
  code: Parameters<typeof outreachError>[0],
  path: string,
  params: Record<string, string | number> = {},
): AppError => outreachError(code, params, [{ path, message: outreachError(code, params).localised }]);
