/** Every table, for drizzle-kit and the typed client. Modules own their tables; this only gathers them. */

export * from '../../modules/cases/cases.tables.ts';
export * from '../../modules/centers/centers.tables.ts';
export * from '../../modules/fundraising/fundraising.tables.ts';
export * from '../../modules/logistics/logistics.tables.ts';
export * from '../../modules/outreach/outreach.tables.ts';
export * from '../../modules/partners/partners.tables.ts';
export * from '../../modules/persons/persons.tables.ts';
export * from '../../modules/regions/regions.tables.ts';
export * from '../../modules/serasi/serasi.tables.ts';
export * from '../../modules/users/users.tables.ts';
export * from '../audit/audit.tables.ts';
export * from '../auth/auth.tables.ts';
export * from '../idempotency/idempotency.tables.ts';
export * from '../rate-limit/rate-limit.tables.ts';
