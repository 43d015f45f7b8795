-- pg_trgm powers name search (regions, centres, later persons). Needs a role allowed to create extensions.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
