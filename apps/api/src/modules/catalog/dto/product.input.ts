import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DateScalar, RupiahScalar } from '../../../common/graphql/scalars.js';
import { BatikTechnique, DyeType, ProductCategory, ProductStatus } from '../models/catalog.enums.js';

/** The fields a seller (or her pendamping) writes; every one optional on update. */
@InputType({ isAbstract: true })
abstract class ProductFieldsInput {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ProductCategory, { nullable: true })
  category?: ProductCategory | null;

  @Field(() => BatikTechnique, { nullable: true, description: 'None for bags' })
  technique?: BatikTechnique | null;

  @Field(() => ID, { nullable: true })
  motifId?: string | null;

  @Field(() => String, { nullable: true })
  material?: string | null;

  @Field(() => DyeType, { nullable: true })
  dye?: DyeType | null;

  @Field(() => String, { nullable: true, description: 'e.g. 200 × 115 cm' })
  size?: string | null;

  @Field(() => Int, { nullable: true })
  weightGrams?: number | null;

  @Field(() => RupiahScalar, { nullable: true })
  priceIdr?: bigint | null;

  @Field(() => Int, { nullable: true })
  stock?: number | null;

  @Field(() => Int, { nullable: true })
  hoursOfWork?: number | null;

  @Field(() => DateScalar, { nullable: true })
  madeOn?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether she takes cash on delivery for it (yes unless she says no)' })
  codAllowed?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Packed length in cm, for volumetric shipping weight (with width and height)' })
  lengthCm?: number | null;

  @Field(() => Int, { nullable: true })
  widthCm?: number | null;

  @Field(() => Int, { nullable: true })
  heightCm?: number | null;
}

@InputType()
export class CreateProductInput extends ProductFieldsInput {
  @Field(() => ID, { nullable: true, description: 'The seller it is for; a pendamping names the seller she helps. Her own shop when left out.' })
  sellerId?: string | null;

  @Field(() => ProductStatus, { nullable: true, description: 'ACTIVE (on sale, the default) or DRAFT' })
  status?: ProductStatus | null;
}

@InputType()
export class UpdateProductInput extends ProductFieldsInput {
  @Field(() => ProductStatus, { nullable: true, description: 'ACTIVE or DRAFT; archive with archiveProduct' })
  status?: ProductStatus | null;
}
