import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_PRODUCT } from '@karya-ibu/types';

/** Photo rules, the same as the API's: JPEG, PNG or WebP, at most MAX_PHOTO_BYTES, at most MAX_PHOTOS_PER_PRODUCT a product. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

export type PhotoProblem = 'heic' | 'type' | 'size' | 'empty';

export interface FileLike {
  name: string;
  type: string;
  size: number;
}

const BY_EXTENSION: Record<string, PhotoType> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp'
};

/** The content type to upload with: the browser's, or guessed from the name when it gave none. */
export function photoContentType(file: FileLike): string {
  const type = file.type.toLowerCase();
  if (type) return type === 'image/jpg' ? 'image/jpeg' : type;
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  return BY_EXTENSION[extension] ?? 'application/octet-stream';
}

/** What is wrong with a chosen photo before sending it anywhere; null when it can go. */
export function checkPhoto(file: FileLike): PhotoProblem | null {
  if (file.size === 0) return 'empty';
  const type = photoContentType(file);
  if (/hei[cf]/.test(type) || /\.(heic|heif)$/i.test(file.name)) return 'heic';
  if (!(PHOTO_TYPES as readonly string[]).includes(type)) return 'type';
  if (file.size > MAX_PHOTO_BYTES) return 'size';
  return null;
}

/** Upload progress as a whole percentage for the progress bar. */
export function progressPercent(loaded: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.min(100, Math.max(0, Math.round((loaded / total) * 100)));
}

/** How many more photos a product can take. */
export function photosLeft(current: number): number {
  return Math.max(0, MAX_PHOTOS_PER_PRODUCT - current);
}

/** The three steps of adding a photo, in order; the screen shows which one it is on. */
export const UPLOAD_STEPS = ['prepare', 'send', 'attach'] as const;
export type UploadStep = (typeof UPLOAD_STEPS)[number] | 'done' | 'error';

/** The photo order after moving one up or down; unchanged when it is already at that end. */
export function movePhoto(ids: readonly string[], id: string, direction: 'up' | 'down'): string[] {
  const order = [...ids];
  const from = order.indexOf(id);
  if (from < 0) return order;
  const to = direction === 'up' ? from - 1 : from + 1;
  if (to < 0 || to >= order.length) return order;
  [order[from], order[to]] = [order[to], order[from]];
  return order;
}

/** The photos to send from a form: real files only (an empty file input posts one empty file). */
export function chosenFiles<F extends FileLike>(values: readonly unknown[]): F[] {
  return values.filter(
    (value): value is F =>
      typeof value === 'object' && value !== null && 'size' in value && (value as FileLike).size > 0
  );
}
