import { definePolicy } from '../../platform/policy/policy.ts';

const caseworkers = {
  social_worker: 'own_center',
  center_head: 'own_center',
  desk_officer: 'own_center',
} as const;

/**
 * Persons are seen in full only within the centres that registered them (later: that serve
 * them in a case); central staff read everything, write nothing. The duplicate finder looks
 * nationwide but answers masked summaries only.
 */
export const personPolicy = definePolicy('person', {
  search: { grants: { ...caseworkers, central: 'all' } },
  read: { grants: { ...caseworkers, central: 'all' } },
  create: { grants: caseworkers },
  update: { grants: { social_worker: 'own_center', center_head: 'own_center' } },
  findDuplicates: { grants: caseworkers },
  merge: { grants: { center_head: 'own_center' } },
});
