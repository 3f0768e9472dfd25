CREATE TABLE "order_message_files" (
	"shop_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_message_files_shop_id_message_id_file_id_pk" PRIMARY KEY("shop_id","message_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "order_messages" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"author" text NOT NULL,
	"actor" text NOT NULL,
	"body" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_messages_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
ALTER TABLE "order_message_files" ADD CONSTRAINT "order_message_files_shop_id_message_id_order_messages_shop_id_id_fk" FOREIGN KEY ("shop_id","message_id") REFERENCES "public"."order_messages"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_message_files" ADD CONSTRAINT "order_message_files_shop_id_file_id_files_shop_id_id_fk" FOREIGN KEY ("shop_id","file_id") REFERENCES "public"."files"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_messages" ADD CONSTRAINT "order_messages_shop_id_order_id_orders_shop_id_id_fk" FOREIGN KEY ("shop_id","order_id") REFERENCES "public"."orders"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_messages_shop_order_idx" ON "order_messages" USING btree ("shop_id","order_id","at");--> statement-breakpoint
-- Hand-written (issue 9, storefront widgets): tenancy for the message tables.
SELECT pressline_enable_tenancy('order_messages');--> statement-breakpoint
SELECT pressline_enable_tenancy('order_message_files');
