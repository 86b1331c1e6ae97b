import sharp from 'sharp';
import { PHOTO_WIDTHS, PhotoSize } from './models/photo.enums.js';

export interface RenderedVariants {
  /** Size of the upright original. */
  width: number;
  height: number;
  variants: Record<PhotoSize, Buffer>;
}

export const MAX_INPUT_PIXELS = 50_000_000;

/**
 * Upright (EXIF orientation applied), resized WebP variants without any metadata: phones write the
 * seller's home GPS position into photos, and only these variants are ever public.
 */
export async function renderVariants(original: Buffer): Promise<RenderedVariants> {
  const upright = sharp(original, { limitInputPixels: MAX_INPUT_PIXELS }).rotate();
  const { info } = await upright.clone().toBuffer({ resolveWithObject: true });
  const entries = await Promise.all(
    Object.values(PhotoSize).map(async (size) => {
      const buffer = await upright.clone().resize({ width: PHOTO_WIDTHS[size], withoutEnlargement: true }).webp({ quality: 78 }).toBuffer();
      return [size, buffer] as const;
    }),
  );
  return { width: info.width, height: info.height, variants: Object.fromEntries(entries) as Record<PhotoSize, Buffer> };
}

export const variantKey = (photoId: string, size: PhotoSize): string => `variants/${photoId}/${size.toLowerCase()}.webp`;
export const originalKey = (productId: string, photoId: string): string => `originals/${productId}/${photoId}`;
