import { randomUUID } from 'node:crypto';
import { RequestContext } from '../src/common/context/request-context.js';
import { CatalogService } from '../src/modules/catalog/catalog.service.js';
import type { Kampung } from '../src/modules/kampung/models/kampung.model.js';
import type { Seller } from '../src/modules/sellers/models/seller.model.js';
import { createKampung, createProduct, createSellerAccount, signIn, type SignedIn } from './factories.js';
import { ManagedProductDocument, RecordProductViewDocument } from './generated/graphql.js';
import { createTestApp, type TestApp } from './harness/test-app.js';

describe('product page views', () => {
  let t: TestApp;
  let kampung: Kampung;
  let siti: { seller: Seller; login: SignedIn };

  beforeAll(async () => {
    t = await createTestApp();
    kampung = await createKampung(t);
    siti = await createSellerAccount(t, kampung, 'Siti');
  });
  afterAll(() => t.close());

  /** What the seller's dashboard shows: views of the last 30 days. */
  const viewCount = async (id: string): Promise<number> =>
    (await t.gql(ManagedProductDocument, { id }, { token: siti.login.token })).data!.managedProduct.viewCount!;

  /** `count` calls, 50 at a time (the storefront's pages arrive in parallel too). */
  async function call(count: number, one: (i: number) => Promise<{ data: unknown; errors?: unknown }>): Promise<void> {
    for (let start = 0; start < count; start += 50) {
      const results = await Promise.all(Array.from({ length: Math.min(50, count - start) }, (_, i) => one(start + i)));
      expect(results.filter((r) => r.errors)).toEqual([]);
    }
  }

  it('counts 300 anonymous calls from one address and browser (no visitor id) as one view', async () => {
    const product = await createProduct(t, siti.seller);
    await call(300, () => t.gql(RecordProductViewDocument, { slug: product.slug }, { ip: '203.0.113.10' }));
    expect(await viewCount(product.id)).toBe(1);
  });

  it('counts 300 calls of one visitor as one view, and three visitors as three', async () => {
    const once = await createProduct(t, siti.seller);
    await call(300, () => t.gql(RecordProductViewDocument, { slug: once.slug, visitorId: 'tamu-satu' }, { ip: '203.0.113.11' }));
    expect(await viewCount(once.id)).toBe(1);

    const three = await createProduct(t, siti.seller);
    await call(300, (i) => t.gql(RecordProductViewDocument, { slug: three.slug, visitorId: `tamu-${i % 3}` }, { ip: '203.0.113.12' }));
    expect(await viewCount(three.id)).toBe(3);
  });

  it('counts a visitor on a new network once, and a signed-in buyer once whatever her cookie', async () => {
    const product = await createProduct(t, siti.seller);
    await call(4, (i) => t.gql(RecordProductViewDocument, { slug: product.slug, visitorId: 'tamu-pindah' }, { ip: `203.0.113.${20 + i}` }));
    expect(await viewCount(product.id)).toBe(1);

    const buyer = await signIn(t);
    await call(4, (i) => t.gql(RecordProductViewDocument, { slug: product.slug, visitorId: `kuki-${i}` }, { token: buyer.token, ip: `198.51.100.${i}` }));
    expect(await viewCount(product.id)).toBe(2);
  });

  it('does not let one address make up visitors: 300 fresh visitor ids from one address (or IPv6 /64) count 20', async () => {
    const product = await createProduct(t, siti.seller);
    await call(300, () => t.gql(RecordProductViewDocument, { slug: product.slug, visitorId: randomUUID() }, { ip: '203.0.113.30' }));
    expect(await viewCount(product.id)).toBe(20);
    // Another address still brings its own visitors.
    await call(2, () => t.gql(RecordProductViewDocument, { slug: product.slug, visitorId: randomUUID() }, { ip: '203.0.113.31' }));
    expect(await viewCount(product.id)).toBe(22);
    // An IPv6 home or phone has a whole /64 to pick addresses from: it is one address here.
    await call(100, (i) => t.gql(RecordProductViewDocument, { slug: product.slug, visitorId: randomUUID() }, { ip: `2001:db8:7:7::${(i + 1).toString(16)}` }));
    expect(await viewCount(product.id)).toBe(42);
  });

  it('counts the same visitor again the next day (WITA), and keeps no visitor, address or salt of the days before', async () => {
    const product = await createProduct(t, siti.seller);
    const address = '203.0.113.40';
    // The fixed days are long past, so clearing the days before them leaves today's counting alone.
    const viewAt = (iso: string) => t.get(CatalogService).recordProductView(RequestContext.forRequest('test', null), product.slug, { visitorId: 'tamu-besok', address, userAgent: 'Uji' }, new Date(iso));
    const stored = async () => ({
      days: await t.dataSource.query('SELECT day::text, views FROM product_view_days WHERE product_id = $1 ORDER BY day', [product.id]),
      visitorDays: (await t.dataSource.query('SELECT day::text FROM product_view_visitors WHERE product_id = $1', [product.id])).map((row: { day: string }) => row.day),
      saltDays: (await t.dataSource.query(`SELECT day::text FROM product_view_salts WHERE day < '2021-01-01'`)).map((row: { day: string }) => row.day),
    });

    for (const at of ['2020-03-01T00:00:00Z', '2020-03-01T09:00:00Z', '2020-03-01T15:59:59Z']) expect(await viewAt(at)).toBe(true); // 08:00–23:59 WITA
    expect(await stored()).toEqual({ days: [{ day: '2020-03-01', views: 1 }], visitorDays: ['2020-03-01'], saltDays: ['2020-03-01'] });

    for (const at of ['2020-03-01T16:00:00Z', '2020-03-02T10:00:00Z']) expect(await viewAt(at)).toBe(true); // 2 March from 00:00 WITA
    expect(await stored()).toEqual({ days: [{ day: '2020-03-01', views: 1 }, { day: '2020-03-02', views: 1 }], visitorDays: ['2020-03-02'], saltDays: ['2020-03-02'] });

    // Hashes only: neither the visitor id nor the address is in what is kept.
    const kept = await t.dataSource.query(`SELECT v::text AS row FROM product_view_visitors v WHERE product_id = $1 UNION ALL SELECT a::text FROM product_view_addresses a WHERE product_id = $1`, [product.id]);
    expect(kept).toHaveLength(2);
    for (const { row } of kept) expect(row).not.toMatch(/tamu-besok|203\.0\.113\.40|74616d752d6265736f6b|3230332e302e3131332e3430/);
  });

  it('answers BAD_USER_INPUT for an oversized visitor id, and false for a product not on sale', async () => {
    const product = await createProduct(t, siti.seller);
    expect((await t.gql(RecordProductViewDocument, { slug: product.slug, visitorId: 'x'.repeat(200) })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'visitorId' });
    expect((await t.gql(RecordProductViewDocument, { slug: 'tidak-ada', visitorId: 'tamu' })).data).toEqual({ recordProductView: false });
    expect(await viewCount(product.id)).toBe(0);
  });
});
