import { BatikTechnique, ProductCategory, ProductStatus } from '../src/modules/catalog/models/catalog.enums.js';
import type { Kampung } from '../src/modules/kampung/models/kampung.model.js';
import type { Seller } from '../src/modules/sellers/models/seller.model.js';
import { createKampung, createPhoto, createProduct, createSeller } from './factories.js';
import { CatalogPageDocument, CatalogProductsDocument, type CatalogProductsQuery, type CatalogProductsQueryVariables } from './generated/graphql.js';
import { createTestApp, type TestApp } from './harness/test-app.js';

type ProductsData = CatalogProductsQuery;

describe('products listing', () => {
  let t: TestApp;
  let teritip: Kampung;
  let manggar: Kampung;
  let siti: Seller;
  let wati: Seller;
  let rina: Seller;

  const list = async (variables: CatalogProductsQueryVariables) => {
    const response = await t.gql(CatalogProductsDocument, variables);
    expect(response.errors).toBeUndefined();
    return response.data!.products;
  };
  const slugs = (connection: ProductsData['products']) => connection.edges.map((edge) => edge.node.slug);

  beforeAll(async () => {
    t = await createTestApp();
    teritip = await createKampung(t, { name: 'Teritip', slug: 'teritip' });
    manggar = await createKampung(t, { name: 'Manggar', slug: 'manggar' });
    siti = await createSeller(t, teritip, { displayName: 'Siti Aminah', slug: 'siti-aminah' });
    wati = await createSeller(t, teritip, { displayName: 'Wati Handayani', slug: 'wati-handayani' });
    rina = await createSeller(t, manggar, { displayName: 'Rina Lestari', slug: 'rina-lestari' });

    const base = new Date('2026-06-01T00:00:00Z').getTime();
    const at = (day: number) => new Date(base + day * 86_400_000);
    await createProduct(t, siti, { slug: 'tulis-mangrove', priceIdr: 1_250_000n, technique: BatikTechnique.TULIS, createdAt: at(1) });
    await createProduct(t, siti, { slug: 'cap-kawung', priceIdr: 300_000n, technique: BatikTechnique.CAP, createdAt: at(2) });
    await createProduct(t, wati, { slug: 'printing-ulin', priceIdr: 120_000n, technique: BatikTechnique.PRINTING, createdAt: at(3) });
    await createProduct(t, wati, { slug: 'selendang-anggrek', priceIdr: 250_000n, category: ProductCategory.SELENDANG, technique: BatikTechnique.CAP, createdAt: at(4) });
    await createProduct(t, rina, { slug: 'tote-goni', priceIdr: 55_000n, category: ProductCategory.TAS, technique: null, dye: null, createdAt: at(5) });
    await createProduct(t, rina, { slug: 'tas-bungkus-kopi', priceIdr: 95_000n, category: ProductCategory.TAS, technique: null, dye: null, createdAt: at(6) });
    // Same price and same instant as another row: the id breaks the tie so pages never skip or repeat.
    await createProduct(t, rina, { slug: 'taplak-a', priceIdr: 250_000n, category: ProductCategory.TAPLAK, createdAt: at(7) });
    await createProduct(t, rina, { slug: 'taplak-b', priceIdr: 250_000n, category: ProductCategory.TAPLAK, createdAt: at(7) });
    await createProduct(t, siti, { slug: 'draft-hidden', status: ProductStatus.DRAFT, createdAt: at(8) });
    await createProduct(t, siti, { slug: 'archived-hidden', status: ProductStatus.ARCHIVED, createdAt: at(9) });
  });

  afterAll(() => t.close());

  it('lists only ACTIVE products, newest first, with the total', async () => {
    const page = await list({});
    expect(page.totalCount).toBe(8);
    expect(slugs(page).slice(0, 2).sort()).toEqual(['taplak-a', 'taplak-b']);
    expect(slugs(page).slice(2)).toEqual(['tas-bungkus-kopi', 'tote-goni', 'selendang-anggrek', 'printing-ulin', 'cap-kawung', 'tulis-mangrove']);
    expect(slugs(page)).not.toContain('draft-hidden');
    expect(slugs(page)).not.toContain('archived-hidden');
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it.each(['NEWEST', 'PRICE_ASC', 'PRICE_DESC'] as const)('walks every page of %s with cursors, each product once', async (sort) => {
    const all = slugs(await list({ sort, first: 100 }));
    const walked: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: ProductsData['products'] = await list({ sort, first: 3, after });
      walked.push(...slugs(page));
      pages++;
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(page.totalCount).toBe(8);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(walked).toEqual(all);
    expect(new Set(walked).size).toBe(8);
  });

  it('sorts by price both ways', async () => {
    const ascending = (await list({ sort: 'PRICE_ASC' })).edges.map((edge) => BigInt(edge.node.priceIdr));
    expect(ascending).toEqual([...ascending].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(ascending[0]).toBe(55_000n);
    const descending = (await list({ sort: 'PRICE_DESC' })).edges.map((edge) => BigInt(edge.node.priceIdr));
    expect(descending).toEqual([...ascending].reverse());
  });

  it('filters by category, technique, seller, kampung and price range', async () => {
    expect(slugs(await list({ filter: { category: 'TAS' } })).sort()).toEqual(['tas-bungkus-kopi', 'tote-goni']);
    expect(slugs(await list({ filter: { technique: 'CAP' } })).sort()).toEqual(['cap-kawung', 'selendang-anggrek', 'taplak-a', 'taplak-b']);
    expect(slugs(await list({ filter: { sellerId: wati.id } })).sort()).toEqual(['printing-ulin', 'selendang-anggrek']);
    expect(slugs(await list({ filter: { kampungId: teritip.id } })).sort()).toEqual(['cap-kawung', 'printing-ulin', 'selendang-anggrek', 'tulis-mangrove']);
    const mid = await list({ filter: { minPriceIdr: '100000', maxPriceIdr: '300000' }, sort: 'PRICE_ASC' });
    expect(slugs(mid)).toEqual(['printing-ulin', ...slugs(mid).slice(1, 4), 'cap-kawung']);
    expect(mid.totalCount).toBe(5);
    expect(slugs(await list({ filter: { kampungId: manggar.id, category: 'TAS', maxPriceIdr: '60000' } }))).toEqual(['tote-goni']);
  });

  it('answers an empty page, not an error, when nothing matches', async () => {
    const empty = await list({ filter: { minPriceIdr: '99000000' } });
    expect(empty).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
  });

  it('defaults to 20 per page', async () => {
    const extra = await createSeller(t, manggar);
    for (let i = 0; i < 15; i++) await createProduct(t, extra, { slug: `bulk-${i}` });
    const page = await list({});
    expect(page.edges).toHaveLength(20);
    expect(page.totalCount).toBe(23);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it('loads a page of products with seller, kampung and photos in a fixed number of SQL queries', async () => {
    const withPhotos = await createSeller(t, teritip);
    for (let i = 0; i < 3; i++) {
      const product = await createProduct(t, withPhotos, { slug: `photo-${i}` });
      await createPhoto(t, product, { width: 400, height: 300 });
    }
    const run = (first: number) => t.countQueries(async () => {
      const response = await t.gql(CatalogPageDocument, { first });
      expect(response.errors).toBeUndefined();
      expect(response.data!.products.edges).toHaveLength(first);
    });
    const forTwo = await run(2);
    const forTwenty = await run(20);
    expect(forTwo).toBeGreaterThan(0);
    expect(forTwenty).toBe(forTwo);
    expect(forTwenty).toBeLessThanOrEqual(12);
  });
});
