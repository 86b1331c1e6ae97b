import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { clientLeftError, currentRequestWork } from '../database/request-work.js';

/**
 * Errors we throw on purpose (bad input, not allowed, not found) go to the client as they are, without
 * Nest logging each one as a server ERROR; unexpected ones still reach the ErrorResponsePlugin.
 */
@Catch(GraphQLError, QueryFailedError)
export class GraphQLErrorFilter implements GqlExceptionFilter {
  catch(error: GraphQLError | QueryFailedError): GraphQLError | undefined {
    if (error instanceof GraphQLError) return error;
    // A statement cancelled because its client hung up failed nothing; any other goes on to Nest's handler (undefined).
    return currentRequestWork()?.abandoned ? clientLeftError() : undefined;
  }
}
