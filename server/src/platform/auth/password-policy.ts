import { createRequire } from 'node:module';
import { limits } from '@atensi/domain';

const require = createRequire(import.meta.url);
/** The common-password list of zxcvbn-ts (about 49,000 leaked passwords). */
const common: string[] = require('@zxcvbn-ts/language-common').dictionary['passwords-common'];

/** Words Indonesian users and this ministry's staff are likely to build passwords from. */
const localWords = [
  'kemensos',
  'kementeriansosial',
  'atensi',
  'rehsos',
  'indonesia',
  'bismillah',
  'merdeka',
  'sayang',
  'rahasia',
  'katasandi',
  'balai',
];

const commonSet = new Set([...common, ...localWords].map((p) => p.toLowerCase()));

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'contains_identity';

/**
 * Length first, then the list: a password is refused when it is on the list, or is a
 * listed password with only digits or symbols around it ("password1234!"), or repeats one
 * character, or contains the user's own name or email.
 */
export const passwordProblem = (password: string, identity: string[] = []): PasswordProblem | null => {
  if (password.length < limits.passwordMin) return 'too_short';
  if (password.length > limits.passwordMax) return 'too_long';
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (commonSet.has(lower) || (core.length >= 4 && commonSet.has(core)) || /^(.)\1+$/.test(lower))
    return 'too_common';
  for (const id of identity) {
    const part = id.toLowerCase().split('@')[0] ?? '';
    if (part.length >= 4 && lower.includes(part)) return 'contains_identity';
  }
  return null;
};
