CREATE TABLE "case_placements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"center_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text
);
--> statement-breakpoint
ALTER TABLE "case_placements" ADD CONSTRAINT "case_placements_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_placements" ADD CONSTRAINT "case_placements_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_placements_open_idx" ON "case_placements" USING btree ("case_id") WHERE "case_placements"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "case_placements_center_idx" ON "case_placements" USING btree ("center_id","ended_at");