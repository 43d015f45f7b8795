import { definePolicy } from '../../platform/policy/policy.ts';

/** Outreach teams are the balai's social workers and head; central staff follow the figures read-only. */
export const outreachPolicy = definePolicy('outreach', {
  read: { grants: { social_worker: 'own_center', center_head: 'own_center', central: 'all' } },
  record: { grants: { social_worker: 'own_center', center_head: 'own_center' } },
  manageShelters: { grants: { center_head: 'own_center', social_worker: 'own_center' } },
});
