ALTER TABLE "serasi_tickets" ADD COLUMN "source" text DEFAULT 'public' NOT NULL;--> statement-breakpoint
ALTER TABLE "serasi_tickets" ADD COLUMN "referred_by" text;--> statement-breakpoint
ALTER TABLE "serasi_tickets" ADD COLUMN "referral_letter" text;