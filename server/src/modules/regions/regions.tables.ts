import { index, pgTable, smallint, text } from 'drizzle-orm/pg-core';

/** Kemendagri administrative regions from idn-area-data; reference data, loaded at start. */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    parentCode: text('parent_code'),
    /** 1 province, 2 regency/city, 3 district, 4 village. */
    level: smallint('level').notNull(),
    name: text('name').notNull(),
  },
  (t) => [
    index('regions_parent_idx').on(t.parentCode, t.name),
    index('regions_level_idx').on(t.level, t.name),
    index('regions_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
  ],
);
