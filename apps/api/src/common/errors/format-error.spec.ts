import { GraphQLError, parse } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { formatGraphQLError } from './format-error.js';

/** What Apollo hands the formatter: the formatted error and the error thrown, as its pipeline wraps them. */
function format(error: GraphQLError) {
  return formatGraphQLError(error.toJSON(), error);
}
const apolloWrapped = (code: string, cause: Error) =>
  new GraphQLError(cause.message, { originalError: cause, extensions: { code, stacktrace: ['at secret.ts:1'] } });

describe('formatGraphQLError', () => {
  it('answers a document over the token limit as QUERY_TOO_LARGE, in plain English', () => {
    let syntaxError: GraphQLError | undefined;
    try {
      parse('{ motifs { id id id id id } }', { maxTokens: 5 });
    } catch (error) {
      syntaxError = error as GraphQLError;
    }
    expect(format(apolloWrapped('GRAPHQL_PARSE_FAILED', syntaxError!))).toEqual({
      message: 'Query is too large: the limit is 5 tokens.',
      extensions: { code: 'QUERY_TOO_LARGE' },
    });
  });

  it('keeps other syntax errors as GRAPHQL_PARSE_FAILED', () => {
    const formatted = format(apolloWrapped('GRAPHQL_PARSE_FAILED', new GraphQLError('Syntax Error: Expected Name, found ")".')));
    expect(formatted.extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
  });

  it.each(['TOO_MANY_ALIASES', 'TOO_MANY_ROOT_FIELDS', 'TOO_MANY_DIRECTIVES', 'QUERY_TOO_DEEP'])(
    'gives a limit reported during validation its own code, %s, instead of GRAPHQL_VALIDATION_FAILED',
    (code) => {
      const limit = new GraphQLError('Too many: the limit is 15.', { extensions: { code } });
      expect(format(apolloWrapped('GRAPHQL_VALIDATION_FAILED', limit))).toEqual({ message: limit.message, extensions: { code } });
    },
  );

  it('keeps the cost refusal with its points, and drops the stack trace', () => {
    const refusal = new GraphQLError('Query is too complex: 9000 points, the limit is 5000.', {
      extensions: { code: 'QUERY_TOO_COMPLEX', complexity: 9000, maxComplexity: 5000, stacktrace: ['at secret.ts:1'] },
    });
    expect(format(refusal)).toEqual({ message: refusal.message, extensions: { code: 'QUERY_TOO_COMPLEX', complexity: 9000, maxComplexity: 5000 } });
  });

  it('still answers a wrong literal as BAD_USER_INPUT', () => {
    const wrong = new GraphQLError('Value "CHEAPEST" does not exist in "ProductSort" enum.');
    expect(format(apolloWrapped('GRAPHQL_VALIDATION_FAILED', wrong)).extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it('answers a statement stopped by the statement timeout as QUERY_TIMEOUT, without the SQL', () => {
    const timeout = new QueryFailedError('SELECT secret FROM products', [], Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }));
    const resolverError = new GraphQLError(timeout.message, { originalError: timeout, path: ['products'] });
    expect(format(resolverError)).toEqual({
      message: 'The query took too long and was stopped: narrow it down or try again.',
      path: ['products'],
      extensions: { code: 'QUERY_TIMEOUT' },
    });
  });

  it('hides any other failure behind INTERNAL_SERVER_ERROR', () => {
    const broken = new QueryFailedError('SELECT secret FROM products', [], Object.assign(new Error('relation "products" does not exist'), { code: '42P01' }));
    const formatted = format(new GraphQLError(broken.message, { originalError: broken, path: ['products'] }));
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(formatted)).not.toMatch(/secret|relation/);
  });
});
