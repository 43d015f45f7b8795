import { definePolicy } from '../../platform/policy/policy.ts';

/**
 * Route-level rules; each case is then checked against `caseVisibility`: a social worker
 * sees the cases assigned to them, a centre head every case of the centre, central staff
 * every case nationally read-only except sensitive ones (NAPZA, trafficking, ODGJ, children
 * in special protection), which only the assigned worker and the centre head may open.
 */
export const casePolicy = definePolicy('case', {
  list: { grants: { social_worker: 'own_center', center_head: 'own_center', central: 'all' } },
  read: { grants: { social_worker: 'own_center', center_head: 'own_center', central: 'all' } },
  create: { grants: { social_worker: 'own_center', center_head: 'own_center', desk_officer: 'own_center' } },
  work: { grants: { social_worker: 'own_center', center_head: 'own_center' } },
  approveClosure: { grants: { center_head: 'own_center' } },
  recommendCenters: {
    grants: {
      social_worker: 'own_center',
      center_head: 'own_center',
      desk_officer: 'own_center',
      central: 'all',
    },
  },
});
