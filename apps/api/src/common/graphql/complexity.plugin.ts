import { Plugin } from '@nestjs/apollo';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, type RuntimeConfig } from '../../config/runtime-config.js';

// A list field with `first` costs its children once per requested item.
const connectionEstimator: ComplexityEstimator = ({ args, childComplexity }) =>
  typeof args.first === 'number' ? 1 + childComplexity * Math.max(args.first, 1) : undefined;

/** Refuses queries that would cost more than the configured budget before any resolver runs. */
@Plugin()
export class ComplexityPlugin implements ApolloServerPlugin {
  constructor(
    private readonly schemaHost: GraphQLSchemaHost,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    const { schema } = this.schemaHost;
    const max = this.config.graphqlMaxComplexity;
    return {
      async didResolveOperation({ request, document }) {
        let complexity: number;
        try {
          complexity = getComplexity({
            schema,
            operationName: request.operationName,
            query: document,
            variables: request.variables,
            estimators: [connectionEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
        } catch (error) {
          // Variables that do not fit their types: execution rejects them next, as BAD_USER_INPUT.
          if (error instanceof GraphQLError) return;
          throw error;
        }
        if (complexity > max) {
          throw new GraphQLError(`Query is too complex: ${complexity} points, the limit is ${max}. Ask for fewer items or fewer fields.`, {
            extensions: { code: 'QUERY_TOO_COMPLEX', complexity, maxComplexity: max, http: { status: 400 } },
          });
        }
      },
    };
  }
}
