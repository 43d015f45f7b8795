ALTER TABLE "case_referrals" ALTER COLUMN "case_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD COLUMN "ticket_id" uuid;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD COLUMN "ticket_code" text;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD COLUMN "center_id" uuid;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_referrals_ticket_idx" ON "case_referrals" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "case_referrals_center_idx" ON "case_referrals" USING btree ("center_id","sent_at");--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_source" CHECK ("case_referrals"."case_id" is not null or ("case_referrals"."ticket_id" is not null and "case_referrals"."center_id" is not null));