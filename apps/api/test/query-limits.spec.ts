import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  print,
  specifiedRules,
  typeFromAST,
  validate,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { COST, pricedVariables, queryCost } from '../src/common/graphql/complexity.plugin.js';
import { queryLimits } from '../src/common/graphql/query-limits.js';
import { loadConfig, repoRoot } from '../src/config/env.js';
import { storefrontOperations } from './storefront-operations.js';

const schema = buildSchema(readFileSync(path.join(repoRoot(), 'apps', 'api', 'schema.gql'), 'utf8'));
const limits = loadConfig({}).graphqlLimits;
const { parseOptions, validationRules } = queryLimits(limits);

/** The codes the API's limits give a document, parse and validation together. */
function refusals(source: string): string[] {
  let document: DocumentNode;
  try {
    document = parse(source, parseOptions);
  } catch (error) {
    return [(error as Error).message];
  }
  return validate(schema, document, [...specifiedRules, ...validationRules]).map((error) => String(error.extensions.code ?? error.message));
}

/** The most a caller can ask of each variable: every page at 100, a search, relevance, every filter set. */
function largest(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return largest(type.ofType);
  if (isListType(type)) return [largest(type.ofType)];
  if (isEnumType(type)) return (type.getValue('RELEVANCE') ?? type.getValues()[0]).name;
  if (isInputObjectType(type)) return Object.fromEntries(Object.values(type.getFields()).map((field) => [field.name, largest(field.type)]));
  return { Int: 100, Float: 1, Boolean: true, ID: '6f1c1f9e-4a57-4b8e-9d59-0f5e0b1c2d3e' }[type.name] ?? 'batik tulis parang';
}

function largestVariables(document: DocumentNode, on: GraphQLSchema): Record<string, unknown> {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return Object.fromEntries((operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, largest(typeFromAST(on, v.type as never) as GraphQLInputType)]));
}

describe('the limits on one GraphQL operation', () => {
  describe('every operation the web app sends, at its largest', () => {
    const operations = [...storefrontOperations()];
    const costs = operations.map(([name, document]) => [name, queryCost(schema, document, largestVariables(document, schema))] as const);

    afterAll(() => {
      const table = [...costs].sort((a, b) => b[1] - a[1]).map(([name, cost]) => `  ${name.padEnd(36)} ${String(cost).padStart(5)}`);
      console.log(`cost of the web's operations with every page at 100 (limit ${limits.maxComplexity}):\n${table.join('\n')}`);
    });

    it.each(operations)('%s passes parsing and validation', (_name, document) => {
      expect(refusals(print(document))).toEqual([]);
    });

    it('costs at most three quarters of the budget', () => {
      for (const [name, cost] of costs) expect([name, cost <= limits.maxComplexity * 0.75]).toEqual([name, true]);
    });
  });

  it('refuses the 1,300-alias search flood while parsing, on its token count', () => {
    const flood = `query Flood($s: String) { ${Array.from({ length: 1300 }, (_, i) => `a${i}:products(first:1,filter:{search:$s},sort:RELEVANCE){totalCount}`).join(' ')} }`;
    expect(refusals(flood)).toEqual([expect.stringMatching(/Document contains more th.. 1000 tokens/)]);
  });

  it('counts aliases, root fields, depth and directives', () => {
    const aliased = (n: number, field = 'motifs { id }') => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');
    expect(refusals(`{ ${aliased(10)} }`)).toEqual([]);
    expect(refusals(`{ ${aliased(11)} }`)).toEqual(['TOO_MANY_ROOT_FIELDS']);
    expect(refusals(`{ products { edges { node { ${aliased(16, 'title')} } } } }`)).toEqual(['TOO_MANY_ALIASES']);
    // Fragments count for what they select, wherever they are spread.
    expect(refusals(`{ ...Root } fragment Root on Query { ${aliased(11)} }`)).toEqual(['TOO_MANY_ROOT_FIELDS']);
    expect(refusals(`{ products { edges { node { seller { kampung { sellers { kampung { name } } } } } } } }`)).toEqual([]);
    expect(refusals(`{ products { edges { node { seller { kampung { sellers { kampung { sellers { id } } } } } } } } }`)).toEqual(['QUERY_TOO_DEEP']);
    expect(refusals(`{ motifs { ${Array.from({ length: 11 }, (_, i) => `f${i}: id @include(if: true)`).join(' ')} } }`)).toEqual(['TOO_MANY_DIRECTIVES']);
  });

  describe('cost follows the work', () => {
    const cost = (source: string, variables?: Record<string, unknown>) => queryCost(schema, parse(source), variables);

    it('prices a search, its relevance ranking and a count far above plain fields', () => {
      const plain = cost(`{ products(first: 1) { edges { node { id } } } }`);
      expect(plain).toBeLessThan(10);
      expect(cost(`{ products(first: 1) { totalCount } }`)).toBe(1 + COST.totalCount);
      expect(cost(`query($s: String) { products(first: 1, filter: { search: $s }) { edges { node { id } } } }`, { s: 'batik' })).toBe(plain + COST.search);
      expect(cost(`{ products(first: 1, filter: { search: "batik" }, sort: RELEVANCE) { totalCount } }`)).toBe(1 + COST.search + COST.relevance + COST.totalCount);
      // No words to look for: no search, and relevance falls back to the newest.
      expect(cost(`{ products(first: 1, filter: { search: "  " }, sort: RELEVANCE) { totalCount } }`)).toBe(1 + COST.totalCount);
    });

    it('prices a page per item, and its count and page info once', () => {
      const page = (first: number) => cost(`{ products(first: ${first}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title } } } }`);
      expect(page(1)).toBe(1 + COST.totalCount + 3 + (1 + 1 + 3));
      expect(page(100) - page(1)).toBe(99 * (1 + 1 + 3));
    });

    it('prices a page above the largest allowed as the largest, so the resolver can answer BAD_USER_INPUT naming first', () => {
      const fields = Array.from({ length: 12 }, (_, i) => `a${i}: photos { url width height alt }`).join(' ');
      expect(cost(`{ products(first: 1000) { edges { node { title ${fields} } } } }`)).toBe(cost(`{ products(first: 100) { edges { node { title ${fields} } } } }`));
    });

    it('depends only on the variables of priced arguments, which the plugin remembers its prices by', () => {
      // A listing's cursor changes each page, its price does not.
      expect(pricedVariables(storefrontOperations().get('CatalogProducts')!)).toEqual(['filter', 'first', 'sort']);
      expect(pricedVariables(storefrontOperations().get('ProductDetail')!)).toEqual([]);
      const source = `query($n: Int, $s: String, $count: Boolean!, $after: String) { products(first: $n, after: $after, filter: { search: $s }) { edges { node { id title @include(if: $count) } } } }`;
      expect(pricedVariables(parse(source))).toEqual(['count', 'n', 's']);
      expect(cost(source, { n: 5, s: 'batik', count: true, after: null })).toBeGreaterThan(cost(source, { n: 5, s: 'batik', count: false, after: null }));
    });

    it('refuses a handful of relevance searches in one request', () => {
      const searches = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: products(first: 1, filter: { search: "batik" }, sort: RELEVANCE) { totalCount }`).join(' ')} }`;
      expect(cost(searches(7))).toBeLessThanOrEqual(limits.maxComplexity);
      expect(cost(searches(8))).toBeGreaterThan(limits.maxComplexity);
    });
  });
});

