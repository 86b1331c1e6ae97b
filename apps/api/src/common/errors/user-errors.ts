import { GraphQLError } from 'graphql';

/**
 * Codes of errors that are thrown (not expected outcomes: those are ErrorResults, error-result.ts) and
 * that a client can act on; anything else reaching the formatter is an internal failure.
 */
export type ThrownErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'TOO_MANY_REQUESTS'
  | QueryLimitCode
  | 'QUERY_TIMEOUT'
  | 'CLIENT_CLOSED_REQUEST';

/** Refusals of an operation's shape or size, before any resolver runs (HTTP 400). */
export type QueryLimitCode = 'QUERY_TOO_DEEP' | 'QUERY_TOO_COMPLEX' | 'QUERY_TOO_LARGE' | 'TOO_MANY_ALIASES' | 'TOO_MANY_ROOT_FIELDS' | 'TOO_MANY_DIRECTIVES';

/** Messages are plain English for developers and logs; clients word what they show by the code. */
export function userError(code: ThrownErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/** Bad input names the argument path (e.g. `filter.maxPriceIdr`) so forms can show it beside the field. */
export function badInput(field: string, message: string): GraphQLError {
  return userError('BAD_USER_INPUT', `${field}: ${message}`, { field });
}

/** How many items a list may be asked for at once: 1–100, or BAD_USER_INPUT naming `first`. */
export function firstWithin(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first', 'must be between 1 and 100');
  return first;
}
