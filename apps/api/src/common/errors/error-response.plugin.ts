import { Logger } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { currentRequestWork } from '../database/request-work.js';
import type { GraphQLContext } from '../dataloader/request-loaders.js';

const logger = new Logger('GraphQL');

/** Unexpected failures are logged with the request id the client got in `x-request-id`; rate limits become HTTP 429. */
@Plugin()
export class ErrorResponsePlugin implements ApolloServerPlugin<GraphQLContext> {
  async requestDidStart(): Promise<GraphQLRequestListener<GraphQLContext>> {
    return {
      // Rate-limited calls answer HTTP 429 with Retry-After, so proxies and clients see it too.
      async willSendResponse({ errors, response }) {
        const limited = errors?.find((error) => error.extensions?.code === 'TOO_MANY_REQUESTS');
        if (!limited) return;
        response.http.status = 429;
        response.http.headers.set('retry-after', String(limited.extensions.retryAfterSeconds ?? 60));
      },
      async didEncounterErrors({ errors, contextValue }) {
        // Its client hung up and its statements were stopped on purpose: nothing failed.
        if (currentRequestWork()?.abandoned) return;
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
