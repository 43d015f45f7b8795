-- The keys of the people already registered, as server/src/modules/persons/duplicate-keys.ts
-- (duplicateKeys) computes them for new and changed records; used once, then dropped.
CREATE FUNCTION "persons_dup_keys_backfill"(name text, aliases text, region text, sex text, year smallint, exact boolean)
RETURNS text[] LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  keys text[] := '{}';
  s text := CASE WHEN sex = 'female' THEN 'f' ELSE 'm' END;
  head text := 'y' || CASE WHEN exact THEN 'd' ELSE 'e' END || year || s;
  v text;
  ws text[];
  starts text[];
  ends text[];
BEGIN
  FOREACH v IN ARRAY array_remove(ARRAY[name] || string_to_array(aliases, ' | '), '') LOOP
    SELECT coalesce(array_agg(DISTINCT w COLLATE "C" ORDER BY w COLLATE "C"), '{}'),
           coalesce(array_agg(DISTINCT left(w, 3) COLLATE "C" ORDER BY left(w, 3) COLLATE "C"), '{}'),
           coalesce(array_agg(DISTINCT right(w, 3) COLLATE "C" ORDER BY right(w, 3) COLLATE "C"), '{}')
      INTO ws, starts, ends
      FROM unnest(regexp_split_to_array(v, '[^a-z0-9]+')) AS w
     WHERE w <> '';
    IF length(region) >= 5 THEN
      keys := keys || ARRAY(SELECT 'r' || left(region, 5) || s || '<' || x FROM unnest(starts) AS x)
                   || ARRAY(SELECT 'r' || left(region, 5) || s || '>' || x FROM unnest(ends) AS x);
    END IF;
    IF year IS NOT NULL AND cardinality(ws) > 0 THEN
      keys := keys || (head || '<' || array_to_string(starts, '.')) || (head || '>' || array_to_string(ends, '.'));
      FOR i IN 1 .. cardinality(ws) LOOP
        FOR j IN i + 1 .. cardinality(ws) LOOP
          keys := keys || (head || '=' || ws[i] || '.' || ws[j]);
        END LOOP;
      END LOOP;
    END IF;
  END LOOP;
  RETURN ARRAY(SELECT DISTINCT k COLLATE "C" FROM unnest(keys) AS k ORDER BY 1);
END $$;--> statement-breakpoint
UPDATE "persons" SET "dup_keys" = "persons_dup_keys_backfill"("name_normalized", "aliases_normalized", "region_code", "sex", "birth_year", "birth_date" IS NOT NULL);--> statement-breakpoint
DROP FUNCTION "persons_dup_keys_backfill";
