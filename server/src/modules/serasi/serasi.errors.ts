import { type AppError, defineErrors } from '../../platform/errors/app-error.ts';

export const serasiError = defineErrors({
  'serasi.not_found': { status: 404, message: { id: 'Tiket tidak ditemukan.', en: 'Ticket not found.' } },
  'serasi.code_not_found': {
    status: 404,
    message: {
      id: 'Kode lacak tidak ditemukan. Periksa kembali kode yang Anda terima.',
      en: 'Tracking code not found. Check the code you received.',
    },
  },
  'serasi.form_invalid': {
    status: 400,
    message: {
      id: 'Formulir tidak sah. Muat ulang halaman lalu kirim kembali.',
      en: 'The form is not valid. Reload the page and send it again.',
    },
  },
  'serasi.form_too_fast': {
    status: 400,
    message: {
      id: 'Formulir dikirim terlalu cepat. Tunggu beberapa detik lalu kirim kembali.',
      en: 'The form was sent too quickly. Wait a few seconds and send it again.',
    },
  },
  'serasi.form_expired': {
    status: 400,
    message: {
      id: 'Formulir sudah terlalu lama dibuka. Muat ulang halaman lalu kirim kembali.',
      en: 'The form has been open too long. Reload the page and send it again.',
    },
  },
  'serasi.form_used': {
    status: 409,
    message: {
      id: 'Laporan dari formulir ini sudah terkirim. Muat ulang halaman untuk laporan baru.',
      en: 'This form has already been sent. Reload the page for a new report.',
    },
  },
  'serasi.too_many': {
    status: 429,
    message: {
      id: 'Terlalu banyak permintaan dari jaringan Anda. Coba lagi dalam {minutes} menit, atau hubungi balai terdekat.',
      en: 'Too many requests from your network. Try again in {minutes} minutes, or contact the nearest centre.',
    },
  },
  'serasi.region_unknown': {
    status: 400,
    message: {
      id: 'Wilayah tidak ditemukan. Pilih desa/kelurahan dari daftar.',
      en: 'Unknown region. Choose a village from the list.',
    },
  },
  'serasi.village_required': {
    status: 400,
    message: { id: 'Pilih sampai tingkat desa/kelurahan.', en: 'Choose down to the village.' },
  },
  'serasi.photo_invalid': {
    status: 400,
    message: {
      id: 'Foto harus berupa JPEG, PNG atau WebP dan paling besar 3 MB.',
      en: 'The photo must be a JPEG, PNG or WebP of at most 3 MB.',
    },
  },
  'serasi.closed': { status: 409, message: { id: 'Tiket sudah ditutup.', en: 'The ticket is closed.' } },
  'serasi.center_not_covering': {
    status: 400,
    message: {
      id: 'Balai yang dipilih tidak menjangkau wilayah tiket ini.',
      en: 'The chosen centre does not cover this ticket’s region.',
    },
  },
  'serasi.already_has_case': {
    status: 409,
    message: {
      id: 'Tiket ini sudah terhubung dengan kasus.',
      en: 'This ticket is already linked to a case.',
    },
  },
  'serasi.case_not_found': {
    status: 400,
    message: {
      id: 'Kasus tidak ditemukan atau di luar wewenang Anda.',
      en: 'Case not found or outside your scope.',
    },
  },
  'serasi.person_not_found': {
    status: 400,
    message: {
      id: 'Penerima manfaat tidak ditemukan atau di luar wewenang Anda.',
      en: 'Person not found or outside your scope.',
    },
  },
  'serasi.version_conflict': {
    status: 409,
    message: {
      id: 'Tiket ini telah diubah oleh petugas lain. Muat ulang untuk melihat perubahan terbaru.',
      en: 'Another officer changed this ticket. Reload to see the latest version.',
    },
  },
});

export const serasiFieldError = (
  code: Parameters<typeof serasiError>[0],
  path: string,
  params: Record<string, string | number> = {},
): AppError => serasiError(code, params, [{ path, message: serasiError(code, params).localised }]);
