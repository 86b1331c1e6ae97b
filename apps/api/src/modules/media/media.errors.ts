import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AlreadyExistsError, ErrorCode, ErrorResult, InvalidInputError, resultUnion } from '../../common/errors/error-result.js';
import { Product } from '../catalog/models/product.model.js';
import { SELLER_ACCESS_ERRORS } from '../sellers/sellers.errors.js';
import { PhotoUpload } from './dto/photo-upload.model.js';
import { ProductPhoto } from './models/product-photo.model.js';

export enum PhotoFileProblem {
  /** Nothing was PUT at the upload URL (yet). */
  NOT_UPLOADED = 'NOT_UPLOADED',
  EMPTY = 'EMPTY',
  /** More bytes than `max`. */
  TOO_LARGE = 'TOO_LARGE',
  /** An iPhone HEIC photo: the camera can be set to JPEG ("Most Compatible"). */
  HEIC = 'HEIC',
  /** Not a JPEG, PNG or WebP. */
  UNSUPPORTED_TYPE = 'UNSUPPORTED_TYPE',
  /** Said to be an image, but not one that can be read. */
  UNREADABLE = 'UNREADABLE',
  /** More pixels than `max`. */
  TOO_MANY_PIXELS = 'TOO_MANY_PIXELS',
}
registerEnumType(PhotoFileProblem, { name: 'PhotoFileProblem' });

/** The file is not a photo we take. */
@ObjectType({ implements: () => [ErrorResult] })
export class PhotoFileError extends ErrorResult {
  @Field(() => PhotoFileProblem)
  photoProblem: PhotoFileProblem;

  @Field(() => Int, { nullable: true, description: 'The limit broken: bytes for TOO_LARGE, pixels for TOO_MANY_PIXELS' })
  max: number | null;

  constructor(photoProblem: PhotoFileProblem, message: string, max: number | null = null) {
    super();
    Object.assign(this, { errorCode: ErrorCode.PHOTO_FILE_REJECTED, photoProblem, max, message });
  }
}

/** The product has as many photos as a product may. */
@ObjectType({ implements: () => [ErrorResult] })
export class TooManyPhotosError extends ErrorResult {
  @Field(() => Int)
  maxPhotos: number;

  constructor(maxPhotos: number) {
    super();
    Object.assign(this, { errorCode: ErrorCode.TOO_MANY_PHOTOS, maxPhotos, message: `At most ${maxPhotos} photos a product` });
  }
}

/** The order sent does not list the product's photos as they are now: they changed since the page was loaded. */
@ObjectType({ implements: () => [ErrorResult] })
export class PhotoOrderOutdatedError extends ErrorResult {
  constructor() {
    super();
    Object.assign(this, { errorCode: ErrorCode.PHOTO_ORDER_OUTDATED, message: 'List every photo of this product exactly once: they changed meanwhile' });
  }
}

export const CreatePhotoUploadResult = resultUnion('CreatePhotoUploadResult', PhotoUpload, [...SELLER_ACCESS_ERRORS, PhotoFileError]);
export const AttachProductPhotoResult = resultUnion('AttachProductPhotoResult', ProductPhoto, [
  ...SELLER_ACCESS_ERRORS,
  InvalidInputError,
  PhotoFileError,
  AlreadyExistsError,
  TooManyPhotosError,
]);
export const ReorderProductPhotosResult = resultUnion('ReorderProductPhotosResult', Product, [...SELLER_ACCESS_ERRORS, PhotoOrderOutdatedError]);
export const UpdatePhotoAltResult = resultUnion('UpdatePhotoAltResult', ProductPhoto, [...SELLER_ACCESS_ERRORS, InvalidInputError]);
export const RemoveProductPhotoResult = resultUnion('RemoveProductPhotoResult', Product, SELLER_ACCESS_ERRORS);
