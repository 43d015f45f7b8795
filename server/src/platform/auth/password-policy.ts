/**
 * The password rule lives in the domain (`@atensi/domain/auth/password-strength`) so the web's
 * hint says what the server decides; every server path that sets a password calls
 * `passwordProblem` from here: Better Auth's hash hook, `createUser` (admin, first-admin setup,
 * ATENSI_ADMIN_PASSWORD, demo data) and the own-password change.
 */
export {
  demoPassword,
  identityWords,
  type PasswordProblem,
  passwordProblem,
  passwordProblemMessages,
} from '@atensi/domain/auth/password-strength';
