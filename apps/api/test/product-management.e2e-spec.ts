import { Role } from '../src/modules/accounts/models/role.enum.js';
import type { Kampung } from '../src/modules/kampung/models/kampung.model.js';
import type { Seller } from '../src/modules/sellers/models/seller.model.js';
import { SellerStatus } from '../src/modules/sellers/models/seller-status.enum.js';
import { createKampung, createMotif, createPhoto, createProduct, createSeller, createSellerAccount, signIn, type SignedIn } from './factories.js';
import {
  ManagedProductDocument,
  ManagedSellerDocument,
  PmArchiveDocument,
  PmCreateDocument,
  PmKampungProductsDocument,
  PmSellerProductsDocument,
  PmStockDocument,
  PmUpdateDocument,
  ProductBySlugDocument,
  ProductViewCountDocument,
  RecordProductViewDocument,
  SellerActivityDocument,
  type CreateProductInput,
} from './generated/graphql.js';
import { expectResult } from './harness/results.js';
import { createTestApp, type TestApp } from './harness/test-app.js';

const valid: CreateProductInput = {
  title: 'Kain Batik Tulis Akar Bakau',
  description: 'Kain katun primisima 2 meter, dibatik tulis dengan motif akar bakau.',
  category: 'KAIN_BATIK',
  technique: 'TULIS',
  material: 'Katun primisima',
  dye: 'NATURAL',
  size: '200 × 115 cm',
  weightGrams: 320,
  priceIdr: '850000',
  stock: 3,
  hoursOfWork: 40,
  madeOn: '2026-10-01',
};

