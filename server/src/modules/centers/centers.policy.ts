import { definePolicy, everyRole } from '../../platform/policy/policy.ts';

/** Centres are reference data every role reads; admin and central edit any, a centre head their own. */
export const centerPolicy = definePolicy('center', {
  list: { grants: everyRole() },
  read: { grants: everyRole() },
  create: { grants: { admin: 'all', central: 'all' } },
  update: { grants: { admin: 'all', central: 'all', center_head: 'own_center' } },
  archive: { grants: { admin: 'all' } },
});
