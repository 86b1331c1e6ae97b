import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { clientLeftError, currentRequestWork } from '../database/request-work.js';

/**
 * Errors we throw on purpose (bad input, not allowed, not found) go to the client as they are, without
 * Nest logging each one as a server ERROR; unexpected ones still reach the ErrorResponsePlugin. Outside
 * GraphQL (Stripe's webhook, the payout file) Nest's own handler answers, 500 for a failed statement:
 * a filter that answered nothing there would leave the request hanging.
 */
@Catch(GraphQLError, QueryFailedError)
export class GraphQLErrorFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  catch(error: GraphQLError | QueryFailedError, host: ArgumentsHost): GraphQLError | undefined {
    if (host.getType<GqlContextType>() !== 'graphql') {
      super.catch(error, host);
      return undefined;
    }
    if (error instanceof GraphQLError) return error;
    // A statement cancelled because its client hung up failed nothing; any other goes on to Nest's handler (undefined).
    return currentRequestWork()?.abandoned ? clientLeftError() : undefined;
  }
}
