CREATE TABLE "files" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"origin_url" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"failure" text,
	"sha256" text,
	"size_bytes" bigint,
	"kind" text,
	"thumbnail_sha256" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "files_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "job_files" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"order_line_id" uuid,
	"role" text DEFAULT 'design' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "job_files_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "preflight_acceptances" (
	"id" bigserial NOT NULL,
	"shop_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"code" text NOT NULL,
	"actor" text NOT NULL,
	"note" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "preflight_acceptances_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "preflight_reports" (
	"id" bigserial NOT NULL,
	"shop_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"sha256" text,
	"rules_fingerprint" text NOT NULL,
	"profile_id" uuid,
	"status" text NOT NULL,
	"kind" text,
	"findings" jsonb NOT NULL,
	"facts" jsonb,
	"checked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "preflight_reports_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "production_profiles" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"name" text NOT NULL,
	"process" text NOT NULL,
	"material" text,
	"finishing" text,
	"matches" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rules" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"gangable" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "production_profiles_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
ALTER TABLE "job_files" ADD CONSTRAINT "job_files_shop_id_job_id_jobs_shop_id_id_fk" FOREIGN KEY ("shop_id","job_id") REFERENCES "public"."jobs"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_files" ADD CONSTRAINT "job_files_shop_id_file_id_files_shop_id_id_fk" FOREIGN KEY ("shop_id","file_id") REFERENCES "public"."files"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_files" ADD CONSTRAINT "job_files_shop_id_order_line_id_order_lines_shop_id_id_fk" FOREIGN KEY ("shop_id","order_line_id") REFERENCES "public"."order_lines"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preflight_acceptances" ADD CONSTRAINT "preflight_acceptances_shop_id_job_id_jobs_shop_id_id_fk" FOREIGN KEY ("shop_id","job_id") REFERENCES "public"."jobs"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preflight_acceptances" ADD CONSTRAINT "preflight_acceptances_shop_id_file_id_files_shop_id_id_fk" FOREIGN KEY ("shop_id","file_id") REFERENCES "public"."files"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preflight_reports" ADD CONSTRAINT "preflight_reports_shop_id_job_id_jobs_shop_id_id_fk" FOREIGN KEY ("shop_id","job_id") REFERENCES "public"."jobs"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preflight_reports" ADD CONSTRAINT "preflight_reports_shop_id_file_id_files_shop_id_id_fk" FOREIGN KEY ("shop_id","file_id") REFERENCES "public"."files"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "files_shop_origin_key" ON "files" USING btree ("shop_id","origin_url") WHERE origin_url is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "job_files_shop_job_file_key" ON "job_files" USING btree ("shop_id","job_id","file_id");--> statement-breakpoint
CREATE INDEX "job_files_shop_file_idx" ON "job_files" USING btree ("shop_id","file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "preflight_acceptances_shop_job_file_code_key" ON "preflight_acceptances" USING btree ("shop_id","job_id","file_id","code");--> statement-breakpoint
CREATE INDEX "preflight_reports_shop_job_file_idx" ON "preflight_reports" USING btree ("shop_id","job_id","file_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "production_profiles_shop_name_key" ON "production_profiles" USING btree ("shop_id","name") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "production_profiles_shop_position_idx" ON "production_profiles" USING btree ("shop_id","position");--> statement-breakpoint
SELECT pressline_enable_tenancy('production_profiles');--> statement-breakpoint
SELECT pressline_enable_tenancy('files');--> statement-breakpoint
SELECT pressline_enable_tenancy('job_files');--> statement-breakpoint
SELECT pressline_enable_tenancy('preflight_reports', 'shop_id', 'SELECT, INSERT');--> statement-breakpoint
SELECT pressline_enable_tenancy('preflight_acceptances', 'shop_id', 'SELECT, INSERT');--> statement-breakpoint
CREATE TRIGGER preflight_acceptances_append_only BEFORE UPDATE OR DELETE ON preflight_acceptances
  FOR EACH ROW EXECUTE FUNCTION pressline_reject_change();
--> statement-breakpoint
GRANT USAGE ON SEQUENCE preflight_reports_id_seq, preflight_acceptances_id_seq TO pressline_app;
