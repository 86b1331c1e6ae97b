import { registerEnumType } from '@nestjs/graphql';

export enum PhotoSize {
  THUMB = 'THUMB',
  CARD = 'CARD',
  FULL = 'FULL',
}

export enum PhotoStatus {
  PROCESSING = 'PROCESSING',
  READY = 'READY',
  FAILED = 'FAILED',
}

/** Width in pixels of each WebP variant (never enlarged beyond the original). */
export const PHOTO_WIDTHS: Record<PhotoSize, number> = {
  [PhotoSize.THUMB]: 320,
  [PhotoSize.CARD]: 640,
  [PhotoSize.FULL]: 1600,
};

registerEnumType(PhotoSize, { name: 'PhotoSize' });
registerEnumType(PhotoStatus, { name: 'PhotoStatus' });
