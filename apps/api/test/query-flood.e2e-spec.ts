import { print } from 'graphql';
import { createKampung, createProduct, createSeller } from './factories.js';
import { MotifListDocument } from './generated/graphql.js';
import { createTestApp, type TestApp } from './harness/test-app.js';
import { storefrontOperations } from './storefront-operations.js';

// The attack from the hardening issue: 1,300 aliased searches with a count, about 90 KB in one request
// (built here, so sent raw with t.rawGql).
const FLOOD = `query Flood($s: String) { ${Array.from({ length: 1300 }, (_, i) => `a${i}:products(first:1,filter:{search:$s},sort:RELEVANCE){totalCount}`).join(' ')} }`;

const timed = async <T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> => {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
};

describe('a flood of aliased searches from one anonymous caller', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const kampung = await createKampung(t);
    for (let s = 0; s < 3; s++) {
      const seller = await createSeller(t, kampung);
      for (let p = 0; p < 10; p++) await createProduct(t, seller, { title: `Kain Batik Tulis Parang ${s}-${p}` });
    }
  });
  afterAll(() => t.close());

  it('is refused at once, before any resolver or SQL runs', async () => {
    expect(FLOOD.length).toBeGreaterThan(85_000);
    let elapsed = 0;
    const statements = await t.countQueries(async () => {
      const { ms, result } = await timed(() => t.rawGql(FLOOD, { s: 'batik' }));
      elapsed = ms;
      expect(result.status).toBe(400);
      expect(result.data).toBeNull();
      expect(result.errors![0].extensions?.code).toBe('QUERY_TOO_LARGE');
      expect(result.errors![0].message).toMatch(/limit is 1000 tokens/);
    });
    console.log(`alias flood: refused in ${elapsed.toFixed(0)} ms, ${statements} SQL statements`);
    expect(statements).toBe(0);
    // The counter counts: a query that is let through sends SQL.
    expect(await t.countQueries(() => t.gql(MotifListDocument))).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(500);
  });

  it('leaves a normal query fast while 16 floods arrive in parallel', async () => {
    const floods = Array.from({ length: 16 }, () => timed(() => t.rawGql(FLOOD, { s: 'batik' })));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const normal = await timed(() => t.gql(MotifListDocument));
    const health = await timed(() => fetch(`${t.url}/health`));
    const refused = await Promise.all(floods);
    console.log(
      `16 parallel floods: slowest refused in ${Math.max(...refused.map((f) => f.ms)).toFixed(0)} ms; ` +
        `{ motifs { id } } meanwhile ${normal.ms.toFixed(0)} ms, /health ${health.ms.toFixed(0)} ms`,
    );
    expect(normal.result.errors).toBeUndefined();
    expect(normal.ms).toBeLessThan(500);
    expect(health.result.status).toBe(200);
    expect(health.ms).toBeLessThan(500);
    for (const flood of refused) {
      expect(flood.result.errors![0].extensions?.code).toBe('QUERY_TOO_LARGE');
      expect(flood.ms).toBeLessThan(1000);
    }
  });

  it('still answers the storefront catalog page at its largest: 100 cards of a relevance search', async () => {
    // The web's own operation, read from its .graphql file: raw here, typed in the web.
    const response = await t.rawGql(print(storefrontOperations().get('CatalogProducts')!), { first: 100, filter: { search: 'batik parang' }, sort: 'RELEVANCE' });
    expect(response.errors).toBeUndefined();
    expect(response.data!.products.totalCount).toBe(30);
    expect(response.data!.products.edges).toHaveLength(30);
  });
});
