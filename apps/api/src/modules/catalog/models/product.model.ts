import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType, type Connection } from '../../../common/graphql/connection.js';
import { DateScalar, RupiahScalar } from '../../../common/graphql/scalars.js';
import type { ProductEntity } from '../entities/product.entity.js';
import { BatikTechnique, DyeType, ProductCategory, ProductStatus } from './catalog.enums.js';

@ObjectType('Product')
export class Product {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  title: string;

  @Field()
  description: string;

  @Field(() => ProductCategory)
  category: ProductCategory;

  @Field(() => BatikTechnique, { nullable: true, description: 'Batik technique; none for bags' })
  technique: BatikTechnique | null;

  @Field()
  material: string;

  @Field(() => DyeType, { nullable: true })
  dye: DyeType | null;

  @Field(() => String, { nullable: true })
  size: string | null;

  @Field(() => Int)
  weightGrams: number;

  @Field(() => RupiahScalar)
  priceIdr: bigint;

  @Field(() => Int)
  stock: number;

  @Field(() => ProductStatus)
  status: ProductStatus;

  @Field(() => Int, { nullable: true, description: 'Hours of hand work (provenance)' })
  hoursOfWork: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it was finished (provenance)' })
  madeOn: string | null;

  @Field({ description: 'Whether the seller takes cash on delivery for it' })
  codAllowed: boolean;

  @Field(() => Int, { nullable: true, description: 'Packed dimensions in cm (all three or none)' })
  lengthCm: number | null;

  @Field(() => Int, { nullable: true })
  widthCm: number | null;

  @Field(() => Int, { nullable: true })
  heightCm: number | null;

  @Field()
  createdAt: Date;

  sellerId: string;
  motifId: string | null;
}

@ObjectType('ProductConnection')
export class ProductConnection extends ConnectionType(Product, 'Product') {
  @Field(() => String, { nullable: true, description: 'The search with its misspelt words corrected ("Maksud Anda: …"), when any were; its results already include them' })
  searchSuggestion: string | null;
}

/** A products page; its count is worked out only when totalCount or totalCountExact is asked for. */
export interface ProductConnectionResult extends Omit<Connection<Product>, 'totalCount'> {
  count: () => Promise<{ count: number; exact: boolean }>;
  searchSuggestion: string | null;
}

export function toProductModel(entity: ProductEntity): Product {
  return {
    id: entity.id,
    slug: entity.slug,
    title: entity.title,
    description: entity.description,
    category: entity.category,
    technique: entity.technique,
    material: entity.material,
    dye: entity.dye,
    size: entity.size,
    weightGrams: entity.weightGrams,
    priceIdr: entity.priceIdr,
    stock: entity.stock,
    status: entity.status,
    hoursOfWork: entity.hoursOfWork,
    madeOn: entity.madeOn,
    codAllowed: entity.codAllowed,
    lengthCm: entity.lengthCm,
    widthCm: entity.widthCm,
    heightCm: entity.heightCm,
    createdAt: entity.createdAt,
    sellerId: entity.sellerId,
    motifId: entity.motifId,
  };
}
