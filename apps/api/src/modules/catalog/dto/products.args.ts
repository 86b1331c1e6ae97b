import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { RupiahScalar } from '../../../common/graphql/scalars.js';
import { BatikTechnique, ProductCategory, ProductSort } from '../models/catalog.enums.js';

@InputType()
export class ProductFilter {
  @Field(() => String, { nullable: true, description: 'Words to look for in title, description, motif, maker and kampung; tolerates small typos' })
  search?: string | null;

  @Field(() => ProductCategory, { nullable: true })
  category?: ProductCategory | null;

  @Field(() => BatikTechnique, { nullable: true })
  technique?: BatikTechnique | null;

  @Field(() => ID, { nullable: true })
  kampungId?: string | null;

  @Field(() => ID, { nullable: true })
  sellerId?: string | null;

  @Field(() => RupiahScalar, { nullable: true })
  minPriceIdr?: bigint | null;

  @Field(() => RupiahScalar, { nullable: true })
  maxPriceIdr?: bigint | null;
}

@ArgsType()
export class ProductsArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 100' })
  first: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  after?: string | null;

  @Field(() => ProductFilter, { nullable: true })
  filter?: ProductFilter | null;

  @Field(() => ProductSort, { defaultValue: ProductSort.NEWEST })
  sort: ProductSort;
}
