CREATE TABLE "notification_opt_outs" (
	"shop_id" uuid NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_opt_outs_shop_id_email_pk" PRIMARY KEY("shop_id","email")
);
--> statement-breakpoint
CREATE TABLE "notification_settings" (
	"shop_id" uuid PRIMARY KEY NOT NULL,
	"platform_notifies_shipping" boolean DEFAULT false NOT NULL,
	"pickup_address" text,
	"pickup_hours" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_templates" (
	"shop_id" uuid NOT NULL,
	"customer_status" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_templates_shop_id_customer_status_pk" PRIMARY KEY("shop_id","customer_status")
);
--> statement-breakpoint
CREATE TABLE "shipment_lines" (
	"shop_id" uuid NOT NULL,
	"shipment_id" uuid NOT NULL,
	"order_line_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "shipment_lines_shop_id_shipment_id_order_line_id_pk" PRIMARY KEY("shop_id","shipment_id","order_line_id")
);
--> statement-breakpoint
CREATE TABLE "shipments" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reference" text,
	"carrier" text,
	"tracking_numbers" text[] DEFAULT '{}'::text[] NOT NULL,
	"tracking_url" text,
	"pickup" jsonb,
	"status" text DEFAULT 'shipped' NOT NULL,
	"status_at" timestamp with time zone NOT NULL,
	"fulfillment_external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shipments_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "webhook_subscriptions" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"url" text NOT NULL,
	"secret_sealed" text NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "webhook_subscriptions_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "customer_status" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "customer_status_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "order_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "result" jsonb;--> statement-breakpoint
ALTER TABLE "shipment_lines" ADD CONSTRAINT "shipment_lines_shop_id_shipment_id_shipments_shop_id_id_fk" FOREIGN KEY ("shop_id","shipment_id") REFERENCES "public"."shipments"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipment_lines" ADD CONSTRAINT "shipment_lines_shop_id_order_line_id_order_lines_shop_id_id_fk" FOREIGN KEY ("shop_id","order_line_id") REFERENCES "public"."order_lines"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_shop_id_order_id_orders_shop_id_id_fk" FOREIGN KEY ("shop_id","order_id") REFERENCES "public"."orders"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "shipment_lines_shop_line_idx" ON "shipment_lines" USING btree ("shop_id","order_line_id");--> statement-breakpoint
CREATE INDEX "shipments_shop_order_idx" ON "shipments" USING btree ("shop_id","order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "shipments_shop_order_reference_key" ON "shipments" USING btree ("shop_id","order_id","reference") WHERE reference is not null;--> statement-breakpoint
CREATE INDEX "webhook_subscriptions_shop_idx" ON "webhook_subscriptions" USING btree ("shop_id");--> statement-breakpoint
CREATE INDEX "outbox_shop_order_idx" ON "outbox" USING btree ("shop_id","order_id","kind","created_at");--> statement-breakpoint
SELECT pressline_enable_tenancy('shipments', 'shop_id', 'SELECT, INSERT, UPDATE');--> statement-breakpoint
SELECT pressline_enable_tenancy('shipment_lines', 'shop_id', 'SELECT, INSERT, UPDATE');--> statement-breakpoint
SELECT pressline_enable_tenancy('notification_templates');--> statement-breakpoint
SELECT pressline_enable_tenancy('notification_opt_outs');--> statement-breakpoint
SELECT pressline_enable_tenancy('notification_settings');--> statement-breakpoint
SELECT pressline_enable_tenancy('webhook_subscriptions');
