import { BatikTechnique, DyeType, ProductCategory } from '../src/modules/catalog/models/catalog.enums.js';
import { createKampung, createMotif, createProduct, createSeller } from './factories.js';
import { CatalogSearchDocument, CatalogSellerCountDocument, type ProductSort } from './generated/graphql.js';
import { createTestApp, type TestApp } from './harness/test-app.js';

describe('product search', () => {
  let t: TestApp;

  const search = async (text: string, sort: ProductSort = 'RELEVANCE') => {
    const response = await t.gql(CatalogSearchDocument, { search: text, sort });
    expect(response.errors).toBeUndefined();
    return response.data!.products.edges.map((edge) => edge.node.slug);
  };

  beforeAll(async () => {
    t = await createTestApp();
    const lamaru = await createKampung(t, { name: 'Lamaru', slug: 'lamaru' });
    const karangJati = await createKampung(t, { name: 'Karang Jati', slug: 'karang-jati' });
    const nurhayati = await createSeller(t, lamaru, { displayName: 'Nurhayati Daeng', slug: 'nurhayati-daeng' });
    const yuliana = await createSeller(t, karangJati, { displayName: 'Yuliana Tandi', slug: 'yuliana-tandi' });
    const beruangMadu = await createMotif(t, { name: 'Beruang Madu', slug: 'beruang-madu', story: 'Maskot Kota Balikpapan.' });
    const kantongSemar = await createMotif(t, { name: 'Kantong Semar', slug: 'kantong-semar' });

    await createProduct(t, nurhayati, {
      slug: 'kain-beruang-madu',
      title: 'Kain Batik Tulis Beruang Madu Pewarna Alami',
      description: 'Dibatik dengan canting, diwarnai kulit kayu.',
      technique: BatikTechnique.TULIS,
      dye: DyeType.NATURAL,
      motifId: beruangMadu.id,
    });
    await createProduct(t, yuliana, {
      slug: 'selendang-kantong-semar',
      title: 'Selendang Sutra Kantong Semar',
      description: 'Motif tanaman kantong semar dari hutan Kalimantan.',
      category: ProductCategory.SELENDANG,
      motifId: kantongSemar.id,
    });
    await createProduct(t, yuliana, {
      slug: 'taplak-polos',
      title: 'Taplak Meja Batik Cap',
      description: 'Cocok dipadukan dengan kain beruang madu.',
      category: ProductCategory.TAPLAK,
    });
    await createProduct(t, nurhayati, {
      slug: 'tas-bungkus-kopi',
      title: 'Tas Anyaman Bungkus Kopi',
      description: 'Dianyam dari bungkus kopi bekas, kuat dan tahan air.',
      category: ProductCategory.TAS,
      technique: null,
      dye: null,
      material: 'Bungkus kopi bekas',
    });
  });

  afterAll(() => t.close());

  it('finds words in the title and description, ranking the title match first', async () => {
    const found = await search('beruang madu');
    expect(found[0]).toBe('kain-beruang-madu');
    expect(found).toContain('taplak-polos'); // mentions it in the description only
    expect(found).not.toContain('tas-bungkus-kopi');
  });

  it('understands Indonesian word forms (stemming)', async () => {
    // "anyaman" in the title, "dianyam" in the description: both stem to "anyam".
    expect(await search('menganyam')).toEqual(['tas-bungkus-kopi']);
  });

  it('finds by motif, seller and kampung names', async () => {
    expect(await search('kantong semar')).toEqual(['selendang-kantong-semar']);
    expect((await search('nurhayati')).sort()).toEqual(['kain-beruang-madu', 'tas-bungkus-kopi']);
    expect((await search('karang jati')).sort()).toEqual(['selendang-kantong-semar', 'taplak-polos']);
  });

  it('tolerates small typos', async () => {
    expect(await search('kantong semr')).toContain('selendang-kantong-semar');
    expect(await search('beruang madhu')).toContain('kain-beruang-madu');
    expect(await search('bungkus kopii')).toContain('tas-bungkus-kopi');
  });

  it('keeps the search text in step when a kampung is renamed', async () => {
    await t.dataSource.query(`UPDATE kampungs SET name = 'Karang Jati Baru' WHERE slug = 'karang-jati'`);
    expect((await search('jati baru')).sort()).toEqual(['selendang-kantong-semar', 'taplak-polos']);
  });

  it('pages through relevance-ranked results with cursors', async () => {
    const all = await search('batik', 'RELEVANCE');
    expect(all.length).toBeGreaterThanOrEqual(2);
    const first = await t.gql(CatalogSearchDocument, { search: 'batik', sort: 'RELEVANCE', first: 1 });
    const second = await t.gql(CatalogSearchDocument, { search: 'batik', sort: 'RELEVANCE', first: 1, after: first.data!.products.pageInfo.endCursor });
    expect([first.data!.products.edges[0].node.slug, second.data!.products.edges[0].node.slug]).toEqual(all.slice(0, 2));
  });

  it('finds nothing for words that are not there', async () => {
    expect(await search('sepatu kulit')).toEqual([]);
  });

  it('forgives typos of whole phrases and says what it understood: "batk tuls", "mangrov"', async () => {
    const kampung = await createKampung(t, { name: 'Margomulyo' });
    const seller = await createSeller(t, kampung);
    const akarBakau = await createMotif(t, { name: 'Akar Bakau', story: 'Akar bakau dari hutan mangrove di pesisir Balikpapan.' });
    await createProduct(t, seller, { slug: 'kain-tulis-akar-bakau', title: 'Kain Batik Tulis Akar Bakau', technique: BatikTechnique.TULIS, motifId: akarBakau.id });
    const ask = async (text: string) => (await t.gql(CatalogSearchDocument, { search: text, sort: 'RELEVANCE' })).data!.products;

    const typo = await ask('batk tuls');
    expect(typo.edges.map((edge) => edge.node.slug)).toContain('kain-tulis-akar-bakau');
    expect(typo.searchSuggestion).toBe('batik tulis');
    // Only the motif's story names the mangrove.
    const mangrove = await ask('mangrov');
    expect(mangrove.edges.map((edge) => edge.node.slug)).toEqual(['kain-tulis-akar-bakau']);
    expect(mangrove.searchSuggestion).toBe('mangrove');
    expect((await ask('kain tulis')).searchSuggestion).toBeNull();
    expect(await ask('!!! ???')).toMatchObject({ searchSuggestion: null, totalCount: 0, totalCountExact: true, edges: [] });
  });

  it('counts a search that matches more than a thousand as "1.000+" and still ranks and pages it', async () => {
    const kampung = await createKampung(t);
    const seller = await createSeller(t, kampung);
    await createProduct(t, seller, { slug: 'sasirangan-asal', title: 'Kain Sasirangan Jumputan', description: 'Kain sasirangan celup ikat.' });
    await t.dataSource.query(`INSERT INTO products (seller_id, slug, title, description, category, technique, motif_id, material, dye, size, weight_grams, price_idr, stock, status, created_at)
      SELECT seller_id, slug || '-' || g, title || ' ' || g, description, category, technique, motif_id, material, dye, size, weight_grams, price_idr, stock, status, created_at - g * interval '1 minute'
      FROM products, generate_series(1, 1100) g WHERE slug = 'sasirangan-asal'`);
    const page = async (after?: string | null) => (await t.gql(CatalogSearchDocument, { search: 'sasirangan', sort: 'RELEVANCE', first: 50, after })).data!.products;
    const first = await page();
    expect({ totalCount: first.totalCount, exact: first.totalCountExact, size: first.edges.length }).toEqual({ totalCount: 1000, exact: false, size: 50 });
    const second = await page(first.pageInfo.endCursor);
    const seen = new Set([...first.edges, ...second.edges].map((edge) => edge.node.slug));
    expect(seen.size).toBe(100);
    // Without a search the kept counts answer exactly, however many there are.
    const all = (await t.gql(CatalogSellerCountDocument, { sellerId: seller.id })).data!.products;
    expect(all).toEqual({ totalCount: 1101, totalCountExact: true });
  });

  it('ranks only the newest thousand of more matches, whether they are the newest products or far behind newer ones', async () => {
    const kampung = await createKampung(t);
    const seller = await createSeller(t, kampung);
    await createProduct(t, seller, { slug: 'doyo-asal', title: 'Kain Ulap Doyo', description: 'Tenun serat daun doyo dari Kutai.' });
    // 1,100 matches a minute apart; the 5th newest and the oldest say "doyo" the most.
    await t.dataSource.query(`INSERT INTO products (seller_id, slug, title, description, category, technique, motif_id, material, dye, size, weight_grams, price_idr, stock, status, created_at)
      SELECT seller_id, slug || '-' || g, CASE WHEN g IN (5, 1100) THEN 'Doyo Doyo Doyo ' || g ELSE title || ' ' || g END, description, category, technique, motif_id, material, dye, size, weight_grams, price_idr, stock, status,
        created_at - g * interval '1 minute'
      FROM products, generate_series(1, 1100) g WHERE slug = 'doyo-asal'`);
    const firstPage = async () => (await t.gql(CatalogSearchDocument, { search: 'doyo', sort: 'RELEVANCE', first: 5 })).data!.products;
    const walkingTheNewest = await firstPage();
    expect(walkingTheNewest.edges[0].node.slug).toBe('doyo-asal-5');
    expect(walkingTheNewest.edges.map((edge) => edge.node.slug)).not.toContain('doyo-asal-1100');
    // 600 newer products that do not match: the matches are now a few percent behind them.
    await createProduct(t, seller, { slug: 'purun-baru', title: 'Tas Anyaman Purun', description: 'Tas anyaman purun dari rawa.' });
    await t.dataSource.query(`INSERT INTO products (seller_id, slug, title, description, category, technique, motif_id, material, dye, size, weight_grams, price_idr, stock, status, created_at)
      SELECT seller_id, slug || '-' || g, title || ' ' || g, description, category, technique, motif_id, material, dye, size, weight_grams, price_idr, stock, status, now() + g * interval '1 second'
      FROM products, generate_series(1, 600) g WHERE slug = 'purun-baru'`);
    const fromTheIndex = await firstPage();
    expect(fromTheIndex.edges.map((edge) => edge.node.slug)).toEqual(walkingTheNewest.edges.map((edge) => edge.node.slug));
    expect({ totalCount: fromTheIndex.totalCount, exact: fromTheIndex.totalCountExact }).toEqual({ totalCount: 1000, exact: false });
  });
});
