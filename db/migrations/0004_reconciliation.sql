ALTER TABLE "shops" ADD COLUMN "orders_synced_until" timestamp with time zone;--> statement-breakpoint
-- The reconciliation schedule walks every connected shop before any tenant is set; only
-- the owner (through the function below) may list them.
CREATE POLICY credentials_directory_for_owner ON shop_credentials FOR SELECT TO CURRENT_USER USING (true);
--> statement-breakpoint
CREATE FUNCTION pressline_shops_to_reconcile() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
    SELECT s.id FROM public.shops s JOIN public.shop_credentials c ON c.shop_id = s.id
    WHERE s.deleted_at IS NULL AND s.uninstalled_at IS NULL
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION pressline_shops_to_reconcile() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION pressline_shops_to_reconcile() TO pressline_app;
