CREATE TABLE "person_merges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"survivor_id" uuid NOT NULL,
	"merged_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"merged_by" text,
	"merged_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_relations" (
	"person_id" uuid NOT NULL,
	"related_person_id" uuid NOT NULL,
	"relationship" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_relations_person_id_related_person_id_pk" PRIMARY KEY("person_id","related_person_id")
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"nik" text,
	"nik_unknown_reason" text,
	"nik_warnings_confirmed" boolean DEFAULT false NOT NULL,
	"kk_number" text,
	"full_name" text NOT NULL,
	"name_normalized" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"aliases_normalized" text DEFAULT '' NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date,
	"birth_year_estimate" smallint,
	"birth_year" smallint,
	"birth_place" text,
	"region_code" text NOT NULL,
	"rt" text,
	"rw" text,
	"street" text,
	"phone" text,
	"disability_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"dtks_status" text DEFAULT 'unknown' NOT NULL,
	"dtks_decile" smallint,
	"legal_basis" text NOT NULL,
	"consent_by" text,
	"consent_guardian_name" text,
	"registered_at_center_id" uuid,
	"merged_into_id" uuid,
	"merged_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_survivor_id_persons_id_fk" FOREIGN KEY ("survivor_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_merged_id_persons_id_fk" FOREIGN KEY ("merged_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_relations" ADD CONSTRAINT "person_relations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_relations" ADD CONSTRAINT "person_relations_related_person_id_persons_id_fk" FOREIGN KEY ("related_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_registered_at_center_id_centers_id_fk" FOREIGN KEY ("registered_at_center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_merges_survivor_idx" ON "person_merges" USING btree ("survivor_id");--> statement-breakpoint
CREATE INDEX "person_relations_related_idx" ON "person_relations" USING btree ("related_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_nik_live_idx" ON "persons" USING btree ("nik") WHERE "persons"."nik" is not null and "persons"."merged_into_id" is null;--> statement-breakpoint
CREATE INDEX "persons_name_trgm_idx" ON "persons" USING gin ("name_normalized" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "persons_aliases_trgm_idx" ON "persons" USING gin ("aliases_normalized" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "persons_birth_year_idx" ON "persons" USING btree ("birth_year","region_code");--> statement-breakpoint
CREATE INDEX "persons_region_idx" ON "persons" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "persons_center_idx" ON "persons" USING btree ("registered_at_center_id","full_name");--> statement-breakpoint
CREATE INDEX "persons_merged_into_idx" ON "persons" USING btree ("merged_into_id");