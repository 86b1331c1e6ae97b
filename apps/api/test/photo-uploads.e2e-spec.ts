import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { Role } from '../src/modules/accounts/models/role.enum.js';
import type { Kampung } from '../src/modules/kampung/models/kampung.model.js';
import type { Seller } from '../src/modules/sellers/models/seller.model.js';
import { createKampung, createProduct, createSellerAccount, signIn, type SignedIn } from './factories.js';
import { createTestApp, type TestApp } from './harness/test-app.js';
import { ATTACH, CREATE_UPLOAD, photoJobState, putPhoto, waitForActiveJob } from './photo-helpers.js';
const MANAGED = `query M($slug: String!) { sellerProducts(first: 100) { edges { node { slug managedPhotos { id status failureReason position alt width height } } } } product(slug: $slug) { photos { id alt thumb: url(size: THUMB) card: url(size: CARD) full: url(size: FULL) } } }`;

describe('photo uploads', () => {
  let t: TestApp;
  let kampung: Kampung;
  let siti: { seller: Seller; login: SignedIn };
  let counter = 0;

  beforeAll(async () => {
    t = await createTestApp();
    kampung = await createKampung(t);
    siti = await createSellerAccount(t, kampung, 'Siti');
  });
  afterAll(() => t.close());

  const newProduct = async () => createProduct(t, siti.seller, { slug: `foto-${++counter}` });

  /** The browser's part: ask for a URL, PUT the bytes, attach. */
  async function upload(productId: string, bytes: Buffer, contentType = 'image/jpeg', token = siti.login.token, alt = 'Kain dibentangkan') {
    return t.gql(ATTACH, { p: productId, k: await putPhoto(t, productId, bytes, token, contentType), alt }, { token });
  }

  async function waitForPhotos(slug: string, count: number) {
    for (let i = 0; i < 100; i++) {
      const { data } = await t.gql(MANAGED, { slug }, { token: siti.login.token });
      const node = data!.sellerProducts.edges.find((e: { node: { slug: string } }) => e.node.slug === slug).node;
      if (node.managedPhotos.length === count && node.managedPhotos.every((p: { status: string }) => p.status !== 'PROCESSING')) return { managed: node.managedPhotos, public: data!.product?.photos ?? [] };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('photos still PROCESSING after 10 s');
  }

  const jpeg = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#7a4a2a' } }).jpeg().toBuffer();

  it('uploads straight to storage, then makes upright WebP variants in the background', async () => {
    const product = await newProduct();
    // A phone photo taken sideways: stored 1200×800 with EXIF orientation 6 (rotate 90°).
    const sideways = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#204060' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const attached = await upload(product.id, sideways);
    expect(attached.errors).toBeUndefined();
    expect(attached.data!.attachProductPhoto).toMatchObject({ status: 'PROCESSING', position: 0, alt: 'Kain dibentangkan' });

    const { managed, public: shown } = await waitForPhotos(product.slug, 1);
    expect(managed[0]).toMatchObject({ status: 'READY', width: 800, height: 1200, failureReason: null });
    const full = await sharp(Buffer.from(await (await fetch(shown[0].full)).arrayBuffer())).metadata();
    expect(full).toMatchObject({ format: 'webp', width: 800, height: 1200 });
  });

  it('strips EXIF (the seller\'s GPS position) from every public variant', async () => {
    const product = await newProduct();
    const withGps = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#556b2f' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'Ponsel Murah' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '1/1 16/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '116/1 49/1 0/1' } })
      .toBuffer();
    expect((await sharp(withGps).metadata()).exif).toBeDefined();
    await upload(product.id, withGps);
    const { public: shown } = await waitForPhotos(product.slug, 1);
    for (const url of [shown[0].thumb, shown[0].card, shown[0].full]) {
      const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
      const metadata = await sharp(bytes).metadata();
      expect({ url, exif: metadata.exif, xmp: metadata.xmp }).toEqual({ url, exif: undefined, xmp: undefined });
      expect(bytes.includes(Buffer.from('Ponsel Murah'))).toBe(false);
    }
  });

  it('refuses an HTML file renamed to .jpg, whatever its declared type', async () => {
    const product = await newProduct();
    const html = Buffer.from('<!DOCTYPE html><html><body><script>alert("xss")</script></body></html>');
    const response = await upload(product.id, html, 'image/jpeg');
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'key' });
    expect(response.errors![0].message).toMatch(/bukan foto JPEG, PNG atau WebP/);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM product_photos WHERE product_id = $1', [product.id])).toEqual([{ n: 0 }]);
  });

  it('explains that iPhone HEIC photos are not supported', async () => {
    const product = await newProduct();
    const heic = Buffer.concat([Buffer.from('0000001c6674797068656963000000006d696631', 'hex'), randomBytes(200)]);
    const response = await upload(product.id, heic, 'image/jpeg');
    expect(response.errors![0].message).toMatch(/HEIC/);
    expect((await t.gql(CREATE_UPLOAD, { p: product.id, t: 'image/heic', s: 1000 }, { token: siti.login.token })).errors![0].message).toMatch(/HEIC/);
  });

  it('refuses a decompression bomb: a small PNG of more than 50 megapixels', async () => {
    const product = await newProduct();
    const bomb = await sharp({ create: { width: 9000, height: 6000, channels: 3, background: '#000000' } }).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const response = await upload(product.id, bomb, 'image/png');
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'key' });
    expect(response.errors![0].message).toMatch(/megapiksel/);
  });

  it('refuses files over 15 MB, declared or not', async () => {
    const product = await newProduct();
    expect((await t.gql(CREATE_UPLOAD, { p: product.id, t: 'image/jpeg', s: 16 * 1024 * 1024 }, { token: siti.login.token })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'byteSize' });
    // Declared small, uploaded big: the real size is checked on attach.
    const created = await t.gql(CREATE_UPLOAD, { p: product.id, t: 'image/jpeg', s: 1000 }, { token: siti.login.token });
    const { uploadUrl, key } = created.data!.createPhotoUpload;
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(16 * 1024 * 1024)]);
    await fetch(uploadUrl, { method: 'PUT', body: big, headers: { 'content-type': 'image/jpeg' } });
    const response = await t.gql(ATTACH, { p: product.id, k: key, alt: '' }, { token: siti.login.token });
    expect(response.errors![0].message).toMatch(/15 MB/);
  });

  it('refuses a file with a JPEG signature but no readable image', async () => {
    const product = await newProduct();
    const garbage = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(5000)]);
    const response = await upload(product.id, garbage);
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'key' });
  });

  it('marks a photo FAILED, with a reason, when its header is fine but the picture is cut off', async () => {
    const product = await newProduct();
    const whole = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg().toBuffer();
    const truncated = whole.subarray(0, Math.floor(whole.length * 0.3));
    expect((await upload(product.id, truncated)).errors).toBeUndefined();
    const { managed, public: shown } = await waitForPhotos(product.slug, 1);
    expect(managed[0]).toMatchObject({ status: 'FAILED', failureReason: expect.stringMatching(/tidak dapat dibaca/) });
    expect(shown).toEqual([]);
  });

  it('keeps at most 8 photos, reorders, sets alt text and removes', async () => {
    const product = await newProduct();
    const bytes = await jpeg(400, 300);
    for (let i = 0; i < 8; i++) expect((await upload(product.id, bytes, 'image/jpeg', siti.login.token, `Foto ${i + 1}`)).errors).toBeUndefined();
    const ninth = await upload(product.id, bytes);
    expect(ninth.errors![0].message).toMatch(/Paling banyak 8 foto/);

    const { managed } = await waitForPhotos(product.slug, 8);
    const ids: string[] = managed.map((p: { id: string }) => p.id);
    const reversed = [...ids].reverse();
    const reordered = await t.gql(`mutation($p: ID!, $ids: [ID!]!) { reorderProductPhotos(productId: $p, photoIds: $ids) { id position } }`, { p: product.id, ids: reversed }, { token: siti.login.token });
    expect(reordered.data!.reorderProductPhotos.map((p: { id: string }) => p.id)).toEqual(reversed);
    const partial = await t.gql(`mutation($p: ID!, $ids: [ID!]!) { reorderProductPhotos(productId: $p, photoIds: $ids) { id } }`, { p: product.id, ids: reversed.slice(1) }, { token: siti.login.token });
    expect(partial.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'photoIds' });

    const alt = await t.gql(`mutation($id: ID!) { updatePhotoAlt(photoId: $id, alt: "Detail canting pada motif") { alt } }`, { id: reversed[0] }, { token: siti.login.token });
    expect(alt.data!.updatePhotoAlt.alt).toBe('Detail canting pada motif');

    expect((await t.gql(`mutation($id: ID!) { removeProductPhoto(photoId: $id) }`, { id: reversed[0] }, { token: siti.login.token })).data).toEqual({ removeProductPhoto: true });
    const { public: shown } = await waitForPhotos(product.slug, 7);
    expect(shown.map((p: { id: string }) => p.id)).toEqual(reversed.slice(1));
    expect((await fetch(shown[0].thumb)).status).toBe(200);
  });

  it('stores at most 8 of 12 photos attached at once, at positions 0 to 7', async () => {
    const product = await newProduct();
    const bytes = await jpeg(400, 300);
    const keys = await Promise.all(Array.from({ length: 12 }, () => putPhoto(t, product.id, bytes, siti.login.token)));
    const responses = await Promise.all(keys.map((k) => t.gql(ATTACH, { p: product.id, k, alt: '' }, { token: siti.login.token })));

    const stored: { position: number }[] = await t.dataSource.query('SELECT position FROM product_photos WHERE product_id = $1 ORDER BY position', [product.id]);
    expect(stored.map((row) => row.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const refused = responses.filter((response) => response.errors);
    expect(refused.map((response) => response.errors![0].extensions)).toEqual(Array(4).fill(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'productId' })));
  });

  it('keeps positions 0 to n-1 when photos are attached and removed at the same time', async () => {
    const product = await newProduct();
    const bytes = await jpeg(400, 300);
    for (let i = 0; i < 4; i++) expect((await upload(product.id, bytes)).errors).toBeUndefined();
    const { managed } = await waitForPhotos(product.slug, 4);
    const keys = await Promise.all(Array.from({ length: 3 }, () => putPhoto(t, product.id, bytes, siti.login.token)));
    const results = await Promise.all([
      ...keys.map((k) => t.gql(ATTACH, { p: product.id, k, alt: '' }, { token: siti.login.token })),
      ...managed.slice(0, 2).map((photo: { id: string }) => t.gql(`mutation($id: ID!) { removeProductPhoto(photoId: $id) }`, { id: photo.id }, { token: siti.login.token })),
    ]);
    expect(results.map((result) => result.errors)).toEqual(Array(5).fill(undefined));
    const stored: { position: number }[] = await t.dataSource.query('SELECT position FROM product_photos WHERE product_id = $1 ORDER BY position', [product.id]);
    expect(stored.map((row) => row.position)).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps the alt text and order a seller sets while the photo is still being processed', async () => {
    const product = await newProduct();
    const first = (await upload(product.id, await jpeg(400, 300), 'image/jpeg', siti.login.token, 'Pertama')).data!.attachProductPhoto;
    await waitForPhotos(product.slug, 1);
    // A 24-megapixel photo: its variants take about a second, time enough to edit it meanwhile.
    const second = (await upload(product.id, await jpeg(6000, 4000), 'image/jpeg', siti.login.token, 'Kedua')).data!.attachProductPhoto;
    await waitForActiveJob(t, second.id);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the job has read the photo
    const edits = [
      await t.gql(`mutation($id: ID!) { updatePhotoAlt(photoId: $id, alt: "Detail motif parang") { alt } }`, { id: second.id }, { token: siti.login.token }),
      await t.gql(`mutation($p: ID!, $ids: [ID!]!) { reorderProductPhotos(productId: $p, photoIds: $ids) { id } }`, { p: product.id, ids: [second.id, first.id] }, { token: siti.login.token }),
    ];
    expect(edits.map((edit) => edit.errors)).toEqual([undefined, undefined]);
    expect(await photoJobState(t, second.id)).toBe('active'); // edited in the middle of the job
    const { managed } = await waitForPhotos(product.slug, 2);
    expect(managed.map((p: { id: string; alt: string; position: number; status: string }) => [p.id, p.position, p.alt, p.status])).toEqual([
      [second.id, 0, 'Detail motif parang', 'READY'],
      [first.id, 1, 'Pertama', 'READY'],
    ]);
  });

  it.each([
    ['an empty file', Buffer.alloc(0)],
    ['a few bytes of a JPEG header', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00])],
  ])('refuses %s at once, naming the key', async (_name, bytes) => {
    const product = await newProduct();
    const key = await putPhoto(t, product.id, bytes, siti.login.token);
    const started = Date.now();
    const response = await t.gql(ATTACH, { p: product.id, k: key, alt: '' }, { token: siti.login.token });
    const elapsed = Date.now() - started;
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'key' });
    expect(elapsed).toBeLessThan(1000);
  });

  it('lets only those who manage the product upload to it', async () => {
    const product = await newProduct();
    const stranger = await signIn(t, { roles: [Role.SELLER] });
    const otherPendamping = await signIn(t, { roles: [Role.PENDAMPING], pendampingOf: [await createKampung(t)] });
    const herPendamping = await signIn(t, { roles: [Role.PENDAMPING], pendampingOf: [kampung] });
    for (const token of [stranger.token, otherPendamping.token]) {
      expect((await t.gql(CREATE_UPLOAD, { p: product.id, t: 'image/jpeg', s: 1000 }, { token })).errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    expect((await t.gql(CREATE_UPLOAD, { p: product.id, t: 'image/jpeg', s: 1000 })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await upload(product.id, await jpeg(300, 200), 'image/jpeg', herPendamping.token)).errors).toBeUndefined();
    // An upload key of one product cannot be attached to another.
    const other = await newProduct();
    const created = await t.gql(CREATE_UPLOAD, { p: product.id, t: 'image/jpeg', s: 1000 }, { token: siti.login.token });
    expect((await t.gql(ATTACH, { p: other.id, k: created.data!.createPhotoUpload.key, alt: '' }, { token: siti.login.token })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'key' });
  });
});
