import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../../common/dataloader/request-loaders.js';
import { Product } from '../catalog/models/product.model.js';
import { MediaService } from './media.service.js';
import { PhotoSize } from './models/photo.enums.js';
import { ProductPhoto } from './models/product-photo.model.js';

@Resolver(() => ProductPhoto)
export class ProductPhotoResolver {
  constructor(private readonly media: MediaService) {}

  @ResolveField(() => String, { description: 'Public URL of the WebP variant of this size' })
  url(@Parent() photo: ProductPhoto, @Args('size', { type: () => PhotoSize, defaultValue: PhotoSize.CARD }) size: PhotoSize): string {
    return this.media.photoUrl(photo.id, size);
  }
}

/** A product's photos, in their order; only READY ones are shown. */
@Resolver(() => Product)
export class ProductPhotosResolver {
  constructor(private readonly media: MediaService) {}

  @ResolveField(() => [ProductPhoto])
  photos(@Parent() product: Product, @Context() ctx: GraphQLContext): Promise<ProductPhoto[]> {
    return this.loader(ctx).load(product.id);
  }

  @ResolveField(() => ProductPhoto, { nullable: true })
  async primaryPhoto(@Parent() product: Product, @Context() ctx: GraphQLContext): Promise<ProductPhoto | null> {
    return (await this.loader(ctx).load(product.id))[0] ?? null;
  }

  private loader(ctx: GraphQLContext) {
    return ctx.loaders.get('photosByProductId', (ids: readonly string[]) => this.media.photosByProductIds(ids), [] as ProductPhoto[]);
  }
}
