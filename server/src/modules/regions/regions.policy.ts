import { definePolicy } from '../../platform/policy/policy.ts';

/** Region names are public reference data: the public SERASI form needs them too. */
export const regionPolicy = definePolicy('region', {
  read: { public: true, grants: {} },
});
