import { registerEnumType } from '@nestjs/graphql';

export enum PhotoSize {
  TINY = 'TINY',
  THUMB = 'THUMB',
  CARD = 'CARD',
  LARGE = 'LARGE',
  FULL = 'FULL',
}

export enum PhotoStatus {
  PROCESSING = 'PROCESSING',
  READY = 'READY',
  FAILED = 'FAILED',
}

/**
 * Width in pixels of each WebP variant (never enlarged beyond the original), chosen from what a 360 px
 * phone at 2× shows: the thumbnail strip (52 px), a card of the two-column grid (~160 px), a photo
 * across the screen (~330 px); CARD and FULL serve tablets and desktops.
 */
export const PHOTO_WIDTHS: Record<PhotoSize, number> = {
  [PhotoSize.TINY]: 160,
  [PhotoSize.THUMB]: 320,
  [PhotoSize.CARD]: 640,
  [PhotoSize.LARGE]: 720,
  [PhotoSize.FULL]: 1600,
};

/**
 * The sizes a photo's variants were made in, by the `variant_set` it records: photos stored before
 * TINY and LARGE existed have set 1 until the backfill job makes the missing ones.
 */
export const VARIANT_SETS: Readonly<Record<number, readonly PhotoSize[]>> = {
  1: [PhotoSize.THUMB, PhotoSize.CARD, PhotoSize.FULL],
  2: [PhotoSize.TINY, PhotoSize.THUMB, PhotoSize.CARD, PhotoSize.LARGE, PhotoSize.FULL],
};
export const CURRENT_VARIANT_SET = 2;

registerEnumType(PhotoSize, {
  name: 'PhotoSize',
  valuesMap: Object.fromEntries(Object.values(PhotoSize).map((size) => [size, { description: `${PHOTO_WIDTHS[size]} px wide (or the original's width, if narrower)` }])),
});
registerEnumType(PhotoStatus, { name: 'PhotoStatus' });
