import { Args, ID, Int, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated } from '../../common/auth/auth.decorators.js';
import { Ctx } from '../../common/context/ctx.decorator.js';
import type { RequestContext } from '../../common/context/request-context.js';
import { Transaction } from '../../common/context/transaction.interceptor.js';
import { PrefetchRegistry, settledValues } from '../../common/dataloader/prefetch.js';
import type { GraphQLContext } from '../../common/dataloader/request-loaders.js';
import { PlainFieldArguments } from '../../common/graphql/plain-field-arguments.js';
import { userError } from '../../common/errors/user-errors.js';
import { Product } from '../catalog/models/product.model.js';
import { AttachProductPhotoResult, CreatePhotoUploadResult, RemoveProductPhotoResult, ReorderProductPhotosResult, UpdatePhotoAltResult } from './media.errors.js';
import { MediaService } from './media.service.js';
import { PhotoSize } from './models/photo.enums.js';
import { ProductPhoto } from './models/product-photo.model.js';

@Resolver(() => ProductPhoto)
export class ProductPhotoResolver {
  constructor(private readonly media: MediaService) {}

  @ResolveField(() => String, { description: 'Public URL of the WebP variant of this size' })
  @PlainFieldArguments()
  url(photo: ProductPhoto, @Args('size', { type: () => PhotoSize, defaultValue: PhotoSize.CARD }) { size }: { size: PhotoSize }): string {
    return this.media.photoUrl(photo, size);
  }

  @ResolveField(() => String, { description: 'Every WebP variant of this photo as an `<img srcset>` value ("<url> 160w, <url> 320w, …"), each with its real width' })
  srcset(photo: ProductPhoto): string {
    return this.media.photoSrcset(photo);
  }

  @Authenticated()
  @Mutation(() => CreatePhotoUploadResult, { description: 'Step 1 of adding a photo: where to PUT the bytes (JPEG, PNG or WebP, at most 15 MB)' })
  createPhotoUpload(
    @Ctx() ctx: RequestContext,
    @Args('productId', { type: () => ID }) productId: string,
    @Args('contentType', { type: () => String }) contentType: string,
    @Args('byteSize', { type: () => Int }) byteSize: number,
  ): Promise<typeof CreatePhotoUploadResult> {
    return this.media.createPhotoUpload(ctx, productId, contentType, byteSize);
  }

  @Transaction()
  @Authenticated()
  @Mutation(() => AttachProductPhotoResult, { description: 'Step 2: checks the uploaded file and makes its variants (PROCESSING, then READY or FAILED)' })
  attachProductPhoto(
    @Ctx() ctx: RequestContext,
    @Args('productId', { type: () => ID }) productId: string,
    @Args('key', { type: () => String }) key: string,
    @Args('alt', { type: () => String, defaultValue: '' }) alt: string,
  ): Promise<typeof AttachProductPhotoResult> {
    return this.media.attachProductPhoto(ctx, productId, key, alt);
  }

  @Transaction()
  @Authenticated()
  @Mutation(() => ReorderProductPhotosResult, { description: 'Answers the product, its photos in the new order' })
  reorderProductPhotos(
    @Ctx() ctx: RequestContext,
    @Args('productId', { type: () => ID }) productId: string,
    @Args('photoIds', { type: () => [ID] }) photoIds: string[],
  ): Promise<typeof ReorderProductPhotosResult> {
    return this.media.reorderProductPhotos(ctx, productId, photoIds);
  }

  @Transaction()
  @Authenticated()
  @Mutation(() => UpdatePhotoAltResult)
  updatePhotoAlt(@Ctx() ctx: RequestContext, @Args('photoId', { type: () => ID }) photoId: string, @Args('alt', { type: () => String }) alt: string): Promise<typeof UpdatePhotoAltResult> {
    return this.media.updatePhotoAlt(ctx, photoId, alt);
  }

  @Transaction()
  @Authenticated()
  @Mutation(() => RemoveProductPhotoResult, { description: 'Answers the product without the photo' })
  removeProductPhoto(@Ctx() ctx: RequestContext, @Args('photoId', { type: () => ID }) photoId: string): Promise<typeof RemoveProductPhotoResult> {
    return this.media.removeProductPhoto(ctx, photoId);
  }
}

/** A product's photos, in their order; only READY ones are shown. */
@Resolver(() => Product)
export class ProductPhotosResolver {
  constructor(
    private readonly media: MediaService,
    prefetch: PrefetchRegistry,
  ) {
    const photosOf = async (gql: GraphQLContext, products: readonly Product[]) => settledValues(await this.loader(gql).loadMany(products.map((product) => product.id))).flat();
    prefetch.register<Product>('Product', 'photos', 'ProductPhoto', photosOf);
    prefetch.register<Product>('Product', 'primaryPhoto', 'ProductPhoto', photosOf);
  }

  @ResolveField(() => [ProductPhoto])
  photos(product: Product, _args: unknown, gql: GraphQLContext): ProductPhoto[] | Promise<ProductPhoto[]> {
    return this.photosNow(gql, product);
  }

  @ResolveField(() => ProductPhoto, { nullable: true })
  primaryPhoto(product: Product, _args: unknown, gql: GraphQLContext): ProductPhoto | null | Promise<ProductPhoto | null> {
    const photos = this.photosNow(gql, product);
    return Array.isArray(photos) ? (photos[0] ?? null) : photos.then((loaded) => loaded[0] ?? null);
  }

  @ResolveField(() => [ProductPhoto], { description: 'Every photo whatever its status (PROCESSING, FAILED): for those who manage the product' })
  async managedPhotos(product: Product, _args: unknown, { requestContext: ctx, loaders }: GraphQLContext): Promise<ProductPhoto[]> {
    const photos = await loaders
      .get('managedPhotosByProductId', (ids: readonly string[]) => this.media.managedPhotosByProductIds(ctx, ids), null as ProductPhoto[] | null)
      .load(product.id);
    if (!photos) throw userError('FORBIDDEN', 'You do not manage this product.');
    return photos;
  }

  private photosNow(gql: GraphQLContext, product: Product) {
    return gql.loaders.now(this.loader(gql), product.id);
  }

  private loader({ requestContext: ctx, loaders }: GraphQLContext) {
    return loaders.get('photosByProductId', (ids: readonly string[]) => this.media.photosByProductIds(ctx, ids), [] as ProductPhoto[]);
  }
}
