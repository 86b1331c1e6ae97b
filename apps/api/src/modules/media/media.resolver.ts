import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor.js';
import { Authenticated, CurrentActor } from '../../common/auth/auth.decorators.js';
import type { GraphQLContext } from '../../common/dataloader/request-loaders.js';
import { userError } from '../../common/errors/user-errors.js';
import { Product } from '../catalog/models/product.model.js';
import { PhotoUpload } from './dto/photo-upload.model.js';
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

  @Authenticated()
  @Mutation(() => PhotoUpload, { description: 'Step 1 of adding a photo: where to PUT the bytes (JPEG, PNG or WebP, at most 15 MB)' })
  createPhotoUpload(
    @CurrentActor() actor: Actor,
    @Args('productId', { type: () => ID }) productId: string,
    @Args('contentType', { type: () => String }) contentType: string,
    @Args('byteSize', { type: () => Int }) byteSize: number,
  ): Promise<PhotoUpload> {
    return this.media.createPhotoUpload(actor, productId, contentType, byteSize);
  }

  @Authenticated()
  @Mutation(() => ProductPhoto, { description: 'Step 2: checks the uploaded file and makes its variants (PROCESSING, then READY or FAILED)' })
  attachProductPhoto(
    @CurrentActor() actor: Actor,
    @Args('productId', { type: () => ID }) productId: string,
    @Args('key', { type: () => String }) key: string,
    @Args('alt', { type: () => String, defaultValue: '' }) alt: string,
  ): Promise<ProductPhoto> {
    return this.media.attachProductPhoto(actor, productId, key, alt);
  }

  @Authenticated()
  @Mutation(() => [ProductPhoto])
  reorderProductPhotos(
    @CurrentActor() actor: Actor,
    @Args('productId', { type: () => ID }) productId: string,
    @Args('photoIds', { type: () => [ID] }) photoIds: string[],
  ): Promise<ProductPhoto[]> {
    return this.media.reorderProductPhotos(actor, productId, photoIds);
  }

  @Authenticated()
  @Mutation(() => ProductPhoto)
  updatePhotoAlt(@CurrentActor() actor: Actor, @Args('photoId', { type: () => ID }) photoId: string, @Args('alt', { type: () => String }) alt: string): Promise<ProductPhoto> {
    return this.media.updatePhotoAlt(actor, photoId, alt);
  }

  @Authenticated()
  @Mutation(() => Boolean)
  removeProductPhoto(@CurrentActor() actor: Actor, @Args('photoId', { type: () => ID }) photoId: string): Promise<boolean> {
    return this.media.removeProductPhoto(actor, photoId);
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

  @ResolveField(() => [ProductPhoto], { description: 'Every photo whatever its status (PROCESSING, FAILED): for those who manage the product' })
  async managedPhotos(@Parent() product: Product, @Context() ctx: GraphQLContext): Promise<ProductPhoto[]> {
    const actor = ctx.actor;
    if (!actor) throw userError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu. (Sign in first.)');
    const photos = await ctx.loaders
      .get('managedPhotosByProductId', (ids: readonly string[]) => this.media.managedPhotosByProductIds(actor, ids), null as ProductPhoto[] | null)
      .load(product.id);
    if (!photos) throw userError('FORBIDDEN', 'Anda tidak mengelola produk ini. (You do not manage this product.)');
    return photos;
  }

  private loader(ctx: GraphQLContext) {
    return ctx.loaders.get('photosByProductId', (ids: readonly string[]) => this.media.photosByProductIds(ids), [] as ProductPhoto[]);
  }
}
