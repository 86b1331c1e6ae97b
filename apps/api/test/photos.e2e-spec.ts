import sharp from 'sharp';
import { originalKey } from '../src/modules/media/photo-variants.js';
import { createKampung, createPhoto, createProduct, createSeller } from './factories.js';
import { PublicPhotosDocument } from './generated/graphql.js';
import { createTestApp, type TestApp } from './harness/test-app.js';

describe('product photos', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves WebP variants of 320, 640 and 1600 px from S3, in photo order', async () => {
    const seller = await createSeller(t, await createKampung(t));
    const product = await createProduct(t, seller, { slug: 'berfoto' });
    await createPhoto(t, product, { width: 2400, height: 1600, position: 1, alt: 'Detail motif' });
    await createPhoto(t, product, { width: 2000, height: 2000, position: 0, alt: 'Kain dibentangkan' });

    const { data, errors } = await t.gql(PublicPhotosDocument, { slug: 'berfoto' });
    expect(errors).toBeUndefined();
    const photos = data!.product!.photos;
    expect(photos.map((photo) => photo.alt)).toEqual(['Kain dibentangkan', 'Detail motif']);
    expect(data!.product!.primaryPhoto!.alt).toBe('Kain dibentangkan');
    expect(photos[1]).toMatchObject({ width: 2400, height: 1600, status: 'READY' });
    expect(photos[1].byDefault).toBe(photos[1].card);

    for (const [size, width] of [['thumb', 320], ['card', 640], ['full', 1600]] as const) {
      const response = await fetch(photos[1][size]);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/webp');
      const metadata = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect(metadata).toMatchObject({ format: 'webp', width, height: Math.round((width * 1600) / 2400) });
    }
  });

  it('never enlarges a small original', async () => {
    const seller = await createSeller(t, await createKampung(t));
    const product = await createProduct(t, seller, { slug: 'kecil' });
    await createPhoto(t, product, { width: 500, height: 400 });
    const { data } = await t.gql(PublicPhotosDocument, { slug: 'kecil' });
    const metadata = await sharp(Buffer.from(await (await fetch(data!.product!.photos[0].full)).arrayBuffer())).metadata();
    expect(metadata.width).toBe(500);
  });

  it('keeps the original under a private key, not among the public variants', async () => {
    const seller = await createSeller(t, await createKampung(t));
    const product = await createProduct(t, seller, { slug: 'asli' });
    const photo = await createPhoto(t, product);
    expect(await t.storage.stat(originalKey(product.id, photo.id))).toMatchObject({ contentType: 'image/png' });
    const { data } = await t.gql(PublicPhotosDocument, { slug: 'asli' });
    const { thumb, card, full } = data!.product!.photos[0];
    for (const url of [thumb, card, full]) {
      expect(url).toContain('/variants/');
      expect(url).not.toContain('originals');
    }
  });
});
