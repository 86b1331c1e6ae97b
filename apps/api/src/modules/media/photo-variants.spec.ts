import sharp from 'sharp';
import { PhotoSize } from './models/photo.enums.js';
import { availableSize, renderVariants, variantWidths } from './photo-variants.js';

describe('photo variants', () => {
  it('makes a variant for each width a phone needs (160, 400 and 720 px besides 320, 640 and 1600)', async () => {
    const original = await sharp({ create: { width: 2000, height: 1500, channels: 3, background: '#7a4a2a' } }).jpeg().toBuffer();
    const { width, height, variants } = await renderVariants(original);
    expect({ width, height }).toEqual({ width: 2000, height: 1500 });
    const widths = Object.fromEntries(await Promise.all(Object.entries(variants).map(async ([size, buffer]) => [size, (await sharp(buffer).metadata()).width])));
    expect(widths).toEqual({ TINY: 160, THUMB: 320, MEDIUM: 400, CARD: 640, LARGE: 720, FULL: 1600 });
  });

  it('makes only the sizes asked for (the backfill of older photos)', async () => {
    const original = await sharp({ create: { width: 900, height: 1200, channels: 3, background: '#204060' } }).png().toBuffer();
    const { width, height, variants } = await renderVariants(original, [PhotoSize.TINY, PhotoSize.LARGE]);
    expect({ width, height, sizes: Object.keys(variants) }).toEqual({ width: 900, height: 1200, sizes: ['TINY', 'LARGE'] });
  });

  it('gives the upright size of a photo taken sideways', async () => {
    const sideways = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#556b2f' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const { width, height, variants } = await renderVariants(sideways, [PhotoSize.THUMB]);
    expect({ width, height }).toEqual({ width: 800, height: 1200 });
    expect(await sharp(variants.THUMB!).metadata()).toMatchObject({ width: 320, height: 480 });
  });

  it('lists srcset candidates with their real widths: none wider than the original, none twice', () => {
    expect(variantWidths(2, 2000).map(({ width }) => width)).toEqual([160, 320, 400, 640, 720, 1600]);
    expect(variantWidths(2, 700)).toEqual([
      { size: PhotoSize.TINY, width: 160 },
      { size: PhotoSize.THUMB, width: 320 },
      { size: PhotoSize.MEDIUM, width: 400 },
      { size: PhotoSize.CARD, width: 640 },
      { size: PhotoSize.LARGE, width: 700 },
    ]);
    expect(variantWidths(1, 2000).map(({ size }) => size)).toEqual([PhotoSize.THUMB, PhotoSize.CARD, PhotoSize.FULL]);
  });

  it('answers a size an older photo lacks with the next wider one it has', () => {
    expect(availableSize(1, PhotoSize.TINY)).toBe(PhotoSize.THUMB);
    expect(availableSize(1, PhotoSize.LARGE)).toBe(PhotoSize.FULL);
    expect(availableSize(2, PhotoSize.TINY)).toBe(PhotoSize.TINY);
  });
});
