import { Logger } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { GraphQLContext } from '../dataloader/request-loaders.js';

const logger = new Logger('GraphQL');

/** Unexpected failures are logged with the request id the client got in `x-request-id`. */
@Plugin()
export class ErrorLoggingPlugin implements ApolloServerPlugin<GraphQLContext> {
  async requestDidStart(): Promise<GraphQLRequestListener<GraphQLContext>> {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          const code = error.extensions?.code;
          if (code && code !== 'INTERNAL_SERVER_ERROR') continue;
          const cause = error.originalError ?? error;
          logger.error(`[${contextValue.req?.requestId ?? '-'}] ${error.message} at ${error.path?.join('.') ?? 'request'}`, cause.stack);
        }
      },
    };
  }
}
