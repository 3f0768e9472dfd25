/**
 * The one error family Pressline raises past a use case. Messages are safe to show a
 * merchant or developer; `api/error-mapping.ts` turns each code into an HTTP status and
 * a GraphQL error code in one place. Anything else is an internal error and is masked.
 */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'ILLEGAL_TRANSITION';

export class PresslineError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'PresslineError';
    this.code = code;
    this.details = details;
  }
}

export class BadRequestError extends PresslineError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('BAD_REQUEST', message, details);
  }
}

export class UnauthenticatedError extends PresslineError {
  constructor(message = 'Authentication required') {
    super('UNAUTHENTICATED', message);
  }
}

export class NotFoundError extends PresslineError {
  constructor(what: string) {
    super('NOT_FOUND', `${what} not found`);
  }
}

export class ConflictError extends PresslineError {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}

export class IllegalTransitionError extends PresslineError {
  constructor(message: string, details: { from: string; to: string; allowed: string[]; reason: string }) {
    super('ILLEGAL_TRANSITION', message, details);
  }
}
