CREATE TABLE "serasi_sla" (
	"type" text PRIMARY KEY NOT NULL,
	"first_response_hours" integer NOT NULL,
	"resolution_hours" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "serasi_ticket_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"public" boolean NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "serasi_ticket_photos" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "serasi_tickets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"type" text NOT NULL,
	"subject" text,
	"aid_program" text,
	"description" text NOT NULL,
	"region_code" text NOT NULL,
	"landmark" text,
	"anonymous" boolean NOT NULL,
	"reporter_name" text,
	"reporter_contact" text,
	"consent_version" text NOT NULL,
	"form_token_hash" text NOT NULL,
	"covering_center_ids" uuid[] NOT NULL,
	"center_id" uuid,
	"status" text NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"first_response_due_at" timestamp with time zone NOT NULL,
	"resolution_due_at" timestamp with time zone NOT NULL,
	"first_responded_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"escalation_level" smallint DEFAULT 0 NOT NULL,
	"escalated_at" timestamp with time zone,
	"person_id" uuid,
	"case_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limit_hits" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "rate_limit_hits_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
ALTER TABLE "serasi_ticket_events" ADD CONSTRAINT "serasi_ticket_events_ticket_id_serasi_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."serasi_tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "serasi_ticket_photos" ADD CONSTRAINT "serasi_ticket_photos_ticket_id_serasi_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."serasi_tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "serasi_tickets" ADD CONSTRAINT "serasi_tickets_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "serasi_tickets" ADD CONSTRAINT "serasi_tickets_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "serasi_tickets" ADD CONSTRAINT "serasi_tickets_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "serasi_ticket_events_ticket_idx" ON "serasi_ticket_events" USING btree ("ticket_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "serasi_tickets_code_idx" ON "serasi_tickets" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "serasi_tickets_form_token_idx" ON "serasi_tickets" USING btree ("form_token_hash");--> statement-breakpoint
CREATE INDEX "serasi_tickets_covering_idx" ON "serasi_tickets" USING gin ("covering_center_ids");--> statement-breakpoint
CREATE INDEX "serasi_tickets_center_idx" ON "serasi_tickets" USING btree ("center_id","status");--> statement-breakpoint
CREATE INDEX "serasi_tickets_open_idx" ON "serasi_tickets" USING btree ("status","filed_at") WHERE "serasi_tickets"."closed_at" is null;