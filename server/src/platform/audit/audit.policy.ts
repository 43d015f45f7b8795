import { definePolicy } from '../policy/policy.ts';

export const auditPolicy = definePolicy('audit', {
  read: { grants: { admin: 'all', central: 'all' } },
});
