import { registerEnumType } from '@nestjs/graphql';

export enum PhotoSize {
  TINY = 'TINY',
  THUMB = 'THUMB',
  MEDIUM = 'MEDIUM',
  CARD = 'CARD',
  LARGE = 'LARGE',
  FULL = 'FULL',
}

export enum PhotoStatus {
  PROCESSING = 'PROCESSING',
  READY = 'READY',
  FAILED = 'FAILED',
}

/** Why processing a photo FAILED; the client words it. */
export enum PhotoFailure {
  /** Its bytes could not be read as an image. */
  UNREADABLE = 'UNREADABLE',
  /** Every attempt of the job failed or died: she uploads it again. */
  NOT_PROCESSED = 'NOT_PROCESSED',
}

/**
 * Width in pixels of each WebP variant (never enlarged beyond the original), chosen from what phones
 * show: the thumbnail strip (52 px at 2–3×), a card of the two-column grid (158 px at 2× on a 360 px
 * phone; 173–184 px at 1.75–2× on 390–412 px ones: MEDIUM), a photo across the screen (328–380 px at
 * 1.75–2×: LARGE); CARD and FULL serve tablets and desktops.
 */
export const PHOTO_WIDTHS: Record<PhotoSize, number> = {
  [PhotoSize.TINY]: 160,
  [PhotoSize.THUMB]: 320,
  [PhotoSize.MEDIUM]: 400,
  [PhotoSize.CARD]: 640,
  [PhotoSize.LARGE]: 720,
  [PhotoSize.FULL]: 1600,
};

/**
 * The sizes a photo's variants were made in, by the `variant_set` it records: photos stored before
 * TINY, MEDIUM and LARGE existed have set 1 until the backfill job makes the missing ones.
 */
export const VARIANT_SETS: Readonly<Record<number, readonly PhotoSize[]>> = {
  1: [PhotoSize.THUMB, PhotoSize.CARD, PhotoSize.FULL],
  2: [PhotoSize.TINY, PhotoSize.THUMB, PhotoSize.MEDIUM, PhotoSize.CARD, PhotoSize.LARGE, PhotoSize.FULL],
};
export const CURRENT_VARIANT_SET = 2;

registerEnumType(PhotoSize, {
  name: 'PhotoSize',
  valuesMap: Object.fromEntries(Object.values(PhotoSize).map((size) => [size, { description: `${PHOTO_WIDTHS[size]} px wide (or the original's width, if narrower)` }])),
});
registerEnumType(PhotoStatus, { name: 'PhotoStatus' });
registerEnumType(PhotoFailure, { name: 'PhotoFailure' });