describe('product management', () => {
  let t: TestApp;
  let teritip: Kampung;
  let manggar: Kampung;
  let siti: { seller: Seller; login: SignedIn };
  let rina: { seller: Seller; login: SignedIn };
  let pendampingTeritip: SignedIn;
  let pendampingManggar: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    teritip = await createKampung(t, { name: 'Teritip', slug: 'teritip' });
    manggar = await createKampung(t, { name: 'Manggar', slug: 'manggar' });
    siti = await createSellerAccount(t, teritip, 'Siti');
    rina = await createSellerAccount(t, manggar, 'Rina');
    pendampingTeritip = await signIn(t, { roles: [Role.PENDAMPING], displayName: 'Bu Nining', pendampingOf: [teritip] });
    pendampingManggar = await signIn(t, { roles: [Role.PENDAMPING], displayName: 'Bu Ani', pendampingOf: [manggar] });
  });
  afterAll(() => t.close());

  const productRow = async (id: string) => (await t.dataSource.query('SELECT title, price_idr, stock, status FROM products WHERE id = $1', [id]))[0];
  /** Lists a product through the API and answers it (the test fails on any other answer). */
  const create = async (input: CreateProductInput, token: string) => expectResult((await t.gql(PmCreateDocument, { input }, { token })).data?.createProduct, 'Product');

  it('lets a seller list a product in her own shop, on sale at once with a unique slug', async () => {
    const motif = await createMotif(t, { name: 'Akar Bakau' });
    const first = await t.gql(PmCreateDocument, { input: { ...valid, motifId: motif.id } }, { token: siti.login.token });
    expect(first.errors).toBeUndefined();
    expect(first.data!.createProduct).toMatchObject({
      __typename: 'Product',
      slug: 'kain-batik-tulis-akar-bakau',
      status: 'ACTIVE',
      priceIdr: '850000',
      hoursOfWork: 40,
      madeOn: '2026-10-01',
      seller: { slug: siti.seller.slug },
      motif: { name: 'Akar Bakau' },
    });
    const second = await create(valid, siti.login.token);
    expect(second.slug).toBe('kain-batik-tulis-akar-bakau-2');
    expect((await t.gql(ProductBySlugDocument, { slug: 'kain-batik-tulis-akar-bakau' })).data!.product!.title).toBe(valid.title);
  });

  it.each([
    ['a price of zero', { priceIdr: '0' }, { field: 'input.priceIdr', problem: 'OUT_OF_RANGE', min: 1, max: 100_000_000 }],
    ['a price above Rp100.000.000', { priceIdr: '100000001' }, { field: 'input.priceIdr', problem: 'OUT_OF_RANGE' }],
    ['negative stock', { stock: -1 }, { field: 'input.stock', problem: 'OUT_OF_RANGE', min: 0, max: 10_000 }],
    ['no weight', { weightGrams: 0 }, { field: 'input.weightGrams', problem: 'OUT_OF_RANGE', min: 1, max: 50_000 }],
    ['a two-letter title', { title: 'Ka' }, { field: 'input.title', problem: 'TOO_SHORT', min: 3, max: 120 }],
    ['a 121-character title', { title: 'K'.repeat(121) }, { field: 'input.title', problem: 'TOO_LONG', min: 3, max: 120 }],
    ['no description', { description: null }, { field: 'input.description', problem: 'REQUIRED' }],
    ['an unknown motif', { motifId: '6f1c1f9e-4a57-4b8e-9d59-0f5e0b1c2d3e' }, { field: 'input.motifId', problem: 'UNKNOWN_OPTION' }],
    ['a date made in the future', { madeOn: '2099-01-01' }, { field: 'input.madeOn', problem: 'OUT_OF_RANGE' }],
    ['status ARCHIVED', { status: 'ARCHIVED' }, { field: 'input.status', problem: 'UNKNOWN_OPTION' }],
  ] as const)('answers %s with InvalidInputError naming the field, creating nothing', async (_name, overrides, expected) => {
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM products');
    const response = await t.gql(PmCreateDocument, { input: { ...valid, ...overrides } }, { token: siti.login.token });
    expect(response.errors).toBeUndefined();
    expect(response.data!.createProduct).toMatchObject({ __typename: 'InvalidInputError', errorCode: 'INVALID_INPUT', ...expected });
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM products')).toEqual(before);
  });

  it('rejects malformed input as BAD_USER_INPUT: an unknown enum value, a motif id that is no id, a day that does not exist', async () => {
    // Deliberately outside the schema's types: the API must refuse it, not the compiler.
    const response = await t.gql(PmCreateDocument, { input: { ...valid, category: 'SEPATU' as never } }, { token: siti.login.token });
    expect(response.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const notAnId = await t.gql(PmCreateDocument, { input: { ...valid, motifId: 'motif' } }, { token: siti.login.token });
    expect(notAnId.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.motifId' });
    // A day the calendar does not have (JavaScript would roll it over to March; PostgreSQL refused it as an internal error).
    const noSuchDay = await t.gql(PmCreateDocument, { input: { ...valid, madeOn: '2026-02-30' } }, { token: siti.login.token });
    expect(noSuchDay.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(noSuchDay.errors![0].message).toMatch(/2026-02-30/);
  });

  it('lets her pendamping list for her, openly: the seller sees "dibantu oleh" in her history', async () => {
    const listed = await create({ ...valid, title: 'Selendang Sutra Kantong Semar', sellerId: siti.seller.id }, pendampingTeritip.token);
    expect(listed.seller.slug).toBe(siti.seller.slug);
    const history = await t.gql(SellerActivityDocument, { first: 5 }, { token: siti.login.token });
    expect(history.data!.sellerActivity[0]).toMatchObject({ action: 'PRODUCT_CREATED', actorName: 'Bu Nining', onBehalf: true, subjectId: listed.id });
    expect(JSON.parse(history.data!.sellerActivity[0].after!)).toMatchObject({ title: 'Selendang Sutra Kantong Semar', priceIdr: '850000' });
  });

  it('keeps a pendamping to the sellers of her own kampung KB: NotYourSellerError, nothing created', async () => {
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM products');
    const response = await t.gql(PmCreateDocument, { input: { ...valid, sellerId: siti.seller.id } }, { token: pendampingManggar.token });
    expect(response.data!.createProduct).toMatchObject({ __typename: 'NotYourSellerError', errorCode: 'NOT_YOUR_SELLER', sellerId: siti.seller.id });
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM products')).toEqual(before);
  });

  it('does not let one seller touch another seller\'s product: FORBIDDEN (a seller never acts for another)', async () => {
    const { id } = await create({ ...valid, title: 'Taplak Meja Batik Cap' }, siti.login.token);
    const before = await productRow(id);
    const as = { token: rina.login.token };
    for (const response of [
      await t.gql(PmUpdateDocument, { id, input: { title: 'Diambil alih' } }, as),
      await t.gql(PmStockDocument, { id, stock: 0 }, as),
      await t.gql(PmArchiveDocument, { id }, as),
    ]) {
      expect(response.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    expect(await productRow(id)).toEqual(before);
  });

  it('edits, sets stock and archives; archived products leave the storefront but stay in her list', async () => {
    const { id } = await create({ ...valid, title: 'Kain Cap Beruang Madu' }, siti.login.token);
    expect((await t.gql(PmUpdateDocument, { id, input: { priceIdr: '900000', status: 'DRAFT' } }, { token: siti.login.token })).data!.updateProduct).toMatchObject({ __typename: 'Product', priceIdr: '900000', status: 'DRAFT', title: 'Kain Cap Beruang Madu' });
    expect((await t.gql(PmUpdateDocument, { id, input: { status: 'ACTIVE' } }, { token: pendampingTeritip.token })).data!.updateProduct).toMatchObject({ __typename: 'Product', status: 'ACTIVE' });
    expect((await t.gql(PmStockDocument, { id, stock: 7 }, { token: pendampingTeritip.token })).data!.setProductStock).toEqual({ __typename: 'Product', id, stock: 7 });
    expect((await t.gql(PmStockDocument, { id, stock: -2 }, { token: siti.login.token })).data!.setProductStock).toMatchObject({ __typename: 'InvalidInputError', field: 'stock', problem: 'OUT_OF_RANGE', min: 0, max: 10_000 });

    expect((await t.gql(PmArchiveDocument, { id }, { token: siti.login.token })).data!.archiveProduct).toEqual({ __typename: 'Product', id, status: 'ARCHIVED' });
    expect((await t.gql(PmArchiveDocument, { id }, { token: siti.login.token })).data!.archiveProduct).toEqual({ __typename: 'Product', id, status: 'ARCHIVED' });
    expect((await t.gql(ProductBySlugDocument, { slug: 'kain-cap-beruang-madu' })).data!.product).toBeNull();
    const managed = await t.gql(ManagedProductDocument, { id }, { token: pendampingTeritip.token });
    expect(managed.data!.managedProduct).toMatchObject({ status: 'ARCHIVED', stock: 7 });
    expect((await t.gql(ManagedProductDocument, { id }, { token: rina.login.token })).errors![0].extensions!.code).toBe('FORBIDDEN');
    const mine = await t.gql(PmSellerProductsDocument, { first: 50 }, { token: siti.login.token });
    expect(mine.data!.sellerProducts.edges).toContainEqual({ node: expect.objectContaining({ id, status: 'ARCHIVED' }) });

    const actions = await t.dataSource.query(`SELECT action, on_behalf FROM audit_entries WHERE subject_id = $1 ORDER BY seq`, [id]);
    expect(actions).toEqual([
      { action: 'PRODUCT_CREATED', on_behalf: false },
      { action: 'PRODUCT_UPDATED', on_behalf: false },
      { action: 'PRODUCT_UPDATED', on_behalf: true },
      { action: 'PRODUCT_STOCK_SET', on_behalf: true },
      { action: 'PRODUCT_ARCHIVED', on_behalf: false },
    ]);
  });

  it('applies concurrent stock changes one after the other, each audited', async () => {
    // Starting at 0, each of 1…6 is a real change whatever order they land in.
    const { id } = await create({ ...valid, title: 'Tas Perca Batik', stock: 0 }, siti.login.token);
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((stock) => t.gql(PmStockDocument, { id, stock }, { token: siti.login.token })));
    expect(results.map((r) => r.errors ?? r.data!.setProductStock.__typename)).toEqual(Array(6).fill('Product'));
    const audit: { before: { stock: number }; after: { stock: number } }[] = await t.dataSource.query(
      `SELECT before, after FROM audit_entries WHERE subject_id = $1 AND action = 'PRODUCT_STOCK_SET'`,
      [id],
    );
    expect(audit).toHaveLength(6);
    // Serialised, the entries form one chain 0 → … → final: every "before" is the "after" of another
    // change (or the starting 0), and the final stock is the one "after" no change started from.
    const befores = audit.map((entry) => entry.before.stock);
    const afters = audit.map((entry) => entry.after.stock);
    const final = (await productRow(id)).stock;
    expect([...befores, final].sort()).toEqual([0, ...afters].sort());
  });

  it('keeps an archived product off sale for good: no status change brings it back (ProductArchivedError), nothing is written or audited', async () => {
    const { id, slug } = await create({ ...valid, title: 'Kain Cap Sudah Diarsipkan' }, siti.login.token);
    expect((await t.gql(PmArchiveDocument, { id }, { token: siti.login.token })).data!.archiveProduct).toMatchObject({ status: 'ARCHIVED' });
    const entries = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM audit_entries WHERE subject_id = $1', [id]))[0].n;
    const audited = await entries();

    for (const [status, as] of [
      ['ACTIVE', siti.login],
      ['DRAFT', siti.login],
      ['ACTIVE', pendampingTeritip],
    ] as const) {
      const response = await t.gql(PmUpdateDocument, { id, input: { status, priceIdr: '1000' } }, { token: as.token });
      expect(response.errors).toBeUndefined();
      expect(response.data!.updateProduct).toEqual({ __typename: 'ProductArchivedError', errorCode: 'PRODUCT_ARCHIVED', message: expect.stringMatching(/^[^()]*archived[^()]*$/) });
    }
    expect(await productRow(id)).toMatchObject({ status: 'ARCHIVED', price_idr: '850000' });
    expect((await t.gql(ProductBySlugDocument, { slug })).data!.product).toBeNull();
    expect(await entries()).toBe(audited);

    // Her details can still be corrected; it stays archived.
    expect((await t.gql(PmUpdateDocument, { id, input: { title: 'Kain Cap Diarsipkan Dikoreksi' } }, { token: siti.login.token })).data!.updateProduct).toMatchObject({ __typename: 'Product', status: 'ARCHIVED', title: 'Kain Cap Diarsipkan Dikoreksi' });
  });

  it('archives a draft too', async () => {
    const { id } = await create({ ...valid, title: 'Draf Yang Diarsipkan', status: 'DRAFT' }, siti.login.token);
    expect((await t.gql(PmArchiveDocument, { id }, { token: siti.login.token })).data!.archiveProduct).toMatchObject({ __typename: 'Product', status: 'ARCHIVED' });
  });

  it('lists 50 concurrent stock changes in her history in the order they were applied', async () => {
    const dewi = await createSellerAccount(t, teritip, 'Dewi');
    const { id } = await create({ ...valid, title: 'Tas Anyaman Lima Puluh', stock: 0 }, dewi.login.token);
    // Starting at 0, each of 1…50 is a real change whatever order they land in.
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => t.gql(PmStockDocument, { id, stock: i + 1 }, { token: dewi.login.token })));
    expect(results.filter((r) => r.errors || r.data!.setProductStock.__typename !== 'Product')).toEqual([]);

    const history = await t.gql(SellerActivityDocument, { first: 100 }, { token: dewi.login.token });
    const changes = history.data!.sellerActivity
      .filter((entry) => entry.subjectId === id && entry.action === 'PRODUCT_STOCK_SET')
      .map((entry) => ({ before: JSON.parse(entry.before!).stock as number, after: JSON.parse(entry.after!).stock as number }));
    expect(changes).toHaveLength(50);
    // Newest first: each change starts from the stock the next older one left; the newest left today's stock.
    const outOfOrder = changes.slice(0, -1).filter((change, i) => change.before !== changes[i + 1].after).length;
    expect({ outOfOrder, newest: changes[0].after, oldestFrom: changes.at(-1)!.before }).toEqual({ outOfOrder: 0, newest: (await productRow(id)).stock, oldestFrom: 0 });
  });

  it('lists her products with all their photos in a fixed number of SQL queries', async () => {
    const lina = await createSellerAccount(t, teritip, 'Lina');
    for (let i = 0; i < 6; i++) {
      const product = await createProduct(t, lina.seller, { slug: `lina-${i}` });
      await createPhoto(t, product, { width: 40, height: 30 });
    }
    const page = (first: number) =>
      t.countQueries(async () => {
        const response = await t.gql(PmSellerProductsDocument, { first }, { token: lina.login.token });
        expect(response.errors).toBeUndefined();
        expect(response.data!.sellerProducts.edges).toHaveLength(first);
      });
    const forTwo = await page(2);
    expect(forTwo).toBeGreaterThan(0);
    expect(await page(6)).toBe(forTwo);
  });

  it('checks which of many sellers a pendamping may manage in a fixed number of SQL queries (one bulk access check)', async () => {
    const lamaru = await createKampung(t, { name: 'Lamaru' });
    const helper = await signIn(t, { roles: [Role.PENDAMPING], pendampingOf: [lamaru] });
    for (let i = 0; i < 6; i++) {
      const { seller } = await createSellerAccount(t, lamaru, `Ibu Lamaru ${i}`);
      await createProduct(t, seller);
    }
    // Each product of another seller: its page views and every photo, which only those managing it see.
    const page = (first: number) =>
      t.countQueries(async () => {
        const response = await t.gql(PmKampungProductsDocument, { kampungId: lamaru.id, first }, { token: helper.token });
        expect(response.errors).toBeUndefined();
        expect(response.data!.products.edges.map((edge) => edge.node.viewCount)).toEqual(Array(first).fill(0));
      });
    expect(await page(6)).toBe(await page(2));
  });

  it('counts page views, shown only to those who manage the product', async () => {
    const created = await create({ ...valid, title: 'Kain Dilihat Banyak Orang' }, siti.login.token);
    for (let i = 0; i < 3; i++) expect((await t.gql(RecordProductViewDocument, { slug: created.slug, visitorId: `tamu-${i}` })).data).toEqual({ recordProductView: true });
    expect((await t.gql(RecordProductViewDocument, { slug: 'tidak-ada' })).data).toEqual({ recordProductView: false });
    expect((await t.gql(ManagedProductDocument, { id: created.id }, { token: siti.login.token })).data!.managedProduct.viewCount).toBe(3);
    expect((await t.gql(ManagedProductDocument, { id: created.id }, { token: pendampingTeritip.token })).data!.managedProduct.viewCount).toBe(3);
    expect((await t.gql(ProductViewCountDocument, { slug: created.slug }, { token: rina.login.token })).data!.product!.viewCount).toBeNull();
    expect((await t.gql(ProductViewCountDocument, { slug: created.slug })).data!.product!.viewCount).toBeNull();
  });

  it('tells who may manage a shop: the shop for her, her pendamping and an admin; FORBIDDEN for others; NOT_FOUND for no shop', async () => {
    const MANAGED = ManagedSellerDocument;
    const admin = await signIn(t, { roles: [Role.ADMIN] });
    for (const who of [siti.login, pendampingTeritip, admin]) {
      const { data, errors } = await t.gql(MANAGED, { id: siti.seller.id }, { token: who.token });
      expect(errors).toBeUndefined();
      expect(data!.managedSeller).toEqual({ id: siti.seller.id, displayName: 'Siti', status: 'VERIFIED', kampung: { name: 'Teritip' } });
    }
    for (const who of [rina.login, pendampingManggar]) {
      expect((await t.gql(MANAGED, { id: siti.seller.id }, { token: who.token })).errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    // A shop not verified yet is managed by nobody, an admin included.
    const pending = await createSeller(t, teritip, { status: SellerStatus.PENDING } as Partial<Seller>);
    expect((await t.gql(MANAGED, { id: pending.id }, { token: admin.token })).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(MANAGED, { id: '6f1c1f9e-4a57-4b8e-9d59-0f5e0b1c2d3e' }, { token: admin.token })).errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await t.gql(MANAGED, { id: 'bukan-id' }, { token: admin.token })).errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('answers NotFoundError for a product that does not exist, BAD_USER_INPUT for an id that is none', async () => {
    expect((await t.gql(PmStockDocument, { id: '6f1c1f9e-4a57-4b8e-9d59-0f5e0b1c2d3e', stock: 1 }, { token: siti.login.token })).data!.setProductStock).toMatchObject({ __typename: 'NotFoundError', errorCode: 'NOT_FOUND', entity: 'PRODUCT' });
    expect((await t.gql(PmStockDocument, { id: 'bukan-id', stock: 1 }, { token: siti.login.token })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('answers SellerNotVerifiedError to an applicant adding to her shop before it is verified', async () => {
    const applicant = await signIn(t, { displayName: 'Bu Pending' });
    await createSeller(t, teritip, { userId: applicant.userId, status: SellerStatus.PENDING } as Partial<Seller>);
    expect((await t.gql(PmCreateDocument, { input: valid }, { token: applicant.token })).data!.createProduct).toMatchObject({ __typename: 'SellerNotVerifiedError', sellerStatus: 'PENDING' });
    // An account with no shop at all may never list: FORBIDDEN.
    expect((await t.gql(PmCreateDocument, { input: valid }, { token: (await signIn(t)).token })).errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
