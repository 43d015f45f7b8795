CREATE TABLE "case_assessments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"needs" jsonb NOT NULL,
	"risk_level" text NOT NULL,
	"narrative" text NOT NULL,
	"assessed_on" date NOT NULL,
	"assessor_id" text,
	"assessor_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_counters" (
	"center_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "case_counters_center_id_year_pk" PRIMARY KEY("center_id","year")
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"summary" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_outcomes" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"outcomes" jsonb NOT NULL,
	"approved_by" text,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"goals" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_services" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"component" text NOT NULL,
	"service_type" text NOT NULL,
	"delivered_on" date NOT NULL,
	"description" text NOT NULL,
	"quantity" integer NOT NULL,
	"value_rupiah" bigint NOT NULL,
	"provider_kind" text NOT NULL,
	"provider_name" text,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"person_id" uuid NOT NULL,
	"center_id" uuid NOT NULL,
	"clusters" text[] NOT NULL,
	"child_special_protection" boolean DEFAULT false NOT NULL,
	"sensitive" boolean NOT NULL,
	"intake_channel" text NOT NULL,
	"intake_reference" text,
	"problem" text NOT NULL,
	"urgency" text NOT NULL,
	"modality" text NOT NULL,
	"assigned_worker_id" text NOT NULL,
	"stage" text NOT NULL,
	"previous_stage" text,
	"recommended_center_id" uuid,
	"override_reason" text,
	"opened_at" timestamp with time zone NOT NULL,
	"first_service_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_assessments" ADD CONSTRAINT "case_assessments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_counters" ADD CONSTRAINT "case_counters_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_outcomes" ADD CONSTRAINT "case_outcomes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plans" ADD CONSTRAINT "case_plans_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_services" ADD CONSTRAINT "case_services_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assigned_worker_id_users_id_fk" FOREIGN KEY ("assigned_worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_assessments_case_idx" ON "case_assessments" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "case_plans_case_idx" ON "case_plans" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_services_case_idx" ON "case_services" USING btree ("case_id","delivered_on");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_number_idx" ON "cases" USING btree ("number");--> statement-breakpoint
CREATE INDEX "cases_center_stage_idx" ON "cases" USING btree ("center_id","stage","opened_at");--> statement-breakpoint
CREATE INDEX "cases_worker_idx" ON "cases" USING btree ("assigned_worker_id","stage");--> statement-breakpoint
CREATE INDEX "cases_person_idx" ON "cases" USING btree ("person_id");