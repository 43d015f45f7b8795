DROP INDEX "persons_birth_year_idx";--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "dup_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "persons_dup_keys_idx" ON "persons" USING gin ("dup_keys") WITH (fastupdate=off);