import { Plugin } from '@nestjs/apollo';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  getNamedType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, type RuntimeConfig } from '../../config/runtime-config.js';

/**
 * Points per piece of work. Measured on a catalogue the size of the demo's (250 products): a product
 * card of 26 fields takes about 0.6 ms, so a point is some 25 µs; a search adds about 8 ms to a page
 * (full-text and trigram matching over every product, for the page and again for its count) and
 * grows with the catalogue, as do the count and the relevance ranking of every match.
 */
export const COST = {
  field: 1,
  totalCount: 100,
  search: 500,
  relevance: 100,
} as const;

// Every list refuses `first` above 100 with BAD_USER_INPUT; costing a larger ask as 100 lets that clear answer through.
const LARGEST_PAGE = 100;

type Fragments = Map<string, FragmentDefinitionNode>;

const COUNTED_FIELDS = new Set(['totalCount', 'totalCountExact']);

// graphql-query-complexity stops walking at 10,000 nodes (maxQueryNodes) and says so.
const TOO_MANY_NODES = /maximum allowed number of nodes/;

const isConnection = (type: GraphQLNamedType) => type.name.endsWith('Connection');
const pageSize = (first: unknown) => (typeof first === 'number' ? Math.min(Math.max(first, 1), LARGEST_PAGE) : 1);

function hasSearch(args: Record<string, unknown>): boolean {
  const search = (args.filter as { search?: unknown } | null | undefined)?.search;
  return typeof search === 'string' && search.trim() !== '';
}

/** The fields a selection asks for by response name, through fragments. */
function selectedFields(selectionSet: SelectionSetNode | undefined, fragments: Fragments, into = new Map<string, FieldNode>(), seen = new Set<string>()) {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) into.set(selection.alias?.value ?? selection.name.value, selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) selectedFields(selection.selectionSet, fragments, into, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      selectedFields(fragments.get(selection.name.value)?.selectionSet, fragments, into, seen);
    }
  }
  return into;
}

/** What a connection answers once whatever its page size: its count and its page info. */
function perPageCost(connection: FieldNode, fragments: Fragments): number {
  let cost = 0;
  let counted = false;
  for (const field of selectedFields(connection.selectionSet, fragments).values()) {
    if (field.name.value === 'edges') continue;
    // totalCount and totalCountExact come from one count.
    if (COUNTED_FIELDS.has(field.name.value)) {
      cost += counted ? COST.field : COST.totalCount;
      counted = true;
    } else cost += COST.field + selectedFields(field.selectionSet, fragments).size;
  }
  return cost;
}

/** What one field costs: its own work plus its children's, once per item it can return. */
const costEstimator: ComplexityEstimator = ({ type, field, node, args, childComplexity, context }) => {
  // A connection's own fields are priced by the connection: edges per item, the rest once (perPageCost).
  if (isConnection(type)) return field.name === 'edges' ? COST.field + childComplexity : 0;
  let own: number = COST.field;
  if (hasSearch(args)) own += COST.search + (args.sort === 'RELEVANCE' ? COST.relevance : 0);
  if (isConnection(getNamedType(field.type))) return own + childComplexity * pageSize(args.first) + perPageCost(node, (context as { fragments: Fragments }).fragments);
  // A list with `first` pays its children per item; the short lists without it (a product's photos, the kampung KB) once.
  return own + childComplexity * ('first' in args ? pageSize(args.first) : 1);
};

/** The cost of one operation with its variables; throws a GraphQLError when the variables do not fit their types. */
export function queryCost(schema: GraphQLSchema, query: DocumentNode, variables?: Record<string, unknown>, operationName?: string): number {
  const fragments: Fragments = new Map(query.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  return getComplexity({ schema, query, variables, operationName, estimators: [costEstimator], context: { fragments } });
}

/** Refuses operations that would cost more than the configured budget, after validation and before any resolver runs. */
@Plugin()
export class ComplexityPlugin implements ApolloServerPlugin {
  constructor(
    private readonly schemaHost: GraphQLSchemaHost,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    const { schema } = this.schemaHost;
    const max = this.config.graphqlLimits.maxComplexity;
    return {
      async didResolveOperation({ request, document }) {
        const refuse = (complexity: number | null) =>
          new GraphQLError(
            complexity === null
              ? `Query is too complex to price: the limit is ${max} points. Ask for fewer items or fewer fields.`
              : `Query is too complex: ${complexity} points, the limit is ${max}. Ask for fewer items or fewer fields.`,
            { extensions: { code: 'QUERY_TOO_COMPLEX', complexity, maxComplexity: max, http: { status: 400 } } },
          );
        let complexity: number;
        try {
          complexity = queryCost(schema, document, request.variables, request.operationName);
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          // Fragments spread over and over can ask the pricing itself to walk without end.
          if (TOO_MANY_NODES.test(error.message)) throw refuse(null);
          // Variables that do not fit their types: execution rejects them next, as BAD_USER_INPUT.
          return;
        }
        if (complexity > max) throw refuse(complexity);
      },
    };
  }
}
