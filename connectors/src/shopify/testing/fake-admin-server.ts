import {
  execute,
  Kind,
  parse,
  validate,
  GraphQLError,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import { adminRootValue } from './fake-admin-resolvers.ts';
import { adminSchema } from './fake-admin-schema.ts';
import { FakeAdminStore } from './fake-admin-store.ts';
import { CostBucket, type ThrottleStatus } from './fake-cost-bucket.ts';
import { requestedQueryCost } from './fake-query-cost.ts';
import type { FakeAdminRequest, FakeRequestKind, FakeShopifyAdmin, FakeShopifyAdminOptions } from './fake-shopify-admin.ts';

type Injected = { kind: FakeRequestKind; skip: number } & (
  | { type: 'fail'; status: number | 'network'; afterApplying: boolean }
  | { type: 'throttle' }
  | { type: 'rate_limit'; retryAfterSeconds: number }
);

interface ParsedOperation {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  fragments: Map<string, FragmentDefinitionNode>;
  rootFields: string[];
}

const THROTTLED_DOCS = 'https://shopify.dev/api/usage/rate-limits';

export function buildFakeShopifyAdmin(options: FakeShopifyAdminOptions): FakeShopifyAdmin {
  const shopDomain = options.shopDomain ?? 'pressline-test.myshopify.com';
  const accessToken = options.accessToken ?? 'shpat_fake_admin_token';
  const clock = options.now ?? Date.now;
  const maxQueryCost = options.maxQueryCost ?? 1000;
  const bucket = new CostBucket(options.bucket?.maximumAvailable ?? 2000, options.bucket?.restoreRate ?? 100, clock);
  const store = new FakeAdminStore(shopDomain, clock);
  const schema = adminSchema();
  const rootValue = adminRootValue(store);
  const injected: Injected[] = [];
  const requests: FakeAdminRequest[] = [];
  let server: SetupServer | undefined;

  const handler: HttpHandler = http.post(`https://${shopDomain}/admin/api/:version/graphql.json`, async ({ request, params }) => {
    const apiVersion = String(params['version']);
    const record = (entry: Omit<FakeAdminRequest, 'apiVersion'>) => requests.push({ apiVersion, ...entry });

    const presented = request.headers.get('X-Shopify-Access-Token') ?? '';
    if (options.acceptsToken ? !options.acceptsToken(presented) : presented !== accessToken) {
      record({ operationName: null, operation: null, rootFields: [], variables: {}, status: 401, outcome: 'unauthorized' });
      return HttpResponse.json({ errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' }, { status: 401 });
    }

    const body = await readBody(request);
    if (!body) {
      record({ operationName: null, operation: null, rootFields: [], variables: {}, status: 400, outcome: 'invalid' });
      return HttpResponse.json({ errors: { query: 'Required parameter missing or invalid' } }, { status: 400 });
    }
    const parsed = parseOperation(body.query, body.operationName);
    const base = { operationName: body.operationName, variables: body.variables };
    if ('errors' in parsed) {
      record({ ...base, operation: null, rootFields: [], status: 200, outcome: 'invalid' });
      return HttpResponse.json({ errors: parsed.errors });
    }
    const meta = {
      ...base,
      operationName: body.operationName ?? parsed.operation.name?.value ?? null,
      operation: parsed.operation.operation === 'mutation' ? ('mutation' as const) : ('query' as const),
      rootFields: parsed.rootFields,
    };
    const validationErrors = validate(schema, parsed.document);
    if (validationErrors.length > 0) {
      record({ ...meta, status: 200, outcome: 'invalid' });
      return HttpResponse.json({ errors: validationErrors.map((error) => error.toJSON()) });
    }

    const requested = requestedQueryCost(schema, parsed.operation, parsed.fragments, body.variables);
    const injection = takeInjection(injected, meta.operation, parsed.rootFields);
    if (injection?.type === 'rate_limit') {
      record({ ...meta, status: 429, outcome: 'throttled' });
      return HttpResponse.json(
        { errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' },
        { status: 429, headers: { 'Retry-After': injection.retryAfterSeconds.toFixed(1) } },
      );
    }
    if (injection?.type === 'throttle') {
      record({ ...meta, status: 200, outcome: 'throttled' });
      return throttled(requested, bucket.status());
    }
    if (injection?.type === 'fail' && !injection.afterApplying) {
      record({ ...meta, status: injection.status, outcome: 'failed' });
      return failure(injection.status);
    }

    if (requested > maxQueryCost) {
      record({ ...meta, status: 200, outcome: 'invalid' });
      return HttpResponse.json({
        errors: [
          {
            message: `Query cost is ${requested}, which exceeds the single query max cost limit (${maxQueryCost}).`,
            extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost: maxQueryCost },
          },
        ],
      });
    }
    if (!bucket.take(requested)) {
      record({ ...meta, status: 200, outcome: 'throttled' });
      return throttled(requested, bucket.status());
    }

    const result = await execute({
      schema,
      document: parsed.document,
      rootValue,
      variableValues: body.variables,
      operationName: body.operationName ?? undefined,
    });
    if (injection?.type === 'fail') {
      record({ ...meta, status: injection.status, outcome: 'failed' });
      return failure(injection.status);
    }
    record({ ...meta, status: 200, outcome: 'ok' });
    return HttpResponse.json({
      ...(result.errors ? { errors: result.errors.map((error) => error.toJSON()) } : {}),
      data: result.data ?? null,
      extensions: { cost: { requestedQueryCost: requested, actualQueryCost: requested, throttleStatus: bucket.status() } },
    });
  });

  const times = (count: number | undefined, entry: Injected) => {
    for (let i = 0; i < (count ?? 1); i += 1) injected.push({ ...entry });
  };

  return {
    shopDomain,
    accessToken,
    handlers: [handler],
    requests,
    listen(options = {}) {
      server ??= setupServer(handler);
      server.listen({ onUnhandledFrame: options.unhandled ?? 'error' });
    },
    close() {
      server?.close();
      server = undefined;
    },
    seedOrder: (seed) => store.seedOrder(seed),
    touchOrder: (orderId, updatedAt) => store.touchOrder(orderId, updatedAt),
    order: (orderId) => store.orders.get(orderId),
    fulfillments: (orderId) => store.fulfillmentsOf(orderId),
    fulfillmentOrders: (orderId) => store.fulfillmentOrdersOf(orderId),
    metafield: (orderId, namespace, key) => store.metafieldOf(`gid://shopify/Order/${orderId}`, namespace, key)?.value ?? null,
    draftOrders: () => [...store.draftOrders.values()],
    failNext: (kind, { status, afterApplying = false, skip = 0, times: count }) =>
      times(count, { type: 'fail', kind, skip, status, afterApplying }),
    throttleNext: ({ kind = 'any', times: count } = {}) => times(count, { type: 'throttle', kind, skip: 0 }),
    rateLimitNext: ({ kind = 'any', retryAfterSeconds = 2, times: count } = {}) =>
      times(count, { type: 'rate_limit', kind, skip: 0, retryAfterSeconds }),
    setAvailablePoints: (points) => bucket.set(points),
  };
}

async function readBody(request: Request): Promise<{ query: string; variables: Record<string, unknown>; operationName: string | null } | null> {
  let body: unknown;
  try {
    body = await request.json();
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
  if (typeof body !== 'object' || body === null) return null;
  const { query, variables, operationName } = body as Record<string, unknown>;
  if (typeof query !== 'string' || query.trim() === '') return null;
  return {
    query,
    variables: typeof variables === 'object' && variables !== null ? (variables as Record<string, unknown>) : {},
    operationName: typeof operationName === 'string' ? operationName : null,
  };
}

function parseOperation(query: string, operationName: string | null): ParsedOperation | { errors: object[] } {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [error.toJSON()] };
    throw error;
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((op) => op.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) return { errors: [{ message: operationName ? `No operation named "${operationName}"` : 'An operation name is required' }] };
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const rootFields = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
  return { document, operation, fragments, rootFields };
}

function takeInjection(queue: Injected[], operation: 'query' | 'mutation', rootFields: string[]): Injected | undefined {
  const index = queue.findIndex(({ kind }) => kind === 'any' || kind === operation || rootFields.includes(kind));
  const entry = queue[index];
  if (!entry) return undefined;
  if (entry.skip > 0) {
    entry.skip -= 1;
    return undefined;
  }
  queue.splice(index, 1);
  return entry;
}

function throttled(requested: number, throttleStatus: ThrottleStatus): Response {
  return HttpResponse.json({
    errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: THROTTLED_DOCS } }],
    extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus } },
  });
}

function failure(status: number | 'network'): Response {
  if (status === 'network') return HttpResponse.error();
  return HttpResponse.json({ errors: status >= 500 ? 'Internal Server Error' : `HTTP ${status}` }, { status });
}
