import { createKampung, createMotif, createProduct, createSeller } from './factories.js';
import { createTestApp, type TestApp } from './harness/test-app.js';

/**
 * What the storefront reads ready-made, kept by triggers: products.on_sale, catalog_counts and the
 * search lexicon. Whatever changes a product or a seller, they must agree with a count from scratch.
 */
describe('catalogue triggers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOG_SQL: 'false' });
  });
  afterAll(() => t.close());

  const truth = () =>
    t.dataSource.query(`SELECT p.seller_id, p.category::text, coalesce(p.technique::text, '') AS technique, count(*)::int AS products
      FROM products p JOIN sellers s ON s.id = p.seller_id WHERE p.status = 'ACTIVE' AND s.status = 'VERIFIED'
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
  const kept = () => t.dataSource.query(`SELECT seller_id, category::text, technique, products FROM catalog_counts WHERE products <> 0 ORDER BY 1, 2, 3`);
  const onSaleWrong = async () =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM products p JOIN sellers s ON s.id = p.seller_id
      WHERE p.on_sale IS DISTINCT FROM (p.status = 'ACTIVE' AND s.status = 'VERIFIED')`))[0].n;

  it('keeps on_sale and the counts equal to a recount through 300 random changes to products and sellers', async () => {
    const kampung = await createKampung(t);
    const sellers = [await createSeller(t, kampung), await createSeller(t, kampung), await createSeller(t, kampung)];
    const products: string[] = [];
    for (let i = 0; i < 12; i++) products.push((await createProduct(t, sellers[i % 3], { slug: `hitung-${i}` })).id);

    let seed = 20261201;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const changes = [
      (id: string) => t.dataSource.query(`UPDATE products SET status = $2 WHERE id = $1`, [id, ['ACTIVE', 'DRAFT', 'ARCHIVED'][random(3)]]),
      (id: string) => t.dataSource.query(`UPDATE products SET category = $2 WHERE id = $1`, [id, ['KAIN_BATIK', 'TAS', 'SELENDANG'][random(3)]]),
      (id: string) => t.dataSource.query(`UPDATE products SET technique = $2 WHERE id = $1`, [id, [null, 'TULIS', 'CAP'][random(3)]]),
      (id: string) => t.dataSource.query(`UPDATE products SET seller_id = $2 WHERE id = $1`, [id, sellers[random(3)].id]),
      (id: string) => t.dataSource.query(`UPDATE products SET stock = stock + 1 WHERE id = $1`, [id]),
      () => t.dataSource.query(`UPDATE sellers SET status = $2 WHERE id = $1`, [sellers[random(3)].id, ['VERIFIED', 'PENDING', 'REJECTED'][random(3)]]),
      async (id: string) => {
        await t.dataSource.query(`DELETE FROM products WHERE id = $1`, [id]);
        products[products.indexOf(id)] = (await createProduct(t, sellers[random(3)], { slug: `hitung-baru-${random(1e9)}` })).id;
      },
    ];
    for (let step = 0; step < 300; step++) {
      await changes[random(changes.length)](products[random(products.length)]);
      expect({ step, wrongOnSale: await onSaleWrong() }).toEqual({ step, wrongOnSale: 0 });
      expect({ step, counts: await kept() }).toEqual({ step, counts: await truth() });
    }
    expect((await truth()).length).toBeGreaterThan(0);
  });

  it('learns the words of what is listed, and corrects a misspelt search to them', async () => {
    const kampung = await createKampung(t, { name: 'Kampung KB Margomulyo' });
    const seller = await createSeller(t, kampung);
    const bakau = await createMotif(t, { name: 'Akar Bakau', story: 'Akar bakau dari hutan mangrove Balikpapan.' });
    await createProduct(t, seller, { slug: 'kain-bakau', title: 'Kain Batik Tulis Akar Bakau', motifId: bakau.id });
    await createProduct(t, seller, { slug: 'tas-purun', title: 'Tas Anyaman Purun', technique: null, category: 'TAS' as never });

    const [{ suggestion, query }] = await t.dataSource.query(`SELECT catalog_search_suggestion('batk tuls') AS suggestion, catalog_search_query('batk tuls')::text AS query`);
    expect(suggestion).toBe('batik tulis');
    const found = async (search: string) =>
      (await t.dataSource.query(`SELECT slug FROM products WHERE on_sale AND search_vector @@ catalog_search_query($1) ORDER BY slug`, [search])).map((row: { slug: string }) => row.slug);
    expect(query).toContain("'batik'");
    expect(await found('batk tuls')).toEqual(['kain-bakau']);
    // Only the motif's story says "mangrove": the document carries it, and the typo is forgiven.
    expect(await found('mangrov')).toEqual(['kain-bakau']);
    expect(await found('mangrove')).toEqual(['kain-bakau']);
    expect(await found('anyaman')).toEqual(['tas-purun']);
    expect(await found('purun mangrove')).toEqual([]);
    // What is typed never reaches tsquery syntax.
    expect(await found(`purun' | ! & :* (`)).toEqual(['tas-purun']);
    const [{ none }] = await t.dataSource.query(`SELECT catalog_search_query('!!! ...') IS NULL AS none`);
    expect(none).toBe(true);
  });

  it('rebuilds the search document only when searchable text changes', async () => {
    const kampung = await createKampung(t);
    const seller = await createSeller(t, kampung);
    const product = await createProduct(t, seller, { slug: 'kain-stok' });
    const vector = async () => (await t.dataSource.query(`SELECT search_vector::text AS v FROM products WHERE id = $1`, [product.id]))[0].v as string;
    const before = await vector();
    await t.dataSource.query(`UPDATE products SET title = 'Kain Batik Cap Kawung Biru' WHERE id = $1`, [product.id]);
    const renamed = await vector();
    expect(renamed).not.toBe(before);
    expect(renamed).toContain("'kawung'");
    // A stock change (every checkout) does not recompute the document: with the seller renamed behind the
    // triggers' back, a recomputation would pick her new name up.
    await t.dataSource.query(`ALTER TABLE sellers DISABLE TRIGGER sellers_search_touch`);
    try {
      await t.dataSource.query(`UPDATE sellers SET display_name = 'Ibu Namabaru' WHERE id = $1`, [seller.id]);
      await t.dataSource.query(`UPDATE products SET stock = stock - 1 WHERE id = $1`, [product.id]);
      expect(await vector()).toBe(renamed);
      await t.dataSource.query(`UPDATE products SET description = description || ' Baru.' WHERE id = $1`, [product.id]);
      expect(await vector()).toContain("'namabaru'");
    } finally {
      await t.dataSource.query(`ALTER TABLE sellers ENABLE TRIGGER sellers_search_touch`);
    }
  });
});
