import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { Role } from '../src/modules/accounts/models/role.enum.js';
import type { Kampung } from '../src/modules/kampung/models/kampung.model.js';
import type { Seller } from '../src/modules/sellers/models/seller.model.js';
import { createKampung, createProduct, createSellerAccount, signIn, type SignedIn } from './factories.js';
import { AttachProductPhotoDocument, CreatePhotoUploadDocument, PhotosOfProductDocument, RemoveProductPhotoDocument, ReorderProductPhotosDocument, UpdatePhotoAltDocument } from './generated/graphql.js';
import { expectResult } from './harness/results.js';
import { createTestApp, type TestApp } from './harness/test-app.js';
import { photoJobState, putPhoto, waitForActiveJob } from './photo-helpers.js';

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
    return t.gql(AttachProductPhotoDocument, { productId, key: await putPhoto(t, productId, bytes, token, contentType), alt }, { token });
  }
  const attach = (productId: string, key: string) => t.gql(AttachProductPhotoDocument, { productId, key, alt: '' }, { token: siti.login.token });
  const createUpload = (productId: string, contentType: string, byteSize: number, token?: string) => t.gql(CreatePhotoUploadDocument, { productId, contentType, byteSize }, { token });
  const removePhoto = (photoId: string) => t.gql(RemoveProductPhotoDocument, { photoId }, { token: siti.login.token });
  const reorder = (productId: string, photoIds: string[]) => t.gql(ReorderProductPhotosDocument, { productId, photoIds }, { token: siti.login.token });

  async function waitForPhotos(slug: string, count: number) {
    for (let i = 0; i < 100; i++) {
      const { data } = await t.gql(PhotosOfProductDocument, { slug }, { token: siti.login.token });
      const node = data!.sellerProducts.edges.find((e) => e.node.slug === slug)!.node;
      const shown = data!.product?.photos ?? [];
      // The two lists are read side by side in one request: wait until the storefront's has caught up with every READY one too.
      const ready = node.managedPhotos.filter((p) => p.status === 'READY').length;
      if (node.managedPhotos.length === count && node.managedPhotos.every((p) => p.status !== 'PROCESSING') && shown.length === ready) return { managed: node.managedPhotos, public: shown };
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
    expect(attached.data!.attachProductPhoto).toMatchObject({ __typename: 'ProductPhoto', status: 'PROCESSING', position: 0, alt: 'Kain dibentangkan' });

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
    expect(response.data!.attachProductPhoto).toMatchObject({ __typename: 'PhotoFileError', errorCode: 'PHOTO_FILE_REJECTED', photoProblem: 'UNSUPPORTED_TYPE' });
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM product_photos WHERE product_id = $1', [product.id])).toEqual([{ n: 0 }]);
  });

  it('explains that iPhone HEIC photos are not supported', async () => {
    const product = await newProduct();
    const heic = Buffer.concat([Buffer.from('0000001c6674797068656963000000006d696631', 'hex'), randomBytes(200)]);
    const response = await upload(product.id, heic, 'image/jpeg');
    expect(response.data!.attachProductPhoto).toMatchObject({ __typename: 'PhotoFileError', photoProblem: 'HEIC' });
    expect((await createUpload(product.id, 'image/heic', 1000, siti.login.token)).data!.createPhotoUpload).toMatchObject({ __typename: 'PhotoFileError', photoProblem: 'HEIC' });
  });

  it('refuses a decompression bomb: a small PNG of more than 50 megapixels', async () => {
    const product = await newProduct();
    const bomb = await sharp({ create: { width: 9000, height: 6000, channels: 3, background: '#000000' } }).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const response = await upload(product.id, bomb, 'image/png');
    expect(response.data!.attachProductPhoto).toMatchObject({ __typename: 'PhotoFileError', photoProblem: 'TOO_MANY_PIXELS', max: 50_000_000 });
  });

  it('refuses files over 15 MB, declared or not', async () => {
    const product = await newProduct();
    const tooLarge = { __typename: 'PhotoFileError', photoProblem: 'TOO_LARGE', max: 15 * 1024 * 1024 };
    expect((await createUpload(product.id, 'image/jpeg', 16 * 1024 * 1024, siti.login.token)).data!.createPhotoUpload).toMatchObject(tooLarge);
    // Declared small, uploaded big: the real size is checked on attach.
    const created = await createUpload(product.id, 'image/jpeg', 1000, siti.login.token);
    const { uploadUrl, key } = expectResult(created.data?.createPhotoUpload, 'PhotoUpload');
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(16 * 1024 * 1024)]);
    await fetch(uploadUrl, { method: 'PUT', body: big, headers: { 'content-type': 'image/jpeg' } });
    expect((await attach(product.id, key)).data!.attachProductPhoto).toMatchObject(tooLarge);
  });

  it('refuses a file with a JPEG signature but no readable image', async () => {
    const product = await newProduct();
    const garbage = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(5000)]);
    const response = await upload(product.id, garbage);
    expect(response.data!.attachProductPhoto).toMatchObject({ __typename: 'PhotoFileError', photoProblem: 'UNREADABLE' });
  });

  it('marks a photo FAILED, with a reason, when its header is fine but the picture is cut off', async () => {
    const product = await newProduct();
    const whole = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg().toBuffer();
    const truncated = whole.subarray(0, Math.floor(whole.length * 0.3));
    expectResult((await upload(product.id, truncated)).data?.attachProductPhoto, 'ProductPhoto');
    const { managed, public: shown } = await waitForPhotos(product.slug, 1);
    expect(managed[0]).toMatchObject({ status: 'FAILED', failureReason: 'UNREADABLE' });
    expect(shown).toEqual([]);
  });

  it('keeps at most 8 photos, reorders, sets alt text and removes', async () => {
    const product = await newProduct();
    const bytes = await jpeg(400, 300);
    for (let i = 0; i < 8; i++) expectResult((await upload(product.id, bytes, 'image/jpeg', siti.login.token, `Foto ${i + 1}`)).data?.attachProductPhoto, 'ProductPhoto');
    const ninth = await upload(product.id, bytes);
    expect(ninth.data!.attachProductPhoto).toMatchObject({ __typename: 'TooManyPhotosError', errorCode: 'TOO_MANY_PHOTOS', maxPhotos: 8 });

    const { managed } = await waitForPhotos(product.slug, 8);
    const ids = managed.map((p) => p.id);
    const reversed = [...ids].reverse();
    const reordered = expectResult((await reorder(product.id, reversed)).data?.reorderProductPhotos, 'Product');
    expect([...reordered.managedPhotos].sort((a, b) => a.position - b.position).map((p) => p.id)).toEqual(reversed);
    const partial = await reorder(product.id, reversed.slice(1));
    expect(partial.data!.reorderProductPhotos).toMatchObject({ __typename: 'PhotoOrderOutdatedError', errorCode: 'PHOTO_ORDER_OUTDATED' });

    const alt = await t.gql(UpdatePhotoAltDocument, { photoId: reversed[0], alt: 'Detail canting pada motif' }, { token: siti.login.token });
    expect(alt.data!.updatePhotoAlt).toEqual({ __typename: 'ProductPhoto', id: reversed[0], alt: 'Detail canting pada motif' });
    const tooLong = await t.gql(UpdatePhotoAltDocument, { photoId: reversed[0], alt: 'x'.repeat(201) }, { token: siti.login.token });
    expect(tooLong.data!.updatePhotoAlt).toMatchObject({ __typename: 'InvalidInputError', field: 'alt', problem: 'TOO_LONG', max: 200 });

    const removed = expectResult((await removePhoto(reversed[0])).data?.removeProductPhoto, 'Product');
    expect(removed.managedPhotos.map((p) => p.id).sort()).toEqual(reversed.slice(1).sort());
    expect((await removePhoto(reversed[0])).data!.removeProductPhoto).toMatchObject({ __typename: 'NotFoundError', entity: 'PHOTO' });
    const { public: shown } = await waitForPhotos(product.slug, 7);
    expect(shown.map((p) => p.id)).toEqual(reversed.slice(1));
    expect((await fetch(shown[0].thumb)).status).toBe(200);
  });

  it('stores at most 8 of 12 photos attached at once, at positions 0 to 7', async () => {
    const product = await newProduct();
    const bytes = await jpeg(400, 300);
    const keys = await Promise.all(Array.from({ length: 12 }, () => putPhoto(t, product.id, bytes, siti.login.token)));
    const responses = await Promise.all(keys.map((k) => attach(product.id, k)));

    const stored: { position: number }[] = await t.dataSource.query('SELECT position FROM product_photos WHERE product_id = $1 ORDER BY position', [product.id]);
    expect(stored.map((row) => row.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const outcomes = responses.map((response) => response.errors ?? response.data!.attachProductPhoto.__typename);
    expect(outcomes.sort()).toEqual([...Array(8).fill('ProductPhoto'), ...Array(4).fill('TooManyPhotosError')]);
  });

  it('keeps positions 0 to n-1 when photos are attached and removed at the same time', async () => {
    const product = await newProduct();
    const bytes = await jpeg(400, 300);
    for (let i = 0; i < 4; i++) expectResult((await upload(product.id, bytes)).data?.attachProductPhoto, 'ProductPhoto');
    const { managed } = await waitForPhotos(product.slug, 4);
    const keys = await Promise.all(Array.from({ length: 3 }, () => putPhoto(t, product.id, bytes, siti.login.token)));
    const results = await Promise.all([...keys.map((k) => attach(product.id, k)), ...managed.slice(0, 2).map((photo) => removePhoto(photo.id))]);
    expect(results.map((result) => result.errors ?? Object.values(result.data!)[0].__typename)).toEqual([...Array(3).fill('ProductPhoto'), 'Product', 'Product']);
    const stored: { position: number }[] = await t.dataSource.query('SELECT position FROM product_photos WHERE product_id = $1 ORDER BY position', [product.id]);
    expect(stored.map((row) => row.position)).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps the alt text and order a seller sets while the photo is still being processed', async () => {
    const product = await newProduct();
    const first = expectResult((await upload(product.id, await jpeg(400, 300), 'image/jpeg', siti.login.token, 'Pertama')).data?.attachProductPhoto, 'ProductPhoto');
    await waitForPhotos(product.slug, 1);
    // A 24-megapixel photo of grain (which no encoder makes short work of): its variants take seconds, time enough to edit it meanwhile.
    const grain = await sharp({ create: { width: 6000, height: 4000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg({ quality: 60 }).toBuffer();
    const second = expectResult((await upload(product.id, grain, 'image/jpeg', siti.login.token, 'Kedua')).data?.attachProductPhoto, 'ProductPhoto');
    await waitForActiveJob(t, second.id);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the job has read the photo
    const edits = [
      (await t.gql(UpdatePhotoAltDocument, { photoId: second.id, alt: 'Detail motif parang' }, { token: siti.login.token })).data!.updatePhotoAlt.__typename,
      (await reorder(product.id, [second.id, first.id])).data!.reorderProductPhotos.__typename,
    ];
    expect(edits).toEqual(['ProductPhoto', 'Product']);
    expect(await photoJobState(t, second.id)).toBe('active'); // edited in the middle of the job
    const { managed } = await waitForPhotos(product.slug, 2);
    expect(managed.map((p) => [p.id, p.position, p.alt, p.status])).toEqual([
      [second.id, 0, 'Detail motif parang', 'READY'],
      [first.id, 1, 'Pertama', 'READY'],
    ]);
  });

  it.each([
    ['an empty file', Buffer.alloc(0)],
    ['a few bytes of a JPEG header', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00])],
  ])('refuses %s at once with a PhotoFileError', async (_name, bytes) => {
    const product = await newProduct();
    const key = await putPhoto(t, product.id, bytes, siti.login.token);
    const started = Date.now();
    const response = await attach(product.id, key);
    const elapsed = Date.now() - started;
    expect(response.data!.attachProductPhoto).toMatchObject({ __typename: 'PhotoFileError', photoProblem: bytes.length === 0 ? 'EMPTY' : 'UNREADABLE' });
    expect(elapsed).toBeLessThan(1000);
  });

  it('lets only those who manage the product upload to it', async () => {
    const product = await newProduct();
    const stranger = await signIn(t, { roles: [Role.SELLER] });
    const otherPendamping = await signIn(t, { roles: [Role.PENDAMPING], pendampingOf: [await createKampung(t)] });
    const herPendamping = await signIn(t, { roles: [Role.PENDAMPING], pendampingOf: [kampung] });
    // Another seller may never act for her: FORBIDDEN; a pendamping of another kampung may, not for her: NotYourSellerError.
    expect((await createUpload(product.id, 'image/jpeg', 1000, stranger.token)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await createUpload(product.id, 'image/jpeg', 1000, otherPendamping.token)).data!.createPhotoUpload).toMatchObject({ __typename: 'NotYourSellerError', sellerId: siti.seller.id });
    expect((await createUpload(product.id, 'image/jpeg', 1000)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expectResult((await upload(product.id, await jpeg(300, 200), 'image/jpeg', herPendamping.token)).data?.attachProductPhoto, 'ProductPhoto');
    // An upload key of one product cannot be attached to another: a key we never gave for it is malformed.
    const other = await newProduct();
    const created = expectResult((await createUpload(product.id, 'image/jpeg', 1000, siti.login.token)).data?.createPhotoUpload, 'PhotoUpload');
    expect((await attach(other.id, created.key)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'key' });
    // The same upload attached twice (a double submit): AlreadyExistsError.
    const key = await putPhoto(t, product.id, await jpeg(300, 200), siti.login.token);
    expectResult((await attach(product.id, key)).data?.attachProductPhoto, 'ProductPhoto');
    expect((await attach(product.id, key)).data!.attachProductPhoto).toMatchObject({ __typename: 'AlreadyExistsError', field: 'key' });
  });
});
