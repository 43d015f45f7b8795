import { definePolicy } from '../../platform/policy/policy.ts';

/**
 * Route-level rules for warehouses, disasters, dispatches, distributions and targets. Every
 * warehouse belongs to a centre — the ministry's central warehouse to the centre that hosts
 * it, a disaster post to the balai that runs it (docs/decisions/0013) — and each request is
 * then checked against the warehouse's centre (`warehouse-access.ts`) with these same rules.
 *
 * Central staff read everything nationally and, as the disaster flow needs, record
 * disasters, accept dispatch proposals (which move stock out of any warehouse toward the
 * disaster) and set targets. A centre head records a disaster in their centre's coverage
 * and manages the disasters whose post their centre runs, sending only from their own
 * centre's warehouses (the service checks both, docs/decisions/0023). Distributions carry
 * recipients' names: admin (IT) has no stock or distribution access.
 */
export const logisticsPolicy = definePolicy('logistics', {
  /** Items and the warehouse register: reference data, for every role that works with stock. */
  catalog_read: {
    grants: { warehouse_officer: 'all', center_head: 'all', central: 'all', admin: 'all', finance: 'all' },
  },
  catalog_manage: { grants: { central: 'all', admin: 'all' } },
  warehouses_manage: { grants: { admin: 'all', central: 'all' } },
  /** Stock, lots, ledger, dispatches and distributions of a warehouse. */
  stock_read: { grants: { warehouse_officer: 'own_center', center_head: 'own_center', central: 'all' } },
  /** Receipts, issues, transfers, distributions, write-offs, counts, minimum levels, confirming arrivals. */
  stock_write: { grants: { warehouse_officer: 'own_center' } },
  adjust_approve: { grants: { center_head: 'own_center' } },
  disasters_read: { grants: { warehouse_officer: 'all', center_head: 'all', central: 'all' } },
  /** The route names the responsible centre; the service checks a head's regions against its coverage. */
  disasters_record: { grants: { central: 'all', center_head: 'own_center' } },
  /** Status, needs, proposal and acceptance: the service checks a head runs the disaster's post. */
  disasters_manage: { grants: { central: 'all', center_head: 'own_center' } },
  targets_read: {
    grants: {
      warehouse_officer: 'own_center',
      center_head: 'own_center',
      central: 'all',
      finance: 'own_center',
    },
  },
  targets_manage: { grants: { central: 'all' } },
});
