import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { GraphQLContext } from '../dataloader/request-loaders.js';
import { BoundedLabel, graphqlErrors, graphqlRequestDuration } from './metrics.js';

/** Distinct operation names kept as labels: the storefront has about 60 operations. */
export const MAX_OPERATION_LABELS = 200;

/**
 * Times each GraphQL request by operation and counts its errors by code. Only an operation that
 * parsed and validated gives its name; a document that did not is "invalid", an unnamed one "anonymous".
 */
@Plugin()
export class GraphQLMetricsPlugin implements ApolloServerPlugin<GraphQLContext> {
  private readonly operations = new BoundedLabel(MAX_OPERATION_LABELS);
  private readonly codes = new BoundedLabel(50);

  async requestDidStart(): Promise<GraphQLRequestListener<GraphQLContext>> {
    const stop = graphqlRequestDuration.startTimer();
    let labels = { operation: 'invalid', type: 'unknown' };
    return {
      didResolveOperation: async ({ operationName, operation, contextValue }) => {
        labels = { operation: this.operations.of(operationName ?? 'anonymous'), type: operation?.operation ?? 'unknown' };
        // The request's log line names the operation too (common/logging).
        (contextValue.req as { graphqlOperation?: string }).graphqlOperation = (operationName ?? 'anonymous').slice(0, 100);
      },
      willSendResponse: async ({ response }) => {
        stop(labels);
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        for (const error of errors ?? []) graphqlErrors.inc({ code: this.codes.of(String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')) });
      },
    };
  }
}
