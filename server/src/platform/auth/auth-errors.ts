import { limits } from '@atensi/domain';
import { defineErrors } from '../errors/app-error.ts';

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
  'auth.password_too_short': {
    status: 400,
    message: {
      id: 'Kata sandi minimal {min} karakter.',
      en: 'The password needs at least {min} characters.',
    },
  },
  'auth.password_too_long': {
    status: 400,
    message: {
      id: 'Kata sandi maksimal {max} karakter.',
      en: 'The password may have at most {max} characters.',
    },
  },
  'auth.password_too_common': {
    status: 400,
    message: {
      id: 'Kata sandi terlalu umum dan mudah ditebak. Gunakan kalimat yang panjang dan unik.',
      en: 'This password is too common and easy to guess. Use a long, unique phrase.',
    },
  },
  'auth.password_contains_identity': {
    status: 400,
    message: {
      id: 'Kata sandi tidak boleh memuat nama atau email pengguna.',
      en: 'The password must not contain the user’s name or email.',
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

type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'contains_identity';

/** The error for a refused password, pointing at the `password` field. */
export const passwordError = (problem: PasswordProblem) => {
  const code = `auth.password_${problem}` as const;
  const params = { min: limits.passwordMin, max: limits.passwordMax };
  return authError(code, params, [{ path: 'password', message: authError(code, params).localised }]);
};
