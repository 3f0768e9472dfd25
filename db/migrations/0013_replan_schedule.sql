-- The re-plan schedule walks every shop with machines before any tenant is set; only the
-- owner (through the function below) may list them.
CREATE POLICY machines_directory_for_owner ON machines FOR SELECT TO CURRENT_USER USING (true);
--> statement-breakpoint
CREATE FUNCTION pressline_shops_to_replan() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
    SELECT s.id FROM public.shops s
    WHERE s.deleted_at IS NULL AND s.uninstalled_at IS NULL
      AND EXISTS (SELECT 1 FROM public.machines m WHERE m.shop_id = s.id AND m.deleted_at IS NULL)
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION pressline_shops_to_replan() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION pressline_shops_to_replan() TO pressline_app;
