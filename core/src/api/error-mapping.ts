import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { PresslineError, type ErrorCode } from '../errors.ts';

/** The one place error codes become HTTP statuses and GraphQL error codes. */
const HTTP_STATUS: Record<ErrorCode, 400 | 401 | 403 | 404 | 409> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ILLEGAL_TRANSITION: 409,
};

export const INTERNAL_MESSAGE = 'Something went wrong on our side; it has been logged.';

export function httpStatusOf(error: unknown): 400 | 401 | 403 | 404 | 409 | 500 {
  return error instanceof PresslineError ? HTTP_STATUS[error.code] : 500;
}

/** A JSON body safe to show: our own message and code, never a stack or a driver message. */
export function errorBody(error: unknown): { error: { code: string; message: string } } {
  if (error instanceof PresslineError) return { error: { code: error.code, message: error.message } };
  return { error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } };
}

/**
 * GraphQL's view of the same mapping; anything not ours is masked. Errors are
 * recognised by shape, not `instanceof GraphQLError`: graphql ships CommonJS and ESM
 * builds, and the server and our code may hold different copies of the class.
 */
export function toGraphQLError(error: unknown): GraphQLError {
  const wrapper = asGraphQLErrorLike(error);
  const original = wrapper?.originalError ?? error;
  const path = wrapper?.path;
  if (original instanceof PresslineError) {
    return createGraphQLError(original.message, { path, extensions: { code: original.code, ...original.details } });
  }
  // Syntax and validation errors of the query itself carry no cause and are safe to show.
  if (wrapper && !wrapper.originalError) return error as GraphQLError;
  return createGraphQLError(INTERNAL_MESSAGE, { path, extensions: { code: 'INTERNAL' } });
}

interface GraphQLErrorLike {
  originalError?: unknown;
  path?: readonly (string | number)[];
}

function asGraphQLErrorLike(error: unknown): GraphQLErrorLike | null {
  return error instanceof Error && error.name === 'GraphQLError' ? (error as GraphQLErrorLike) : null;
}
