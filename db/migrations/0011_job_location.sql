ALTER TABLE "jobs" ADD COLUMN "location" text;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "location_changed_at" timestamp with time zone;