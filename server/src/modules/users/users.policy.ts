import { definePolicy } from '../../platform/policy/policy.ts';

export const userPolicy = definePolicy('user', {
  /** Any signed-in user may ask who they are. */
  me: { anySignedIn: true, grants: {} },
  manage: { grants: { admin: 'all' } },
});
