import sharp from 'sharp';
import { PhotoSize } from '../src/modules/media/models/photo.enums.js';
import { originalKey, variantKey } from '../src/modules/media/photo-variants.js';
import { createKampung, createPhoto, createProduct, createSeller } from './factories.js';
import { PhotoVariantUrlsDocument, PublicPhotosDocument } from './generated/graphql.js';
import { createTestApp, type TestApp } from './harness/test-app.js';

describe('product photos', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves WebP variants of 160, 320, 400, 640, 720 and 1600 px from S3, in photo order, and a srcset of them', async () => {
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

    expect(photos[1].srcset).toBe(`${photos[1].tiny} 160w, ${photos[1].thumb} 320w, ${photos[1].medium} 400w, ${photos[1].card} 640w, ${photos[1].large} 720w, ${photos[1].full} 1600w`);
    for (const [size, width] of [['tiny', 160], ['thumb', 320], ['medium', 400], ['card', 640], ['large', 720], ['full', 1600]] as const) {
      const response = await fetch(photos[1][size]);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/webp');
      const metadata = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect(metadata).toMatchObject({ format: 'webp', width, height: Math.round((width * 1600) / 2400) });
    }
  });

  it('gives a photo stored before the 160, 400 and 720 px sizes existed its missing variants after a start, and never a missing URL meanwhile', async () => {
    const seller = await createSeller(t, await createKampung(t));
    const product = await createProduct(t, seller, { slug: 'foto-lama' });
    const photo = await createPhoto(t, product, { width: 1800, height: 1200 });
    // As an installation of the previous release left it: set 1, no TINY or LARGE file.
    await t.dataSource.query('UPDATE product_photos SET variant_set = 1 WHERE id = $1', [photo.id]);
    for (const size of [PhotoSize.TINY, PhotoSize.MEDIUM, PhotoSize.LARGE]) await t.storage.remove(variantKey(photo.id, size));

    const before = (await t.gql(PhotoVariantUrlsDocument, { slug: 'foto-lama' })).data!.product!.photos[0];
    expect(before.tiny).toBe(before.thumb);
    expect(before.large).toBe(before.full);
    expect(before.srcset.split(', ').map((candidate: string) => candidate.split(' ')[1])).toEqual(['320w', '640w', '1600w']);
    for (const candidate of before.srcset.split(', ')) expect((await fetch(candidate.split(' ')[0])).status).toBe(200);

    await t.killApi();
    await t.restartApi();
    const started = Date.now();
    let set = 1;
    while (set !== 2 && Date.now() - started < 30_000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      [{ variant_set: set }] = await t.dataSource.query('SELECT variant_set FROM product_photos WHERE id = $1', [photo.id]);
    }
    console.log(`Backfilled the 160, 400 and 720 px variants ${((Date.now() - started) / 1000).toFixed(1)} s after the restart`);
    expect(set).toBe(2);
    const after = (await t.gql(PhotoVariantUrlsDocument, { slug: 'foto-lama' })).data!.product!.photos[0];
    expect(after.srcset.split(', ').map((candidate: string) => candidate.split(' ')[1])).toEqual(['160w', '320w', '400w', '640w', '720w', '1600w']);
    for (const [url, width] of [[after.tiny, 160], [after.medium, 400], [after.large, 720]] as const) {
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(await sharp(Buffer.from(await response.arrayBuffer())).metadata()).toMatchObject({ format: 'webp', width });
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
