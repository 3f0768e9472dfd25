CREATE TABLE "machines" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"name" text NOT NULL,
	"processes" text[] DEFAULT '{}'::text[] NOT NULL,
	"materials" text[] DEFAULT '{}'::text[] NOT NULL,
	"capabilities" text[] DEFAULT '{}'::text[] NOT NULL,
	"max_size_mm" jsonb,
	"time_factor" double precision DEFAULT 1 NOT NULL,
	"calendar" jsonb,
	"state" text DEFAULT 'up' NOT NULL,
	"state_reason" text,
	"state_changed_at" timestamp with time zone,
	"locked_sequence" uuid[],
	"manual_order" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "machines_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "shop_schedules" (
	"shop_id" uuid NOT NULL,
	"setup_matrix" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"problem" jsonb,
	"schedule" jsonb,
	"method" text,
	"planned_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shop_schedules_shop_id_pk" PRIMARY KEY("shop_id")
);
--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "rush" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "priority" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "pinned_machine_id" uuid;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "machine_id" uuid;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "sequence" integer;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "planned_start" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "planned_end" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "setup_minutes" integer;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "duration_minutes" integer;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "duration_source" text;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "unscheduled_reason" text;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "unscheduled_detail" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "eta" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "promised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "production_profiles" ADD COLUMN "time_model" jsonb;--> statement-breakpoint
ALTER TABLE "production_profiles" ADD COLUMN "required_capabilities" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "production_profiles" ADD COLUMN "setup_family" text;--> statement-breakpoint
CREATE UNIQUE INDEX "machines_shop_name_key" ON "machines" USING btree ("shop_id","name") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "jobs_shop_machine_sequence_idx" ON "jobs" USING btree ("shop_id","machine_id","sequence");--> statement-breakpoint
SELECT pressline_enable_tenancy('machines', 'shop_id', 'SELECT, INSERT, UPDATE');--> statement-breakpoint
SELECT pressline_enable_tenancy('shop_schedules', 'shop_id', 'SELECT, INSERT, UPDATE');
