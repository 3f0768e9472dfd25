-- Tenancy: the application role, row-level security on every tenant table, the
-- append-only audit trail, and the one lookup that must run before a tenant is known.

DO $$
BEGIN
  CREATE ROLE pressline_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO pressline_app;
--> statement-breakpoint
-- The tenant of the current transaction; NULL (so no row matches) when none was set.
CREATE FUNCTION pressline_current_shop() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('pressline.shop_id', true), '')::uuid $$;
--> statement-breakpoint
-- Enables and forces RLS with the tenant policy and grants the app role its rights.
-- Later migrations call it for every new tenant table.
CREATE FUNCTION pressline_enable_tenancy(tbl regclass, key_column text DEFAULT 'shop_id', privileges text DEFAULT 'SELECT, INSERT, UPDATE, DELETE') RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s USING (%I = pressline_current_shop()) WITH CHECK (%I = pressline_current_shop())',
    tbl, key_column, key_column);
  EXECUTE format('GRANT %s ON %s TO pressline_app', privileges, tbl);
END
$$;
--> statement-breakpoint
SELECT pressline_enable_tenancy('shops', 'id', 'SELECT, INSERT, UPDATE');
--> statement-breakpoint
SELECT pressline_enable_tenancy('api_keys');
--> statement-breakpoint
SELECT pressline_enable_tenancy('orders');
--> statement-breakpoint
SELECT pressline_enable_tenancy('order_lines');
--> statement-breakpoint
SELECT pressline_enable_tenancy('jobs');
--> statement-breakpoint
SELECT pressline_enable_tenancy('job_items');
--> statement-breakpoint
SELECT pressline_enable_tenancy('job_events', 'shop_id', 'SELECT, INSERT');
--> statement-breakpoint
SELECT pressline_enable_tenancy('order_events', 'shop_id', 'SELECT, INSERT');
--> statement-breakpoint
SELECT pressline_enable_tenancy('webhook_deliveries');
--> statement-breakpoint
SELECT pressline_enable_tenancy('outbox');
--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO pressline_app;
--> statement-breakpoint
-- Audit events are never updated or deleted, whoever asks.
CREATE FUNCTION pressline_reject_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER job_events_append_only BEFORE UPDATE OR DELETE ON job_events
  FOR EACH ROW EXECUTE FUNCTION pressline_reject_change();
--> statement-breakpoint
CREATE TRIGGER order_events_append_only BEFORE UPDATE OR DELETE ON order_events
  FOR EACH ROW EXECUTE FUNCTION pressline_reject_change();
--> statement-breakpoint
-- Webhook intake knows only the platform's shop domain. The owner (and only the owner,
-- through this function) may read the shop directory without a tenant set.
CREATE POLICY shops_directory_for_owner ON shops FOR SELECT TO CURRENT_USER USING (true);
--> statement-breakpoint
CREATE FUNCTION pressline_resolve_shop(p_platform text, p_domain text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
    SELECT id FROM public.shops
    WHERE (p_platform IS NULL OR platform = p_platform) AND domain = lower(p_domain) AND deleted_at IS NULL
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION pressline_resolve_shop(text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION pressline_resolve_shop(text, text) TO pressline_app;
