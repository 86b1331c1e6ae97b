import { Plugin } from '@nestjs/apollo';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  getNamedType,
  visit,
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

// The arguments costEstimator reads, and @include/@skip's, which decide what is walked at all.
const PRICED_ARGUMENTS = new Set(['first', 'filter', 'sort', 'if']);

/** The variables an operation's cost can depend on: those passed, anywhere inside, to a priced argument (not a cursor or a slug). */
export function pricedVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(argument) {
      if (PRICED_ARGUMENTS.has(argument.name.value)) visit(argument.value, { Variable: (variable) => void names.add(variable.name.value) });
      return false;
    },
  });
  return [...names].sort();
}

// Distinct priced values kept per document (the documents themselves are bounded by the document cache).
const PRICES_PER_DOCUMENT = 200;

interface Prices {
  variables: string[];
  /** Cost by operation name and priced values; null: too complex to price. */
  byValues: Map<string, number | null>;
}

/** Refuses operations that would cost more than the configured budget, after validation and before any resolver runs. */
@Plugin()
export class ComplexityPlugin implements ApolloServerPlugin {
  /** Pricing walks the whole operation (a third of a listing's own work): once per document and priced values, then remembered. */
  private readonly prices = new WeakMap<DocumentNode, Prices>();

  constructor(
    private readonly schemaHost: GraphQLSchemaHost,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  private pricesOf(document: DocumentNode): Prices {
    let prices = this.prices.get(document);
    if (!prices) this.prices.set(document, (prices = { variables: pricedVariables(document), byValues: new Map() }));
    return prices;
  }

  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    const { schema } = this.schemaHost;
    const max = this.config.graphqlLimits.maxComplexity;
    const pricesOf = (document: DocumentNode) => this.pricesOf(document);
    return {
      async didResolveOperation({ request, document }) {
        const refuse = (complexity: number | null) =>
          new GraphQLError(
            complexity === null
              ? `Query is too complex to price: the limit is ${max} points. Ask for fewer items or fewer fields.`
              : `Query is too complex: ${complexity} points, the limit is ${max}. Ask for fewer items or fewer fields.`,
            { extensions: { code: 'QUERY_TOO_COMPLEX', complexity, maxComplexity: max, http: { status: 400 } } },
          );
        const prices = pricesOf(document);
        const variables = request.variables ?? {};
        const key = `${request.operationName ?? ''} ${JSON.stringify(prices.variables.filter((name) => name in variables).map((name) => [name, variables[name]]))}`;
        let complexity = prices.byValues.get(key);
        if (complexity === undefined) {
          try {
            complexity = queryCost(schema, document, request.variables, request.operationName);
          } catch (error) {
            if (!(error instanceof GraphQLError)) throw error;
            // Fragments spread over and over can ask the pricing itself to walk without end.
            if (TOO_MANY_NODES.test(error.message)) complexity = null;
            // Variables that do not fit their types: execution rejects them next, as BAD_USER_INPUT.
            else return;
          }
          if (prices.byValues.size >= PRICES_PER_DOCUMENT) prices.byValues.clear();
          prices.byValues.set(key, complexity);
        }
        if (complexity === null || complexity > max) throw refuse(complexity);
      },
    };
  }
}
