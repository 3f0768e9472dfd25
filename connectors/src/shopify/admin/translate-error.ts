import {
  GraphqlQueryError,
  HttpInternalError,
  HttpMaxRetriesError,
  HttpRequestError,
  HttpResponseError,
  HttpThrottlingError,
} from '@shopify/shopify-api';
import { z } from 'zod';
import type { ConnectorFailure } from '../../contract.ts';
import { atLeastMinimumDelay } from '../../retry-after.ts';

// The one place where what the Shopify SDK throws becomes a ConnectorFailure. Messages
// are ours: safe to log and show, never the token or a raw body.

export const queryCostSchema = z.object({
  requestedQueryCost: z.number(),
  actualQueryCost: z.number().nullish(),
  throttleStatus: z.object({
    maximumAvailable: z.number(),
    currentlyAvailable: z.number(),
    restoreRate: z.number().positive(),
  }),
});

export type QueryCost = z.output<typeof queryCostSchema>;

const graphqlErrorSchema = z.object({
  message: z.string().optional(),
  extensions: z.object({ code: z.string().optional() }).loose().optional(),
});

/** When Shopify gives no better hint, wait this long after a throttled answer. */
const DEFAULT_THROTTLE_DELAY_MS = 1000;

/** The cost block of a GraphQL response's `extensions`, if it has one. */
export function readQueryCost(extensions: unknown): QueryCost | null {
  const parsed = z.object({ cost: queryCostSchema }).safeParse(extensions);
  return parsed.success ? parsed.data.cost : null;
}

/**
 * How long until the bucket holds what the throttled query asked for:
 * (requested − currently available) / restore rate.
 */
export function throttleDelayMs(cost: QueryCost | null): number {
  if (!cost) return DEFAULT_THROTTLE_DELAY_MS;
  const { currentlyAvailable, restoreRate } = cost.throttleStatus;
  const deficit = cost.requestedQueryCost - currentlyAvailable;
  // A full enough bucket and still THROTTLED: another of Shopify's limits; back off a little.
  if (deficit <= 0) return DEFAULT_THROTTLE_DELAY_MS;
  return Math.ceil((deficit / restoreRate) * 1000);
}

export interface TranslatedError {
  failure: ConnectorFailure;
  /** The throttle state the failed response reported, for the rate limiter. */
  cost: QueryCost | null;
}

/**
 * Maps an error thrown by the SDK's GraphQL client. Anything that is not a Shopify HTTP
 * or GraphQL error is a bug on our side and is rethrown.
 */
export function translateShopifyError(operation: string, error: unknown): TranslatedError {
  if (error instanceof GraphqlQueryError) return fromGraphqlErrors(operation, error);
  if (error instanceof HttpThrottlingError) {
    const seconds = error.response.retryAfter;
    const retryAfterMs = seconds !== undefined && Number.isFinite(seconds) ? atLeastMinimumDelay(seconds * 1000) : DEFAULT_THROTTLE_DELAY_MS;
    return { failure: { ok: false, reason: 'throttled', retryAfterMs, message: `${operation}: Shopify answered 429 Too Many Requests` }, cost: null };
  }
  if (error instanceof HttpInternalError) {
    return failed('unavailable', `${operation}: Shopify answered ${error.response.code} ${error.response.statusText}`.trim());
  }
  if (error instanceof HttpResponseError) return fromHttpStatus(operation, error.response.code);
  if (error instanceof HttpRequestError || error instanceof HttpMaxRetriesError) {
    return failed('unavailable', `${operation}: Shopify could not be reached`);
  }
  throw error;
}

function fromHttpStatus(operation: string, status: number): TranslatedError {
  if (status === 401 || status === 403) {
    return failed('unauthorized', `${operation}: Shopify refused the shop's access token (HTTP ${status}); the app may have been uninstalled`);
  }
  if (status === 404) return failed('not_found', `${operation}: Shopify answered 404; the shop or API version does not exist`);
  // 402: the shop is frozen for an unpaid bill; 423: the shop is locked. Both pass.
  if (status === 402 || status === 423) return failed('unavailable', `${operation}: the shop is not accepting API calls (HTTP ${status})`);
  return failed('rejected', `${operation}: Shopify refused the request (HTTP ${status})`);
}

function fromGraphqlErrors(operation: string, error: GraphqlQueryError): TranslatedError {
  const body: Record<string, unknown> = error.body ?? {};
  const nested = z.object({ graphQLErrors: z.array(graphqlErrorSchema).optional() }).safeParse(body['errors']);
  const errors = nested.success ? (nested.data.graphQLErrors ?? []) : [];
  const codes = new Set(errors.map((e) => e.extensions?.code));
  const cost = readQueryCost(body['extensions']);
  const messages = errors.map((e) => e.message).filter((m): m is string => Boolean(m)).slice(0, 3).join('; ') || error.message;

  if (codes.has('THROTTLED')) {
    return { failure: { ok: false, reason: 'throttled', retryAfterMs: throttleDelayMs(cost), message: `${operation}: throttled by Shopify` }, cost };
  }
  if (codes.has('ACCESS_DENIED')) return { ...failed('unauthorized', `${operation}: access denied (missing scope?): ${messages}`), cost };
  if (codes.has('NOT_FOUND')) return { ...failed('not_found', `${operation}: ${messages}`), cost };
  if (codes.has('INTERNAL_SERVER_ERROR') || codes.has('SERVICE_UNAVAILABLE')) {
    return { ...failed('unavailable', `${operation}: Shopify failed internally: ${messages}`), cost };
  }
  // MAX_COST_EXCEEDED, a schema mismatch, a bad variable: retrying cannot help.
  return { ...failed('rejected', `${operation}: ${messages}`), cost };
}

function failed(reason: 'unauthorized' | 'not_found' | 'rejected' | 'unavailable', message: string): TranslatedError {
  return { failure: { ok: false, reason, message }, cost: null };
}

export interface ShopifyUserError {
  field?: string[] | null;
  message: string;
  code?: string | null;
}

export const userErrorSchema = z.object({
  field: z.array(z.string()).nullish(),
  message: z.string(),
  code: z.string().nullish(),
});

/** A mutation's `userErrors`: Shopify understood the request and declined it. */
export function rejectedByUserErrors(operation: string, userErrors: readonly ShopifyUserError[]): ConnectorFailure {
  const described = userErrors
    .slice(0, 5)
    .map((e) => (e.field && e.field.length > 0 ? `${e.field.join('.')}: ${e.message}` : e.message))
    .join('; ');
  return { ok: false, reason: 'rejected', message: `${operation}: ${described}` };
}
