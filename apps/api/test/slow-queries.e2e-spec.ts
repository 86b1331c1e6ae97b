import { createKampung, createProduct, createSeller } from './factories.js';
import { createTestApp, type TestApp } from './harness/test-app.js';

/**
 * A catalogue of some 20,000 products, so that a relevance search takes a few hundred milliseconds
 * in PostgreSQL: 50 made through the services, then copied in bulk (the search trigger fills each copy).
 */
async function seedLargeCatalogue(t: TestApp): Promise<void> {
  const kampung = await createKampung(t);
  for (let s = 0; s < 5; s++) {
    const seller = await createSeller(t, kampung);
    for (let p = 0; p < 10; p++) {
      await createProduct(t, seller, { title: `Kain Batik Tulis Parang ${s}-${p}`, description: 'Kain batik tulis buatan tangan ibu-ibu Kampung KB Balikpapan, pewarna alami. '.repeat(3) });
    }
  }
  await t.dataSource.query(
    `INSERT INTO products (seller_id, slug, title, description, category, technique, motif_id, material, dye, size, weight_grams, price_idr, stock, status)
     SELECT seller_id, slug || '-' || g, title || ' ' || g, description, category, technique, motif_id, material, dye, size, weight_grams, price_idr, stock, status
     FROM products, generate_series(1, 400) g`,
  );
  await t.dataSource.query('ANALYZE products');
}

// Seven relevance searches with their counts: as much as one request may ask (7 × 701 points of 5000).
const SEARCHES = `{ ${Array.from({ length: 7 }, (_, i) => `a${i}: products(first: 1, filter: { search: "batik parang" }, sort: RELEVANCE) { totalCount }`).join(' ')} }`;

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (!(await condition())) {
    if (performance.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return performance.now() - started;
}

describe('work for a client that has hung up', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedLargeCatalogue(t);
  });
  afterAll(() => t.close());

  /** Product searches running in PostgreSQL now, other than this look itself. */
  const runningSearches = async () => {
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND state = 'active' AND query LIKE '%search_vector%' AND pid <> pg_backend_pid()`,
    );
    return n as number;
  };

  it('is stopped in PostgreSQL within moments, and nothing more starts', async () => {
    const waited = performance.now();
    const answered = await t.gql(SEARCHES);
    const fullMs = performance.now() - waited;
    expect(answered.errors).toBeUndefined();
    expect(answered.data!.a6.totalCount).toBe(20_050);

    const client = new AbortController();
    const request = fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: SEARCHES }), signal: client.signal }).catch(
      (error: Error) => error.name,
    );
    await until(async () => (await runningSearches()) > 0, 5000);
    client.abort();
    expect(await request).toBe('AbortError');
    const stoppedMs = await until(async () => (await runningSearches()) === 0, 5000);
    console.log(`7 searches: ${fullMs.toFixed(0)} ms when the client waits; after it hung up, nothing ran in PostgreSQL ${stoppedMs.toFixed(0)} ms later`);
    expect(fullMs).toBeGreaterThan(800);
    expect(stoppedMs).toBeLessThan(Math.min(300, fullMs / 3));
    // For as long as the whole request took when its client waited, no statement of it starts again.
    const quietUntil = performance.now() + fullMs;
    while (performance.now() < quietUntil) {
      expect(await runningSearches()).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    // The API is in order afterwards: its pool was not left with cancelled connections.
    expect((await t.gql(`{ products(first: 1, filter: { search: "parang" }) { totalCount } }`)).data!.products.totalCount).toBe(20_050);
  });


  it("never stops another request's statement: abandoned reads in their last moments leave the next requests alone", async () => {
    // Quick listings abandoned at random moments, many just as their statements end; then ordinary requests on the same pool.
    const listing = JSON.stringify({ query: '{ products(first: 20) { totalCount edges { node { id seller { displayName } primaryPhoto { id } } } } }' });
    const abandoned = Array.from({ length: 40 }, async (_, i) => {
      const client = new AbortController();
      setTimeout(() => client.abort(), 5 + (i % 20) * 3);
      await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: listing, signal: client.signal }).then((r) => r.text()).catch(() => undefined);
    });
    await Promise.all(abandoned);
    const failures: string[] = [];
    for (let i = 0; i < 60; i++) {
      const response = await t.gql(`{ products(first: 5, sort: PRICE_ASC) { totalCount } motifs { id } }`);
      if (response.errors) failures.push(response.errors.map((error) => error.extensions?.code).join(','));
    }
    expect(failures).toEqual([]);
  });
});

describe('a statement that runs longer than DB_STATEMENT_TIMEOUT_MS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ DB_STATEMENT_TIMEOUT_MS: '100' });
    await seedLargeCatalogue(t);
  });
  afterAll(() => t.close());

  it('is stopped by PostgreSQL and answered as QUERY_TIMEOUT, without SQL or a stack trace', async () => {
    const started = performance.now();
    const response = await t.gql(`{ products(first: 100, filter: { search: "batik parang" }, sort: RELEVANCE) { totalCount edges { node { id } } } }`);
    const ms = performance.now() - started;
    console.log(`a search over 20,050 products with a 100 ms statement timeout: answered in ${ms.toFixed(0)} ms`);
    expect(response.status).toBeLessThan(500);
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['QUERY_TIMEOUT']);
    expect(response.errors![0].message).toMatch(/\(The query took too long and was stopped/);
    expect(JSON.stringify(response)).not.toMatch(/stack|QueryFailedError|SELECT|canceling/i);
    // Quick statements are not affected.
    expect((await t.gql(`{ motifs { id } }`)).errors).toBeUndefined();
  });
});
