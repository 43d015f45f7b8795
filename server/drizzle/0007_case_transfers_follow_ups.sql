CREATE TABLE "case_follow_ups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"method" text NOT NULL,
	"condition" text NOT NULL,
	"notes" text NOT NULL,
	"next_visit_on" date,
	"recorded_by_id" text,
	"recorded_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_transfers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"from_center_id" uuid NOT NULL,
	"to_center_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"requested_by_id" text,
	"requested_by_name" text,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by_id" text,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"decision_note" text
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "transfer_to_center_id" uuid;--> statement-breakpoint
ALTER TABLE "case_follow_ups" ADD CONSTRAINT "case_follow_ups_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_from_center_id_centers_id_fk" FOREIGN KEY ("from_center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_to_center_id_centers_id_fk" FOREIGN KEY ("to_center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_follow_ups_case_idx" ON "case_follow_ups" USING btree ("case_id","visited_on");--> statement-breakpoint
CREATE UNIQUE INDEX "case_transfers_pending_idx" ON "case_transfers" USING btree ("case_id") WHERE "case_transfers"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "case_transfers_case_idx" ON "case_transfers" USING btree ("case_id","requested_at");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_transfer_to_center_id_centers_id_fk" FOREIGN KEY ("transfer_to_center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_transfer_to_idx" ON "cases" USING btree ("transfer_to_center_id") WHERE "cases"."transfer_to_center_id" is not null;