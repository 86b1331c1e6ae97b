import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import type { RequestContext } from '../context/request-context.js';
import { PrefetchRegistry, selectionsAt } from './prefetch.js';
import { RequestLoaders, type GraphQLContext } from './request-loaders.js';

/** The resolve info of the document's first root field: its field nodes and the fragments. */
function infoOf(document: string): GraphQLResolveInfo {
  const parsed = parse(document);
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(parsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments } as unknown as GraphQLResolveInfo;
}

const context = (): GraphQLContext => ({ req: { headers: {}, clientAddress: '127.0.0.1' }, loaders: new RequestLoaders(), requestContext: {} as RequestContext });

interface Product { id: string; sellerId: string }
interface Seller { id: string; kampungId: string }
const products: Product[] = [{ id: 'p1', sellerId: 's1' }, { id: 'p2', sellerId: 's1' }, { id: 'p3', sellerId: 's2' }];

/** A registry with Product.seller and Seller.kampung over the context's loaders, recording each batch. */
function registry(batches: string[][], { failSellers = false } = {}) {
  const sellers = (gql: GraphQLContext) => gql.loaders.get('sellerById', async (ids: readonly string[]) => {
    batches.push(['sellers', ...ids]);
    if (failSellers) throw new Error('database down');
    return new Map(ids.map((id) => [id, { id, kampungId: `k-${id}` }]));
  }, null as Seller | null);
  const kampungs = (gql: GraphQLContext) => gql.loaders.get('kampungById', async (ids: readonly string[]) => {
    batches.push(['kampungs', ...ids]);
    return new Map(ids.map((id) => [id, { id, name: `Kampung ${id}` }]));
  }, null as { id: string; name: string } | null);
  const prefetch = new PrefetchRegistry();
  prefetch.register<Product>('Product', 'seller', 'Seller', async (gql, rows) => (await sellers(gql).loadMany(rows.map((p) => p.sellerId))).filter((s): s is Seller => !!s && !(s instanceof Error)));
  prefetch.register<Seller>('Seller', 'kampung', 'Kampung', async (gql, rows) => (await kampungs(gql).loadMany(rows.map((s) => s.kampungId))).filter((k) => !!k && !(k instanceof Error)) as object[]);
  return { prefetch, sellers, kampungs };
}

describe('prefetch', () => {
  it('finds the selection under a path through named and inline fragments', () => {
    const info = infoOf(`
      query { products { edges { node { id ...Card ... on Product { primaryPhoto { url } } } } } }
      fragment Card on Product { seller { displayName } }`);
    const fields = selectionsAt(info, ['edges', 'node']).flatMap((set) => set.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : s.kind)));
    expect(fields).toEqual(['id', Kind.FRAGMENT_SPREAD, Kind.INLINE_FRAGMENT]);
  });

  it('loads each selected relation once per level, nested ones after their parents, and they are then settled', async () => {
    const batches: string[][] = [];
    const { prefetch, sellers, kampungs } = registry(batches);
    const gql = context();
    const info = infoOf(`query { products { edges { node { id ...Card } } } } fragment Card on Product { seller { displayName kampung { name } } }`);
    await prefetch.prefetch(gql, 'Product', products, selectionsAt(info, ['edges', 'node']), info.fragments);
    expect(batches).toEqual([['sellers', 's1', 's2'], ['kampungs', 'k-s1', 'k-s2']]);
    // What the field resolvers get: the value itself, not a promise.
    expect(gql.loaders.now(kampungs(gql), 'k-s2')).toEqual({ id: 'k-s2', name: 'Kampung k-s2' });
    expect(gql.loaders.now(sellers(gql), 's9')).toBeInstanceOf(Promise);
    expect(kampungs(gql)).toBe(kampungs(gql));
  });

  it('loads nothing that is not selected', async () => {
    const batches: string[][] = [];
    const { prefetch } = registry(batches);
    const info = infoOf(`query { products { edges { node { id seller { displayName } } } } }`);
    await prefetch.prefetch(context(), 'Product', products, selectionsAt(info, ['edges', 'node']), info.fragments);
    expect(batches).toEqual([['sellers', 's1', 's2']]);
  });

  it('does not fail the list when a relation cannot load: its field tries again, and fails by itself', async () => {
    const batches: string[][] = [];
    const { prefetch, sellers } = registry(batches, { failSellers: true });
    const gql = context();
    const info = infoOf(`query { products { edges { node { seller { kampung { name } } } } } }`);
    await expect(prefetch.prefetch(gql, 'Product', products, selectionsAt(info, ['edges', 'node']), info.fragments)).resolves.toBeUndefined();
    // DataLoader forgets a failed batch: the field's own load is a second attempt.
    await expect(gql.loaders.now(sellers(gql), 's1')).rejects.toThrow('database down');
    expect(batches).toEqual([['sellers', 's1', 's2'], ['sellers', 's1']]);
  });
});
