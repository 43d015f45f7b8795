import { definePolicy } from '../../platform/policy/policy.ts';

const caseworkers = {
  social_worker: 'own_center',
  center_head: 'own_center',
  desk_officer: 'own_center',
} as const;

/**
 * Persons are seen in full within the centres that registered them or serve them in a case;
 * central staff read everything. The duplicate finder looks nationwide but answers masked
 * summaries only. A merge rewrites both records: a centre head merges two records registered
 * at their centres; records of different centres are merged by central staff, the Ditjen's
 * data stewards, who already read every person in full (decision 0017). Central writes
 * nothing else here.
 */
export const personPolicy = definePolicy('person', {
  search: { grants: { ...caseworkers, central: 'all' } },
  read: { grants: { ...caseworkers, central: 'all' } },
  create: { grants: caseworkers },
  update: { grants: { social_worker: 'own_center', center_head: 'own_center' } },
  findDuplicates: { grants: caseworkers },
  merge: { grants: { center_head: 'own_center', central: 'all' } },
});
