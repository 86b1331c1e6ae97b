import { createKampung, createProduct, createSeller } from './factories.js';
import { AccountsRegisterDocument, CatalogProductsDocument, type CatalogProductsQueryVariables } from './generated/graphql.js';
import { createTestApp, type GraphQLResponse, type TestApp } from './harness/test-app.js';

/**
 * Most documents here are deliberately invalid or oversized, so they go raw (t.rawGql); the
 * listing's own typed document carries the bad variables.
 */

describe('bad input and abusive queries', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const seller = await createSeller(t, await createKampung(t));
    await createProduct(t, seller);
  });
  afterAll(() => t.close());

  const expectBadInput = (response: GraphQLResponse<unknown>, mention: RegExp) => {
    expect(response.status).toBeLessThan(500);
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors![0].message).toMatch(mention);
    expect(JSON.stringify(response.errors)).not.toMatch(/stack|QueryFailedError|SELECT/i);
  };

  it.each([
    ['first above 100', { first: 1000 }, /first/],
    ['first of zero', { first: 0 }, /first/],
    ['min price above max price', { filter: { minPriceIdr: '500000', maxPriceIdr: '100000' } }, /maxPriceIdr/],
    ['negative price', { filter: { minPriceIdr: '-5' } }, /minPriceIdr/],
    ['a price that is not a whole number', { filter: { maxPriceIdr: '12.5' } }, /Rupiah/],
    ['a price in words', { filter: { maxPriceIdr: 'murah' } }, /Rupiah/],
    ['a malformed cursor', { after: 'bukan-kursor!' }, /after/],
    ['a cursor made up by hand', { after: Buffer.from('["NEWEST","DROP TABLE","6f1c1f9e-4a57-4b8e-9d59-0f5e0b1c2d3e"]').toString('base64url') }, /after/],
    ['an unknown enum value in a variable', { sort: 'CHEAPEST' }, /CHEAPEST/],
    ['an unknown category', { filter: { category: 'SEPATU' } }, /SEPATU/],
    ['a kampung id that is not an id', { filter: { kampungId: 'teritip' } }, /kampungId/],
    ['a search longer than 100 characters', { filter: { search: 'batik '.repeat(30) } }, /search/],
  ])('rejects %s with BAD_USER_INPUT naming the field', async (_name, variables, mention) => {
    // Some of these values are outside the schema's types on purpose: the API must refuse them, not the compiler.
    expectBadInput(await t.gql(CatalogProductsDocument, variables as CatalogProductsQueryVariables), mention);
  });

  it('rejects a cursor that belongs to another sort order', async () => {
    const page = await t.gql(CatalogProductsDocument, { first: 1, sort: 'PRICE_ASC' });
    const response = await t.gql(CatalogProductsDocument, { sort: 'NEWEST', after: page.data!.products.pageInfo.endCursor });
    expectBadInput(response, /after.*PRICE_ASC/);
  });

  it('rejects an unknown enum written in the query itself as BAD_USER_INPUT', async () => {
    expectBadInput(await t.rawGql(`{ products(sort: CHEAPEST) { totalCount } }`), /CHEAPEST/);
    expectBadInput(await t.rawGql(`{ products(first: "dua puluh") { totalCount } }`), /Int/);
  });

  // PostgreSQL's text cannot hold U+0000: bound to a statement, such a string failed as an internal error.
  const expectNulRefused = (response: GraphQLResponse<unknown>, field: string) => {
    expectBadInput(response, /NUL character/);
    expect(response.status).toBe(400);
    expect(response.errors![0].extensions?.field).toBe(field);
  };

  it('refuses a NUL character in a variable, anywhere inside it, naming where it was', async () => {
    expectNulRefused(await t.gql(CatalogProductsDocument, { filter: { search: 'batik\u0000tulis' } }), 'filter.search');
    expectNulRefused(await t.rawGql(`query ($slug: String!) { product(slug: $slug) { id } }`, { slug: 'selendang\u0000' }), 'slug');
    // Before any resolver, so before sign-in is asked for.
    const reorder = `mutation ($ids: [ID!]!) { reorderProductPhotos(productId: "p", photoIds: $ids) { __typename } }`;
    expectNulRefused(await t.rawGql(reorder, { ids: ['a', 'b\u0000'] }), 'ids.1');
  });

  it('refuses a NUL character written in the query itself, naming the argument', async () => {
    expectNulRefused(await t.rawGql(`{ products(filter: { search: "batik\\u0000" }) { totalCount } }`), 'filter.search');
    expectNulRefused(await t.rawGql(`query ($term: String = "a\\u0000") { products(filter: { search: $term }) { totalCount } }`), 'term');
  });

  it('creates nothing from a mutation whose input holds a NUL character', async () => {
    const input = { displayName: 'Siti\u0000 Aminah', phone: '0812-7777-0001', password: 'batik-tulis-1' };
    expectNulRefused(await t.gql(AccountsRegisterDocument, { input }, { ip: '10.77.0.1' }), 'input.displayName');
    expect(await t.dataSource.query(`SELECT id FROM users WHERE phone = '+6281277770001'`)).toEqual([]);
    // The same input without it goes through: only the character was refused.
    const { data } = await t.gql(AccountsRegisterDocument, { input: { ...input, displayName: 'Siti Aminah' } }, { ip: '10.77.0.2' });
    expect(data?.register.__typename).toBe('AuthSession');
  });

  it('refuses queries nested too deep with QUERY_TOO_DEEP', async () => {
    const deep = `{ products { edges { node { seller { kampung { sellers { kampung { sellers { kampung { name } } } } } } } } } }`;
    const response = await t.rawGql(deep);
    expect(response.status).toBe(400);
    expect(response.errors![0].extensions?.code).toBe('QUERY_TOO_DEEP');
  });

  it('refuses queries that would cost too much with QUERY_TOO_COMPLEX', async () => {
    const fields = Array.from({ length: 12 }, (_, i) => `a${i}: photos { url width height alt }`).join(' ');
    const response = await t.rawGql(`{ products(first: 100) { edges { node { title ${fields} } } } }`);
    expect(response.status).toBe(400);
    expect(response.errors![0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(response.errors![0].message).toMatch(/limit is 5000/);
  });

  it('refuses fragments spread over and over, which the pricing cannot walk, as QUERY_TOO_COMPLEX', async () => {
    const spreads = (name: string) => Array.from({ length: 10 }, () => `...${name}`).join(' ');
    const response = await t.rawGql(`{ kampungs { ${spreads('A')} } }
      fragment A on Kampung { sellers { ${spreads('B')} } }
      fragment B on Seller { kampung { ${spreads('C')} } }
      fragment C on Kampung { sellers { ${spreads('D')} } }
      fragment D on Seller { id displayName }`);
    expect(response.status).toBe(400);
    expect(response.errors!.map((error) => error.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(response.errors![0].message).toMatch(/too complex to price: the limit is 5000 points/);
  });

  it('answers a page above 100 with BAD_USER_INPUT naming first, not as too complex', async () => {
    // 1000 of these would cost 8000 points; priced at the largest page allowed, the resolver names the problem.
    expectBadInput(await t.rawGql(`{ products(first: 1000) { edges { node { title photos { url width height alt } } } } }`), /first/);
  });

  const aliased = (n: number, field: string) => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');
  it.each([
    ['more than 15 aliases', `{ products { edges { node { ${aliased(16, 'title')} } } } }`, 'TOO_MANY_ALIASES', /limit is 15/],
    ['more than 10 top-level fields', `{ ${aliased(11, 'motifs { id }')} }`, 'TOO_MANY_ROOT_FIELDS', /limit is 10/],
    ['more than 10 directives', `{ motifs { ${aliased(11, 'id @include(if: true)')} } }`, 'TOO_MANY_DIRECTIVES', /limit is 10/],
    ['a document of more than 1000 tokens', `{ motifs { ${Array.from({ length: 1000 }, () => 'id').join(' ')} } }`, 'QUERY_TOO_LARGE', /limit is 1000 tokens/],
    ['eight relevance searches in one request', `{ ${aliased(8, 'products(first: 1, filter: { search: "batik" }, sort: RELEVANCE) { totalCount }')} }`, 'QUERY_TOO_COMPLEX', /limit is 5000/],
  ])('refuses %s with HTTP 400 and its own code', async (_name, query, code, message) => {
    const response = await t.rawGql(query);
    expect(response.status).toBe(400);
    expect(response.data).toBeNull();
    expect(response.errors!.map((error) => error.extensions?.code)).toEqual([code]);
    expect(response.errors![0].message).toMatch(message);
    expect(response.errors![0].message).toMatch(/^[^()]+\.$/); // plain English: the client words it
  });

  it('answers a syntax error as a GraphQL parse failure, not a server error', async () => {
    const response = await t.rawGql(`{ products(first: ) }`);
    expect(response.status).toBe(400);
    expect(response.errors![0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('gives every request an id', async () => {
    const response = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ kampungs { name } }' }) });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports health of PostgreSQL and S3', async () => {
    const response = await fetch(`${t.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'up', storage: 'up' });
  });

  it('serves the sandbox page outside production', async () => {
    const response = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html', 'apollo-require-preflight': 'true' } });
    expect(await response.text()).toMatch(/<html/i);
  });

  it('allows introspection outside production', async () => {
    const response = await t.rawGql(`{ __schema { queryType { name } } }`);
    expect(response.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => t.close());

  it('turns introspection off', async () => {
    const response = await t.rawGql(`{ __schema { queryType { name } } }`);
    expect(response.status).toBe(400);
    expect(response.errors![0].message).toMatch(/introspection/i);
  });

  it('serves no sandbox page', async () => {
    const response = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html', 'apollo-require-preflight': 'true' } });
    expect(await response.text()).not.toMatch(/<html|sandbox/i);
  });
});
