import { definePolicy } from '../../platform/policy/policy.ts';

/**
 * The public files and tracks tickets without signing in. Desk officers and centre heads
 * work the tickets of the centres covering the ticket's region (or assigned to it); central
 * staff read every ticket and the national metrics.
 */
export const serasiPolicy = definePolicy('serasi', {
  form: { public: true, grants: {} },
  file: { public: true, grants: {} },
  track: { public: true, grants: {} },
  list: { grants: { desk_officer: 'own_center', center_head: 'own_center', central: 'all' } },
  read: { grants: { desk_officer: 'own_center', center_head: 'own_center', central: 'all' } },
  triage: { grants: { desk_officer: 'own_center', center_head: 'own_center' } },
  /** A forwarded ticket's referral: the sending desk records answers; the receiving LKS answers its own. */
  answerReferral: {
    grants: { desk_officer: 'own_center', center_head: 'own_center', partner: 'own_center' },
  },
  metrics: { grants: { desk_officer: 'own_center', center_head: 'own_center', central: 'all' } },
  readSla: {
    grants: { desk_officer: 'own_center', center_head: 'own_center', central: 'all', admin: 'all' },
  },
  updateSla: { grants: { admin: 'all' } },
});
