import type Sharp from 'sharp';
import type { ObjectStorage } from '../../infra/storage/object-storage.js';
import { PHOTO_WIDTHS, PhotoSize, VARIANT_SETS } from './models/photo.enums.js';

export interface RenderedVariants {
  /** Size of the upright original. */
  width: number;
  height: number;
  variants: Partial<Record<PhotoSize, Buffer>>;
}

export const MAX_INPUT_PIXELS = 50_000_000;

/**
 * sharp, loaded on the first photo: libvips costs a process 7–11 MB of memory from the moment it is
 * loaded, and a process that serves only the storefront never touches an image (`npm run bench`).
 */
export const loadSharp = async (): Promise<typeof Sharp> => (await import('sharp')).default;

/** 70 rather than sharp's 80: a tenth lighter at no difference a buyer sees on a phone (batik patterns are dense). */
const WEBP_QUALITY = 70;

/**
 * Encoder effort: sharp's 4 for what phones fetch; 2 for the tablet and desktop sizes, which halves
 * the time of the 1600 px one (114 → 54 ms here) for 4 % more bytes, so six variants cost less than three did.
 */
const effortOf = (size: PhotoSize): number => (size === PhotoSize.CARD || size === PhotoSize.FULL ? 2 : 4);

/**
 * Upright (EXIF orientation applied), resized WebP variants without any metadata: phones write the
 * seller's home GPS position into photos, and only these variants are ever public.
 */
export async function renderVariants(original: Buffer, sizes: readonly PhotoSize[] = Object.values(PhotoSize)): Promise<RenderedVariants> {
  const sharp = await loadSharp();
  const upright = sharp(original, { limitInputPixels: MAX_INPUT_PIXELS }).rotate();
  // The header gives the upright size; decoding the whole original only for it doubled the work.
  const { autoOrient } = await upright.metadata();
  const entries = await Promise.all(
    sizes.map(async (size) => {
      const buffer = await upright.clone().resize({ width: PHOTO_WIDTHS[size], withoutEnlargement: true }).webp({ quality: WEBP_QUALITY, effort: effortOf(size) }).toBuffer();
      return [size, buffer] as const;
    }),
  );
  return { width: autoOrient.width, height: autoOrient.height, variants: Object.fromEntries(entries) };
}

export const variantKey = (photoId: string, size: PhotoSize): string => `variants/${photoId}/${size.toLowerCase()}.webp`;
export const originalKey = (productId: string, photoId: string): string => `originals/${productId}/${photoId}`;

/** Puts each variant at its fixed key: safe to repeat after a crash (overwritten, never duplicated). */
export async function putVariants(storage: ObjectStorage, photoId: string, variants: RenderedVariants['variants']): Promise<void> {
  for (const [size, buffer] of Object.entries(variants)) await storage.put(variantKey(photoId, size as PhotoSize), buffer, 'image/webp');
}

/** The sizes a photo of this variant set has, smallest first. */
export const sizesOf = (variantSet: number): readonly PhotoSize[] => VARIANT_SETS[variantSet] ?? VARIANT_SETS[1];

/** The size asked for if the photo has it, else the next wider one it has (else its widest): never a missing file. */
export function availableSize(variantSet: number, size: PhotoSize): PhotoSize {
  const sizes = sizesOf(variantSet);
  return sizes.includes(size) ? size : (sizes.find((s) => PHOTO_WIDTHS[s] >= PHOTO_WIDTHS[size]) ?? sizes[sizes.length - 1]);
}

/**
 * `srcset` candidates of the variants a photo has, each with its real width (a variant is never wider
 * than the original, so of several that came out as wide only the first is listed).
 */
export function variantWidths(variantSet: number, originalWidth: number): { size: PhotoSize; width: number }[] {
  const seen = new Set<number>();
  return sizesOf(variantSet).flatMap((size) => {
    const width = originalWidth > 0 ? Math.min(PHOTO_WIDTHS[size], originalWidth) : PHOTO_WIDTHS[size];
    if (seen.has(width)) return [];
    seen.add(width);
    return [{ size, width }];
  });
}
