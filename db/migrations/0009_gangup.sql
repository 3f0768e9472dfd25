CREATE TABLE "gang_rules" (
	"shop_id" uuid NOT NULL,
	"window_days" integer DEFAULT 7 NOT NULL,
	"rush" text DEFAULT 'first' NOT NULL,
	"rush_tag" text DEFAULT 'rush' NOT NULL,
	"planned_stage" text DEFAULT 'scheduled' NOT NULL,
	"running_stage" text DEFAULT 'in_production' NOT NULL,
	"finished_stage" text DEFAULT 'post_processing' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gang_rules_shop_id_pk" PRIMARY KEY("shop_id")
);
--> statement-breakpoint
CREATE TABLE "gang_run_items" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"job_item_id" uuid NOT NULL,
	"order_line_id" uuid NOT NULL,
	"file_id" uuid,
	"width_mm" double precision NOT NULL,
	"height_mm" double precision NOT NULL,
	"rotatable" boolean DEFAULT false NOT NULL,
	"copies" integer NOT NULL,
	"remake" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gang_run_items_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "gang_run_jobs" (
	"shop_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gang_run_jobs_shop_id_run_id_job_id_pk" PRIMARY KEY("shop_id","run_id","job_id")
);
--> statement-breakpoint
CREATE TABLE "gang_run_outputs" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"layout_version" integer NOT NULL,
	"sha256" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"pages" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gang_run_outputs_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "gang_run_placements" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"run_item_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"order_line_id" uuid NOT NULL,
	"copy" integer NOT NULL,
	"sheet" integer NOT NULL,
	"x" double precision NOT NULL,
	"y" double precision NOT NULL,
	"width" double precision NOT NULL,
	"height" double precision NOT NULL,
	"rotated" boolean NOT NULL,
	CONSTRAINT "gang_run_placements_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "gang_run_spoilage" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"run_item_id" uuid NOT NULL,
	"order_line_id" uuid NOT NULL,
	"copies" integer NOT NULL,
	"actor" text NOT NULL,
	"note" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "gang_run_spoilage_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "gang_runs" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"group_key" text NOT NULL,
	"target" jsonb NOT NULL,
	"gutter_mm" double precision NOT NULL,
	"bleed_mm" double precision NOT NULL,
	"sheets" integer NOT NULL,
	"roll_length_mm" double precision,
	"utilization" double precision NOT NULL,
	"layout_version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "gang_runs_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
ALTER TABLE "gang_run_items" ADD CONSTRAINT "gang_run_items_shop_id_run_id_gang_runs_shop_id_id_fk" FOREIGN KEY ("shop_id","run_id") REFERENCES "public"."gang_runs"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gang_run_items" ADD CONSTRAINT "gang_run_items_shop_id_job_item_id_job_items_shop_id_id_fk" FOREIGN KEY ("shop_id","job_item_id") REFERENCES "public"."job_items"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gang_run_items" ADD CONSTRAINT "gang_run_items_shop_id_order_line_id_order_lines_shop_id_id_fk" FOREIGN KEY ("shop_id","order_line_id") REFERENCES "public"."order_lines"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gang_run_items" ADD CONSTRAINT "gang_run_items_shop_id_file_id_files_shop_id_id_fk" FOREIGN KEY ("shop_id","file_id") REFERENCES "public"."files"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gang_run_jobs" ADD CONSTRAINT "gang_run_jobs_shop_id_run_id_gang_runs_shop_id_id_fk" FOREIGN KEY ("shop_id","run_id") REFERENCES "public"."gang_runs"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gang_run_jobs" ADD CONSTRAINT "gang_run_jobs_shop_id_job_id_jobs_shop_id_id_fk" FOREIGN KEY ("shop_id","job_id") REFERENCES "public"."jobs"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gang_run_outputs" ADD CONSTRAINT "gang_run_outputs_shop_id_run_id_gang_runs_shop_id_id_fk" FOREIGN KEY ("shop_id","run_id") REFERENCES "public"."gang_runs"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gang_run_placements" ADD CONSTRAINT "gang_run_placements_shop_id_run_id_gang_runs_shop_id_id_fk" FOREIGN KEY ("shop_id","run_id") REFERENCES "public"."gang_runs"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gang_run_placements" ADD CONSTRAINT "gang_run_placements_shop_id_run_item_id_gang_run_items_shop_id_id_fk" FOREIGN KEY ("shop_id","run_item_id") REFERENCES "public"."gang_run_items"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gang_run_spoilage" ADD CONSTRAINT "gang_run_spoilage_shop_id_run_item_id_gang_run_items_shop_id_id_fk" FOREIGN KEY ("shop_id","run_item_id") REFERENCES "public"."gang_run_items"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "gang_run_items_shop_run_item_key" ON "gang_run_items" USING btree ("shop_id","run_id","job_item_id");--> statement-breakpoint
CREATE INDEX "gang_run_items_shop_line_idx" ON "gang_run_items" USING btree ("shop_id","order_line_id");--> statement-breakpoint
CREATE INDEX "gang_run_jobs_shop_job_idx" ON "gang_run_jobs" USING btree ("shop_id","job_id");--> statement-breakpoint
CREATE UNIQUE INDEX "gang_run_outputs_shop_run_kind_version_key" ON "gang_run_outputs" USING btree ("shop_id","run_id","kind","layout_version");--> statement-breakpoint
CREATE UNIQUE INDEX "gang_run_placements_shop_item_copy_key" ON "gang_run_placements" USING btree ("shop_id","run_item_id","copy");--> statement-breakpoint
CREATE INDEX "gang_run_placements_shop_run_idx" ON "gang_run_placements" USING btree ("shop_id","run_id","sheet");--> statement-breakpoint
CREATE INDEX "gang_run_spoilage_shop_line_idx" ON "gang_run_spoilage" USING btree ("shop_id","order_line_id");--> statement-breakpoint
CREATE INDEX "gang_runs_shop_status_idx" ON "gang_runs" USING btree ("shop_id","status","created_at");--> statement-breakpoint
-- ===== hand-written (gang-up): tenancy for every new table; spoilage is append-only =====
SELECT pressline_enable_tenancy('gang_rules');--> statement-breakpoint
SELECT pressline_enable_tenancy('gang_runs');--> statement-breakpoint
SELECT pressline_enable_tenancy('gang_run_jobs');--> statement-breakpoint
SELECT pressline_enable_tenancy('gang_run_items');--> statement-breakpoint
SELECT pressline_enable_tenancy('gang_run_placements');--> statement-breakpoint
SELECT pressline_enable_tenancy('gang_run_outputs');--> statement-breakpoint
SELECT pressline_enable_tenancy('gang_run_spoilage', 'shop_id', 'SELECT, INSERT');--> statement-breakpoint
CREATE TRIGGER gang_run_spoilage_append_only BEFORE UPDATE OR DELETE ON gang_run_spoilage
  FOR EACH ROW EXECUTE FUNCTION pressline_reject_change();
