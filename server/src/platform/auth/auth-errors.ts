import { defineErrors } from '../errors/app-error.ts';
import { type PasswordProblem, passwordProblemMessages } from './password-policy.ts';

export const authError = defineErrors({
  'auth.invalid_credentials': {
    status: 401,
    message: {
      id: 'Email/nama pengguna atau kata sandi salah.',
      en: 'Wrong email/username or password.',
    },
  },
  'auth.inactive': {
    status: 403,
    message: {
      id: 'Akun ini telah dinonaktifkan. Hubungi admin.',
      en: 'This account has been deactivated. Contact the administrator.',
    },
  },
  'auth.password_too_short': { status: 400, message: passwordProblemMessages.too_short },
  'auth.password_too_long': { status: 400, message: passwordProblemMessages.too_long },
  'auth.password_too_common': { status: 400, message: passwordProblemMessages.too_common },
  'auth.password_contains_identity': { status: 400, message: passwordProblemMessages.contains_identity },
  'auth.password_demo_password': { status: 400, message: passwordProblemMessages.demo_password },
  'auth.sign_in_locked': {
    status: 429,
    message: {
      id: 'Terlalu banyak percobaan masuk yang gagal untuk akun ini. Coba lagi dalam {seconds} detik.',
      en: 'Too many failed sign-in attempts for this account. Try again in {seconds} seconds.',
    },
  },
  'auth.wrong_current_password': {
    status: 400,
    message: { id: 'Kata sandi saat ini salah.', en: 'The current password is wrong.' },
  },
  'auth.username_self_change': {
    status: 403,
    message: {
      id: 'Nama pengguna tidak dapat diubah sendiri; hubungi admin.',
      en: 'You cannot change your own username; ask the administrator.',
    },
  },
  'auth.request_failed': {
    status: 400,
    message: {
      id: 'Permintaan masuk tidak dapat diproses.',
      en: 'The sign-in request could not be processed.',
    },
  },
});

/** The error for a refused password, pointing at the `password` field. */
export const passwordError = (problem: PasswordProblem, path = 'password') => {
  const code = `auth.password_${problem}` as const;
  return authError(code, {}, [{ path, message: authError(code).localised }]);
};
