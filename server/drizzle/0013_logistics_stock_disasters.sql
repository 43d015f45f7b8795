CREATE SEQUENCE "public"."dispatch_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "disaster_needs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"disaster_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disaster_needs_positive" CHECK ("disaster_needs"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "disasters" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"region_codes" text[] NOT NULL,
	"province_codes" text[] NOT NULL,
	"started_on" date NOT NULL,
	"estimated_affected" integer NOT NULL,
	"description" text,
	"responsible_center_id" uuid NOT NULL,
	"site_warehouse_id" uuid NOT NULL,
	"created_by_id" text,
	"created_by_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispatch_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dispatch_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"from_lot_id" uuid NOT NULL,
	"to_lot_id" uuid,
	"quantity_sent" integer NOT NULL,
	"quantity_received" integer,
	"discrepancy_note" text,
	CONSTRAINT "dispatch_lines_quantities" CHECK ("dispatch_lines"."quantity_sent" > 0 AND ("dispatch_lines"."quantity_received" IS NULL OR ("dispatch_lines"."quantity_received" >= 0 AND "dispatch_lines"."quantity_received" <= "dispatch_lines"."quantity_sent")))
);
--> statement-breakpoint
CREATE TABLE "dispatches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"status" text NOT NULL,
	"disaster_id" uuid,
	"need_id" uuid,
	"from_warehouse_id" uuid NOT NULL,
	"to_warehouse_id" uuid NOT NULL,
	"vehicle" text,
	"driver_name" text,
	"note" text,
	"sent_on" date NOT NULL,
	"sent_by_id" text,
	"sent_by_name" text,
	"received_on" date,
	"received_by_id" text,
	"received_by_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dispatches_two_places" CHECK ("dispatches"."from_warehouse_id" <> "dispatches"."to_warehouse_id")
);
--> statement-breakpoint
CREATE TABLE "distribution_recipients" (
	"id" uuid PRIMARY KEY NOT NULL,
	"distribution_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid,
	"name" text NOT NULL,
	"household_size" integer,
	"quantity" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "distribution_targets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"program" text NOT NULL,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"target_quantity" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "distribution_targets_valid" CHECK ("distribution_targets"."target_quantity" > 0 AND "distribution_targets"."period_end" >= "distribution_targets"."period_start")
);
--> statement-breakpoint
CREATE TABLE "distributions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"program" text NOT NULL,
	"distributed_on" date NOT NULL,
	"place" text,
	"quantity" integer NOT NULL,
	"recipient_count" integer NOT NULL,
	"note" text,
	"by_id" text,
	"by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "distributions_positive" CHECK ("distributions"."quantity" > 0 AND "distributions"."recipient_count" > 0)
);
--> statement-breakpoint
CREATE TABLE "logistics_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"unit" text NOT NULL,
	"perishable" boolean NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stock_adjustments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"recorded_quantity" integer NOT NULL,
	"counted_quantity" integer NOT NULL,
	"reason" text NOT NULL,
	"counted_on" date NOT NULL,
	"status" text NOT NULL,
	"requested_by_id" text,
	"requested_by_name" text,
	"decided_by_id" text,
	"decided_by_name" text,
	"decision_note" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stock_balances" (
	"warehouse_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"quantity" integer DEFAULT 0 NOT NULL,
	"minimum_quantity" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_balances_warehouse_id_item_id_pk" PRIMARY KEY("warehouse_id","item_id"),
	CONSTRAINT "stock_balances_not_negative" CHECK ("stock_balances"."quantity" >= 0 AND "stock_balances"."minimum_quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stock_lots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"lot_number" text,
	"expires_on" date,
	"received_at" timestamp with time zone NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "stock_lots_not_negative" CHECK ("stock_lots"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"quantity" integer NOT NULL,
	"occurred_on" date NOT NULL,
	"source" text,
	"source_name" text,
	"document_number" text,
	"note" text,
	"dispatch_id" uuid,
	"distribution_id" uuid,
	"adjustment_id" uuid,
	"by_id" text,
	"by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_movements_nonzero" CHECK ("stock_movements"."quantity" <> 0)
);
--> statement-breakpoint
CREATE TABLE "warehouses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"center_id" uuid NOT NULL,
	"disaster_id" uuid,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"address" text,
	"latitude" double precision,
	"longitude" double precision,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "warehouses_kind" CHECK ("warehouses"."kind" in ('center', 'central', 'site'))
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"scope" text NOT NULL,
	"actor_id" text NOT NULL,
	"key" uuid NOT NULL,
	"request_hash" text NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_scope_actor_id_key_pk" PRIMARY KEY("scope","actor_id","key")
);
--> statement-breakpoint
ALTER TABLE "disaster_needs" ADD CONSTRAINT "disaster_needs_disaster_id_disasters_id_fk" FOREIGN KEY ("disaster_id") REFERENCES "public"."disasters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disaster_needs" ADD CONSTRAINT "disaster_needs_item_id_logistics_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."logistics_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disasters" ADD CONSTRAINT "disasters_responsible_center_id_centers_id_fk" FOREIGN KEY ("responsible_center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_lines" ADD CONSTRAINT "dispatch_lines_dispatch_id_dispatches_id_fk" FOREIGN KEY ("dispatch_id") REFERENCES "public"."dispatches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_lines" ADD CONSTRAINT "dispatch_lines_item_id_logistics_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."logistics_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_lines" ADD CONSTRAINT "dispatch_lines_from_lot_id_stock_lots_id_fk" FOREIGN KEY ("from_lot_id") REFERENCES "public"."stock_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_lines" ADD CONSTRAINT "dispatch_lines_to_lot_id_stock_lots_id_fk" FOREIGN KEY ("to_lot_id") REFERENCES "public"."stock_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_disaster_id_disasters_id_fk" FOREIGN KEY ("disaster_id") REFERENCES "public"."disasters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_need_id_disaster_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."disaster_needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_from_warehouse_id_warehouses_id_fk" FOREIGN KEY ("from_warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_to_warehouse_id_warehouses_id_fk" FOREIGN KEY ("to_warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_recipients" ADD CONSTRAINT "distribution_recipients_distribution_id_distributions_id_fk" FOREIGN KEY ("distribution_id") REFERENCES "public"."distributions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_recipients" ADD CONSTRAINT "distribution_recipients_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_targets" ADD CONSTRAINT "distribution_targets_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_targets" ADD CONSTRAINT "distribution_targets_item_id_logistics_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."logistics_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distributions" ADD CONSTRAINT "distributions_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distributions" ADD CONSTRAINT "distributions_item_id_logistics_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."logistics_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_adjustments" ADD CONSTRAINT "stock_adjustments_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_adjustments" ADD CONSTRAINT "stock_adjustments_lot_id_stock_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."stock_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_balances" ADD CONSTRAINT "stock_balances_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_balances" ADD CONSTRAINT "stock_balances_item_id_logistics_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."logistics_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_lots" ADD CONSTRAINT "stock_lots_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_lots" ADD CONSTRAINT "stock_lots_item_id_logistics_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."logistics_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_item_id_logistics_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."logistics_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_lot_id_stock_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."stock_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warehouses" ADD CONSTRAINT "warehouses_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warehouses" ADD CONSTRAINT "warehouses_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "disaster_needs_item_idx" ON "disaster_needs" USING btree ("disaster_id","item_id");--> statement-breakpoint
CREATE INDEX "disasters_status_idx" ON "disasters" USING btree ("status","started_on");--> statement-breakpoint
CREATE INDEX "disasters_province_idx" ON "disasters" USING gin ("province_codes");--> statement-breakpoint
CREATE INDEX "dispatch_lines_dispatch_idx" ON "dispatch_lines" USING btree ("dispatch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dispatches_number_idx" ON "dispatches" USING btree ("number");--> statement-breakpoint
CREATE INDEX "dispatches_from_idx" ON "dispatches" USING btree ("from_warehouse_id","created_at");--> statement-breakpoint
CREATE INDEX "dispatches_to_idx" ON "dispatches" USING btree ("to_warehouse_id","created_at");--> statement-breakpoint
CREATE INDEX "dispatches_disaster_idx" ON "dispatches" USING btree ("disaster_id");--> statement-breakpoint
CREATE INDEX "distribution_recipients_distribution_idx" ON "distribution_recipients" USING btree ("distribution_id");--> statement-breakpoint
CREATE INDEX "distribution_recipients_person_idx" ON "distribution_recipients" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "distribution_targets_key_idx" ON "distribution_targets" USING btree ("program","period","warehouse_id","item_id");--> statement-breakpoint
CREATE INDEX "distributions_warehouse_idx" ON "distributions" USING btree ("warehouse_id","distributed_on");--> statement-breakpoint
CREATE INDEX "distributions_program_idx" ON "distributions" USING btree ("program","item_id","distributed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "logistics_items_code_idx" ON "logistics_items" USING btree ("code");--> statement-breakpoint
CREATE INDEX "logistics_items_name_trgm_idx" ON "logistics_items" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "stock_adjustments_warehouse_idx" ON "stock_adjustments" USING btree ("warehouse_id","status");--> statement-breakpoint
CREATE INDEX "stock_lots_warehouse_item_idx" ON "stock_lots" USING btree ("warehouse_id","item_id","expires_on");--> statement-breakpoint
CREATE INDEX "stock_movements_warehouse_idx" ON "stock_movements" USING btree ("warehouse_id","created_at");--> statement-breakpoint
CREATE INDEX "stock_movements_lot_idx" ON "stock_movements" USING btree ("lot_id");--> statement-breakpoint
CREATE INDEX "stock_movements_dispatch_idx" ON "stock_movements" USING btree ("dispatch_id");--> statement-breakpoint
CREATE INDEX "warehouses_center_idx" ON "warehouses" USING btree ("center_id");--> statement-breakpoint
CREATE INDEX "warehouses_region_idx" ON "warehouses" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");