import { GraphQLError } from 'graphql';
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

/** GraphQL's view of the same mapping; anything not ours is masked. */
export function toGraphQLError(error: unknown, path?: readonly (string | number)[]): GraphQLError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof PresslineError) {
    return new GraphQLError(original.message, { path, extensions: { code: original.code, ...original.details } });
  }
  if (error instanceof GraphQLError && !error.originalError) return error; // validation/syntax errors of the query itself
  return new GraphQLError(INTERNAL_MESSAGE, { path, extensions: { code: 'INTERNAL' } });
}
