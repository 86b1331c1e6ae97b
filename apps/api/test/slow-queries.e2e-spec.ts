import { createKampung, createProduct, createSeller } from './factories.js';
import { createTestApp, type TestApp } from './harness/test-app.js';

/**
 * A catalogue of some 10,000 products, so that a relevance search takes a few hundred milliseconds
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
     FROM products, generate_series(1, 200) g`,
  );
  await t.dataSource.query('ANALYZE products');
}

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
    console.log(`a search over 10,050 products with a 100 ms statement timeout: answered in ${ms.toFixed(0)} ms`);
    expect(response.status).toBeLessThan(500);
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['QUERY_TIMEOUT']);
    expect(response.errors![0].message).toMatch(/\(The query took too long and was stopped/);
    expect(JSON.stringify(response)).not.toMatch(/stack|QueryFailedError|SELECT|canceling/i);
    // Quick statements are not affected.
    expect((await t.gql(`{ motifs { id } }`)).errors).toBeUndefined();
  });
});
