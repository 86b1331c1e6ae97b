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

/** Why processing a photo FAILED; the client words it. */
export enum PhotoFailure {
  /** Its bytes could not be read as an image. */
  UNREADABLE = 'UNREADABLE',
  /** Every attempt of the job failed or died: she uploads it again. */
  NOT_PROCESSED = 'NOT_PROCESSED',
}

/** Width in pixels of each WebP variant (never enlarged beyond the original). */
export const PHOTO_WIDTHS: Record<PhotoSize, number> = {
  [PhotoSize.THUMB]: 320,
  [PhotoSize.CARD]: 640,
  [PhotoSize.FULL]: 1600,
};

registerEnumType(PhotoSize, { name: 'PhotoSize' });
registerEnumType(PhotoStatus, { name: 'PhotoStatus' });
registerEnumType(PhotoFailure, { name: 'PhotoFailure' });
