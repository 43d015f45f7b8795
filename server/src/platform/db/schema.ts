/** Every table, for drizzle-kit and the typed client. Modules own their tables; this only gathers them. */

export * from '../../modules/cases/cases.tables.ts';
export * from '../../modules/centers/centers.tables.ts';
export * from '../../modules/persons/persons.tables.ts';
export * from '../../modules/regions/regions.tables.ts';
export * from '../../modules/users/users.tables.ts';
export * from '../audit/audit.tables.ts';
export * from '../auth/auth.tables.ts';
