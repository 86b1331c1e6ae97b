import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ProductPhotoEntity } from '../entities/product-photo.entity.js';
import { PhotoFailure, PhotoStatus } from './photo.enums.js';

@ObjectType('ProductPhoto')
export class ProductPhoto {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  position: number;

  @Field(() => Int, { description: 'Width of the original in pixels (for the aspect ratio)' })
  width: number;

  @Field(() => Int)
  height: number;

  @Field()
  alt: string;

  @Field(() => PhotoStatus)
  status: PhotoStatus;

  @Field(() => PhotoFailure, { nullable: true, description: 'Why processing FAILED' })
  failureReason: PhotoFailure | null;

  productId: string;
  /** Which sizes exist (VARIANT_SETS): for the URLs, not shown. */
  variantSet: number;
}

export function toProductPhotoModel(entity: ProductPhotoEntity): ProductPhoto {
  return {
    id: entity.id,
    position: entity.position,
    width: entity.width,
    height: entity.height,
    alt: entity.alt,
    status: entity.status,
    failureReason: entity.failureReason,
    productId: entity.productId,
    variantSet: entity.variantSet,
  };
}
