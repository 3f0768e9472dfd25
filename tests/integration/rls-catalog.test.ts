import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROLE } from '@pressline/db';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * Tables in `public` that deliberately hold no tenant data. Each needs a reason here;
 * today there are none, so every table is a tenant table.
 */
const GLOBAL_TABLES: Record<string, string> = {};

/** The tenant key of each table that is keyed on something other than `shop_id`. */
const KEY_COLUMN_EXCEPTIONS: Record<string, string> = { shops: 'id' };

interface Relation {
  name: string;
  kind: string;
  rowSecurity: boolean;
  forceRowSecurity: boolean;
  hasShopId: boolean;
}

interface Policy {
  table: string;
  name: string;
  roles: string[];
  cmd: string;
  qual: string | null;
  withCheck: string | null;
}

/**
 * The schema as migrated, read from the catalog: every table that holds a shop's rows
 * must be locked to the tenant of the transaction, whoever adds the next one.
 */
describe('row-level security covers every table (catalog)', () => {
  let database: TestDatabase;
  let owner: postgres.Sql;
  let relations: Relation[];
  let policies: Policy[];

  beforeAll(async () => {
    database = await createTestDatabase();
    owner = postgres(database.ownerUrl, { max: 1, onnotice: () => {} });
    relations = await owner<Relation[]>`
      select c.relname as name, c.relkind as kind, c.relrowsecurity as "rowSecurity", c.relforcerowsecurity as "forceRowSecurity",
        exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'shop_id' and a.attnum > 0 and not a.attisdropped) as "hasShopId"
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f')
      order by c.relname`;
    policies = await owner<Policy[]>`
      select tablename as table, policyname as name, roles::text[] as roles, cmd, qual, with_check as "withCheck"
      from pg_policies where schemaname = 'public' order by tablename, policyname`;
  });
  afterAll(async () => {
    await owner?.end();
    await database?.drop();
  });

  const tenantTables = () => relations.filter((r) => r.hasShopId || r.name in KEY_COLUMN_EXCEPTIONS);
  const keyColumnOf = (table: string) => KEY_COLUMN_EXCEPTIONS[table] ?? 'shop_id';

  it('finds the tables it is meant to guard', () => {
    // Guards the guard: an empty or renamed catalog would make every check below pass.
    expect(tenantTables().map((r) => r.name)).toEqual(
      expect.arrayContaining(['api_keys', 'job_events', 'job_items', 'jobs', 'order_events', 'order_lines', 'orders', 'outbox', 'shops', 'webhook_deliveries']),
    );
  });

  it('enables and forces row-level security on every tenant table', () => {
    const unprotected = tenantTables()
      .filter((r) => !r.rowSecurity || !r.forceRowSecurity)
      .map((r) => `${r.name} (${r.kind === 'r' || r.kind === 'p' ? `enabled=${r.rowSecurity}, forced=${r.forceRowSecurity}` : `relkind ${r.kind} cannot carry RLS`})`);
    expect(unprotected, `tenant relations without enabled+forced RLS: ${unprotected.join(', ')}`).toEqual([]);
  });

  it('gives every tenant table a policy for the app role, and every such policy is the tenant check', () => {
    const problems: string[] = [];
    const tenantCheck = (column: string) => new RegExp(`^\\(?${column} = pressline_current_shop\\(\\)\\)?$`);
    for (const table of tenantTables()) {
      const column = keyColumnOf(table.name);
      // Permissive policies are OR-ed: any one that reaches the app role and is looser than the tenant check is a leak.
      const forApp = policies.filter((p) => p.table === table.name && (p.roles.includes('public') || p.roles.includes(APP_ROLE)));
      if (forApp.length === 0) problems.push(`${table.name}: no policy applies to ${APP_ROLE}`);
      for (const policy of forApp) {
        if (policy.qual !== null && !tenantCheck(column).test(policy.qual)) problems.push(`${table.name}.${policy.name}: USING ${policy.qual}`);
        if (policy.qual === null && policy.cmd !== 'INSERT') problems.push(`${table.name}.${policy.name}: no USING clause`);
        if (['ALL', 'INSERT', 'UPDATE'].includes(policy.cmd) && policy.withCheck !== null && !tenantCheck(column).test(policy.withCheck)) {
          problems.push(`${table.name}.${policy.name}: WITH CHECK ${policy.withCheck}`);
        }
      }
    }
    expect(problems, problems.join('; ')).toEqual([]);
  });

  it('has no table in public that is neither a tenant table nor listed as global', () => {
    const tenant = new Set(tenantTables().map((r) => r.name));
    const unclassified = relations.filter((r) => !tenant.has(r.name) && !(r.name in GLOBAL_TABLES)).map((r) => `${r.name} (relkind ${r.kind})`);
    expect(unclassified, `relations in public that hold no shop_id and are not listed in GLOBAL_TABLES: ${unclassified.join(', ')}`).toEqual([]);
    const stale = Object.keys(GLOBAL_TABLES).filter((name) => !relations.some((r) => r.name === name));
    expect(stale, `GLOBAL_TABLES lists relations that no longer exist: ${stale.join(', ')}`).toEqual([]);
  });

  it('leads every unique index of a tenant table with shop_id', async () => {
    const indexes = await owner<{ table: string; index: string; leading: string | null; definition: string }[]>`
      select t.relname as table, i.relname as index, a.attname as leading, pg_get_indexdef(x.indexrelid) as definition
      from pg_index x
      join pg_class i on i.oid = x.indexrelid
      join pg_class t on t.oid = x.indrelid
      join pg_namespace n on n.oid = t.relnamespace
      left join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0]
      where n.nspname = 'public' and x.indisunique
      order by t.relname, i.relname`;
    const tenant = new Set(tenantTables().map((r) => r.name).filter((name) => !(name in KEY_COLUMN_EXCEPTIONS)));
    const checked = indexes.filter((ix) => tenant.has(ix.table));
    expect(checked.length).toBeGreaterThanOrEqual(tenant.size); // at least each primary key
    const offending = checked.filter((ix) => ix.leading !== 'shop_id').map((ix) => `${ix.table}: ${ix.definition}`);
    expect(offending, `unique indexes that do not lead with shop_id: ${offending.join('; ')}`).toEqual([]);
  });

  it('runs the app as a role that is not superuser, cannot bypass RLS and owns nothing in public', async () => {
    const [role] = await owner<{ rolsuper: boolean; rolbypassrls: boolean }[]>`select rolsuper, rolbypassrls from pg_roles where rolname = ${APP_ROLE}`;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });

    const owned = await owner<{ name: string; kind: string }[]>`
      select c.relname as name, c.relkind as kind from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relowner = (select oid from pg_roles where rolname = ${APP_ROLE})`;
    expect(owned.map((r) => `${r.name} (relkind ${r.kind})`), 'relations owned by the app role').toEqual([]);

    // Nor may it reach those powers through a role it is a member of (SET ROLE).
    const inherited = await owner<{ rolname: string }[]>`
      select r.rolname from pg_roles r
      where r.rolname <> ${APP_ROLE} and pg_has_role(${APP_ROLE}, r.oid, 'MEMBER')
        and (r.rolsuper or r.rolbypassrls or exists (
          select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relowner = r.oid))`;
    expect(inherited.map((r) => r.rolname), 'powerful roles the app role is a member of').toEqual([]);
  });
});
