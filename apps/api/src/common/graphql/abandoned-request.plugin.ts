import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { currentRequestWork } from '../database/request-work.js';

/**
 * Marks a query as stoppable: once its client hangs up, the AbandonedQueryCanceller stops its running
 * SQL and refuses any more, which ends the resolvers waiting on it. A mutation always runs to its end.
 * (No per-field hook: Apollo would wrap every resolver of every request for it.)
 */
@Plugin()
export class AbandonedRequestPlugin implements ApolloServerPlugin {
  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    const work = currentRequestWork();
    if (!work) return {};
    return {
      async didResolveOperation({ operation }) {
        work.stoppable = operation?.operation === 'query';
      },
    };
  }
}
