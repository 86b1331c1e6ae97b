import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { QueryLimitCode } from './user-errors.js';

const QUERY_LIMIT_CODES = new Set<string>([
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COMPLEX',
  'QUERY_TOO_LARGE',
  'TOO_MANY_ALIASES',
  'TOO_MANY_ROOT_FIELDS',
  'TOO_MANY_DIRECTIVES',
] satisfies QueryLimitCode[]);

const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'TOO_MANY_REQUESTS',
  ...QUERY_LIMIT_CODES,
  'QUERY_TIMEOUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

// graphql-js reports a wrong literal (unknown enum value, a string for an Int) as a validation failure; for a person it is bad input.
const VALUE_PROBLEM = /cannot represent|does not exist in|Expected value of type|Expected type|is not defined by type|of required type|was not provided/;
// graphql-js's parser stops at the token limit (Apollo's parseOptions.maxTokens); its message says "more that".
const TOO_MANY_TOKENS = /Document contains more th[ae][nt] (\d+) tokens/;
// PostgreSQL query_canceled: the statement_timeout, or the cancel of a request whose client left.
const STATEMENT_CANCELLED = '57014';

/**
 * Known errors keep their code; anything else becomes a generic INTERNAL_SERVER_ERROR (the
 * ErrorResponsePlugin has logged the details): never a stack trace or SQL for the client.
 * `error` is what was thrown: Apollo wraps validation errors and resolvers' errors around it.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
  const code = String(extensions.code ?? 'INTERNAL_SERVER_ERROR');
  const cause = error instanceof GraphQLError ? error.originalError : undefined;

  const tokens = code === 'GRAPHQL_PARSE_FAILED' ? TOO_MANY_TOKENS.exec(formatted.message) : null;
  if (tokens) {
    return {
      message: `Query is too large: the limit is ${tokens[1]} tokens.`,
      extensions: { code: 'QUERY_TOO_LARGE' },
    };
  }
  if (code === 'GRAPHQL_VALIDATION_FAILED') {
    const limit = cause instanceof GraphQLError ? String(cause.extensions.code ?? '') : '';
    if (QUERY_LIMIT_CODES.has(limit)) return { ...formatted, extensions: { code: limit } };
    if (VALUE_PROBLEM.test(formatted.message)) return { ...formatted, extensions: { code: 'BAD_USER_INPUT' } };
  }
  if ((cause as { code?: unknown } | undefined)?.code === STATEMENT_CANCELLED) {
    return {
      message: 'The query took too long and was stopped: narrow it down or try again.',
      path: formatted.path,
      extensions: { code: 'QUERY_TIMEOUT' },
    };
  }
  if (CLIENT_CODES.has(code)) return { ...formatted, extensions: { ...extensions, code } };
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
