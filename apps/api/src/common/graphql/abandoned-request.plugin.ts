import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { clientLeftError, currentRequestWork } from '../database/request-work.js';

/**
 * A query whose client has hung up starts no further resolvers (and, through the
 * AbandonedQueryCanceller, no further SQL); a mutation always runs to its end.
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
      async executionDidStart() {
        return {
          willResolveField() {
            if (work.abandoned) throw clientLeftError();
          },
        };
      },
    };
  }
}
