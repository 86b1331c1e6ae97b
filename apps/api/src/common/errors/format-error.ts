import type { GraphQLFormattedError } from 'graphql';

const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COMPLEX',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

// graphql-js reports a wrong literal (unknown enum value, a string for an Int) as a validation failure; for a person it is bad input.
const VALUE_PROBLEM = /cannot represent|does not exist in|Expected value of type|Expected type|is not defined by type|of required type|was not provided/;
const TOO_DEEP = /exceeds maximum operation depth/;

/**
 * Known errors keep their code; anything else becomes a generic INTERNAL_SERVER_ERROR (the
 * ErrorResponsePlugin has logged the details): never a stack trace or SQL for the client.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
  const code = String(extensions.code ?? 'INTERNAL_SERVER_ERROR');
  if (code === 'GRAPHQL_VALIDATION_FAILED' && TOO_DEEP.test(formatted.message)) {
    return { ...formatted, extensions: { code: 'QUERY_TOO_DEEP' } };
  }
  if (code === 'GRAPHQL_VALIDATION_FAILED' && VALUE_PROBLEM.test(formatted.message)) {
    return { ...formatted, extensions: { code: 'BAD_USER_INPUT' } };
  }
  if (CLIENT_CODES.has(code)) return { ...formatted, extensions: { ...extensions, code } };
  return {
    message: 'Maaf, terjadi kesalahan di server. Silakan coba lagi sebentar lagi. (Internal server error)',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
