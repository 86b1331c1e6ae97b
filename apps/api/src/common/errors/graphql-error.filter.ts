import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

/**
 * Errors we throw on purpose (bad input, not allowed, not found) go to the client as they are, without
 * Nest logging each one as a server ERROR; unexpected ones still reach the ErrorResponsePlugin.
 */
@Catch(GraphQLError)
export class GraphQLErrorFilter implements GqlExceptionFilter {
  catch(error: GraphQLError): GraphQLError {
    return error;
  }
}
