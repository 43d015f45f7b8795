CREATE TABLE "case_referrals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"target" text NOT NULL,
	"partner_id" uuid,
	"target_center_id" uuid,
	"target_name" text NOT NULL,
	"reason" text NOT NULL,
	"letter_number" text,
	"status" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"sent_by_id" text,
	"sent_by_name" text,
	"answered_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"response_note" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fundraising_campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"platform_name" text,
	"campaign_url" text,
	"purpose" text NOT NULL,
	"title" text NOT NULL,
	"story" text NOT NULL,
	"target_rupiah" bigint NOT NULL,
	"raised_rupiah" bigint DEFAULT 0 NOT NULL,
	"disbursed_rupiah" bigint DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"consent_given_by" text,
	"consent_giver_name" text,
	"consented_on" date,
	"consent_publish_story" boolean,
	"consent_publish_photo" boolean,
	"consent_document_number" text,
	"consent_recorded_by" text,
	"consent_recorded_at" timestamp with time zone,
	"activated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"close_note" text,
	"created_by_id" text,
	"created_by_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fundraising_campaigns_amounts" CHECK ("fundraising_campaigns"."target_rupiah" > 0 AND "fundraising_campaigns"."raised_rupiah" >= 0 AND "fundraising_campaigns"."disbursed_rupiah" >= 0 AND "fundraising_campaigns"."disbursed_rupiah" <= "fundraising_campaigns"."raised_rupiah")
);
--> statement-breakpoint
CREATE TABLE "fundraising_disbursements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"disbursed_on" date NOT NULL,
	"amount_rupiah" bigint NOT NULL,
	"method" text NOT NULL,
	"recipient_name" text NOT NULL,
	"proof_number" text NOT NULL,
	"note" text,
	"idempotency_key" uuid NOT NULL,
	"by_id" text,
	"by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fundraising_disbursements_positive" CHECK ("fundraising_disbursements"."amount_rupiah" > 0)
);
--> statement-breakpoint
CREATE TABLE "fundraising_updates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"reported_on" date NOT NULL,
	"raised_rupiah" bigint NOT NULL,
	"previous_raised_rupiah" bigint NOT NULL,
	"note" text NOT NULL,
	"by_id" text,
	"by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_finds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"run_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"case_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"center_id" uuid NOT NULL,
	"team" text NOT NULL,
	"date" date NOT NULL,
	"place" text NOT NULL,
	"region_code" text NOT NULL,
	"notes" text,
	"recorded_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shelters" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"center_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"address" text,
	"capacity" integer NOT NULL,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stays" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"shelter_id" uuid,
	"partner_id" uuid,
	"center_id" uuid,
	"started_on" date NOT NULL,
	"ended_on" date,
	"note" text,
	"recorded_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_members" (
	"partner_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_members_partner_id_user_id_pk" PRIMARY KEY("partner_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"center_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"address" text,
	"accreditation" text NOT NULL,
	"accredited_until" date,
	"contact_name" text,
	"phone" text,
	"email" text,
	"services" text[] NOT NULL,
	"capacity" integer,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_target_center_id_centers_id_fk" FOREIGN KEY ("target_center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fundraising_campaigns" ADD CONSTRAINT "fundraising_campaigns_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fundraising_disbursements" ADD CONSTRAINT "fundraising_disbursements_campaign_id_fundraising_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."fundraising_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fundraising_updates" ADD CONSTRAINT "fundraising_updates_campaign_id_fundraising_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."fundraising_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_finds" ADD CONSTRAINT "outreach_finds_run_id_outreach_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."outreach_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_finds" ADD CONSTRAINT "outreach_finds_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_finds" ADD CONSTRAINT "outreach_finds_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_runs" ADD CONSTRAINT "outreach_runs_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelters" ADD CONSTRAINT "shelters_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stays" ADD CONSTRAINT "stays_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stays" ADD CONSTRAINT "stays_shelter_id_shelters_id_fk" FOREIGN KEY ("shelter_id") REFERENCES "public"."shelters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stays" ADD CONSTRAINT "stays_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_members" ADD CONSTRAINT "partner_members_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_members" ADD CONSTRAINT "partner_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_referrals_case_idx" ON "case_referrals" USING btree ("case_id","sent_at");--> statement-breakpoint
CREATE INDEX "case_referrals_partner_idx" ON "case_referrals" USING btree ("partner_id","status");--> statement-breakpoint
CREATE INDEX "fundraising_campaigns_case_idx" ON "fundraising_campaigns" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "fundraising_campaigns_status_idx" ON "fundraising_campaigns" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "fundraising_campaigns_title_trgm_idx" ON "fundraising_campaigns" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "fundraising_disbursements_key_idx" ON "fundraising_disbursements" USING btree ("campaign_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "fundraising_disbursements_campaign_idx" ON "fundraising_disbursements" USING btree ("campaign_id","created_at");--> statement-breakpoint
CREATE INDEX "fundraising_updates_campaign_idx" ON "fundraising_updates" USING btree ("campaign_id","created_at");--> statement-breakpoint
CREATE INDEX "outreach_finds_run_idx" ON "outreach_finds" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "outreach_runs_center_idx" ON "outreach_runs" USING btree ("center_id","date");--> statement-breakpoint
CREATE INDEX "shelters_center_idx" ON "shelters" USING btree ("center_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stays_open_idx" ON "stays" USING btree ("case_id") WHERE "stays"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "stays_shelter_idx" ON "stays" USING btree ("shelter_id") WHERE "stays"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "stays_partner_idx" ON "stays" USING btree ("partner_id") WHERE "stays"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "partner_members_user_idx" ON "partner_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "partners_center_idx" ON "partners" USING btree ("center_id");--> statement-breakpoint
CREATE INDEX "partners_region_idx" ON "partners" USING btree ("region_code");