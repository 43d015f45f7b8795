import { definePolicy } from '../../platform/policy/policy.ts';

/**
 * Route-level rules; each case is then checked against `caseVisibility`: a social worker
 * sees the cases assigned to them, a centre head every case of the centre, central staff
 * every case nationally read-only except sensitive ones (NAPZA, trafficking, ODGJ, children
 * in special protection), which only the assigned worker and the centre head may open.
 * LKS staff (partner) see a case only while a referral to their institution is open.
 */
export const casePolicy = definePolicy('case', {
  list: {
    grants: { social_worker: 'own_center', center_head: 'own_center', central: 'all', partner: 'own_center' },
  },
  read: {
    grants: { social_worker: 'own_center', center_head: 'own_center', central: 'all', partner: 'own_center' },
  },
  /**
   * The referrals hub: those of the cases the user sees, those to an LKS for its staff, and
   * those forwarded from SERASI tickets for the desks of the sending centre.
   */
  listReferrals: {
    grants: {
      social_worker: 'own_center',
      center_head: 'own_center',
      central: 'all',
      partner: 'own_center',
      desk_officer: 'own_center',
    },
  },
  /** The case side records answers of programmes; LKS staff answer referrals to their institution. */
  answerReferral: {
    grants: { social_worker: 'own_center', center_head: 'own_center', partner: 'own_center' },
  },
  create: { grants: { social_worker: 'own_center', center_head: 'own_center', desk_officer: 'own_center' } },
  work: { grants: { social_worker: 'own_center', center_head: 'own_center' } },
  approveClosure: { grants: { center_head: 'own_center' } },
  /** The receiving centre's head accepts or rejects a transfer. */
  decideTransfer: { grants: { center_head: 'own_center' } },
  reassign: { grants: { center_head: 'own_center' } },
  /** Who at a centre can take a case: for opening, reassigning and accepting transfers there. */
  caseWorkers: {
    grants: { social_worker: 'own_center', center_head: 'own_center', desk_officer: 'own_center' },
  },
  recommendCenters: {
    grants: {
      social_worker: 'own_center',
      center_head: 'own_center',
      desk_officer: 'own_center',
      central: 'all',
    },
  },
});
