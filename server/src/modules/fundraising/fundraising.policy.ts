import { definePolicy } from '../../platform/policy/policy.ts';

/**
 * Route-level rules; each campaign is then checked against its case (case-visibility.ts):
 * the case's assigned social worker and the centre head create and change campaigns of
 * their cases, central staff read every campaign nationally, read-only, except those of
 * sensitive cases (the same rule as the cases), and anyone else gets 404.
 *
 * Disbursements (money paid out of what was raised) are the centre head's alone, on the
 * campaigns of their centre's cases. The `finance` role was considered and left out: it
 * holds no case scope (it would see every beneficiary's campaign at the centre, sensitive
 * ones included), and paying out donated money is a decision about the beneficiary that
 * the head already signs for. Finance may get read access with the budget module.
 */
export const fundraisingPolicy = definePolicy('fundraising', {
  list: { grants: { social_worker: 'own_center', center_head: 'own_center', central: 'all' } },
  read: { grants: { social_worker: 'own_center', center_head: 'own_center', central: 'all' } },
  /** Create, edit, record consent, activate, report the raised amount, close or cancel. */
  manage: { grants: { social_worker: 'own_center', center_head: 'own_center' } },
  disburse: { grants: { center_head: 'own_center' } },
});
