ALTER TABLE "orders" ADD COLUMN "redacted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "shops" ADD COLUMN "uninstalled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "order_external_id" text;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_shop_order_idx" ON "webhook_deliveries" USING btree ("shop_id","platform","order_external_id");