import { definePolicy } from '../../platform/policy/policy.ts';

/**
 * The registry is reference data for every signed-in user (workers pick referral targets
 * from it). The head of the balai an LKS works with keeps its record; the administrator
 * keeps every record and links partner staff accounts to their institution.
 */
export const partnerPolicy = definePolicy('partner', {
  read: { anySignedIn: true, grants: {} },
  manage: { grants: { admin: 'all', center_head: 'own_center' } },
  members: { grants: { admin: 'all' } },
});
