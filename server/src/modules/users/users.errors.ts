import { defineErrors } from '../../platform/errors/app-error.ts';

export const userError = defineErrors({
  'user.not_found': { status: 404, message: { id: 'Pengguna tidak ditemukan.', en: 'User not found.' } },
  'user.email_taken': {
    status: 409,
    message: { id: 'Email sudah dipakai pengguna lain.', en: 'This email is already used by another user.' },
  },
  'user.username_taken': {
    status: 409,
    message: { id: 'Nama pengguna sudah dipakai.', en: 'This username is already taken.' },
  },
  'user.center_unknown': {
    status: 400,
    message: { id: 'Balai yang dipilih tidak ditemukan.', en: 'The chosen centre does not exist.' },
  },
  'user.role_exists': {
    status: 409,
    message: {
      id: 'Pengguna sudah memiliki peran ini di balai tersebut.',
      en: 'The user already holds this role there.',
    },
  },
  'user.role_not_found': {
    status: 404,
    message: { id: 'Peran tidak ditemukan.', en: 'Role assignment not found.' },
  },
  'user.self_deactivation': {
    status: 400,
    message: {
      id: 'Anda tidak dapat menonaktifkan akun sendiri.',
      en: 'You cannot deactivate your own account.',
    },
  },
});
