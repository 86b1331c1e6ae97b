import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor.js';
import { Authenticated, CurrentActor } from '../../common/auth/auth.decorators.js';
import { CreateProductInput, UpdateProductInput } from './dto/product.input.js';
import type { GraphQLContext } from '../../common/dataloader/request-loaders.js';
import type { Connection } from '../../common/graphql/connection.js';
import { SearchRateLimitGuard } from '../../common/rate-limit/search-rate-limit.guard.js';
import { Kampung } from '../kampung/models/kampung.model.js';
import { Seller } from '../sellers/models/seller.model.js';
import { SellersService } from '../sellers/sellers.service.js';
import { CatalogService } from './catalog.service.js';
import { ProductsArgs } from './dto/products.args.js';
import { Motif } from './models/motif.model.js';
import { Product, ProductConnection } from './models/product.model.js';

@Resolver(() => Product)
export class CatalogResolver {
  constructor(
    private readonly catalog: CatalogService,
    private readonly sellers: SellersService,
  ) {}

  @UseGuards(SearchRateLimitGuard)
  @Query(() => ProductConnection, { description: 'Products on sale, searchable and filterable, in keyset pages' })
  products(@Args({ type: () => ProductsArgs }) args: ProductsArgs): Promise<Connection<Product>> {
    return this.catalog.listProducts(args);
  }

  @Query(() => Product, { nullable: true })
  product(@Args('slug', { type: () => String }) slug: string): Promise<Product | null> {
    return this.catalog.findProductBySlug(slug);
  }

  @Query(() => [Motif])
  motifs(): Promise<Motif[]> {
    return this.catalog.listMotifs();
  }

  @Authenticated()
  @Query(() => ProductConnection, { description: 'A seller\'s own products in every status (her own shop when sellerId is left out)' })
  sellerProducts(
    @CurrentActor() actor: Actor,
    @Args('sellerId', { type: () => ID, nullable: true }) sellerId: string | null,
    @Args({ type: () => ProductsArgs }) args: ProductsArgs,
  ): Promise<Connection<Product>> {
    return this.catalog.listSellerProducts(actor, sellerId, args);
  }

  @Authenticated()
  @Query(() => Product, { description: 'One product in any status, for those who manage it (edit page, hang-tag)' })
  async managedProduct(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Product> {
    return (await this.catalog.managedProduct(actor, id)).product;
  }

  @Authenticated()
  @Mutation(() => Product)
  createProduct(@CurrentActor() actor: Actor, @Args('input', { type: () => CreateProductInput }) input: CreateProductInput): Promise<Product> {
    return this.catalog.createProduct(actor, input);
  }

  @Authenticated()
  @Mutation(() => Product)
  updateProduct(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => UpdateProductInput }) input: UpdateProductInput,
  ): Promise<Product> {
    return this.catalog.updateProduct(actor, id, input);
  }

  @Authenticated()
  @Mutation(() => Product)
  archiveProduct(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Product> {
    return this.catalog.archiveProduct(actor, id);
  }

  @Authenticated()
  @Mutation(() => Product)
  setProductStock(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('stock', { type: () => Int }) stock: number,
  ): Promise<Product> {
    return this.catalog.setProductStock(actor, id, stock);
  }

  @Mutation(() => Boolean, { description: 'Counts a view of a product page (the storefront calls it), once per visitor per day; false for an unknown product' })
  recordProductView(
    @CurrentActor() actor: Actor | null,
    @Args('slug', { type: () => String }) slug: string,
    @Args('visitorId', { type: () => String, nullable: true, description: 'The storefront\'s random id for this browser (its visitor cookie); left out, the address and browser stand in' })
    visitorId: string | null,
    @Context() ctx: GraphQLContext,
  ): Promise<boolean> {
    return this.catalog.recordProductView(actor, slug, { visitorId: visitorId || null, address: ctx.req.clientAddress, userAgent: ctx.req.headers['user-agent']?.toString() ?? null });
  }

  @ResolveField(() => Int, { nullable: true, description: 'Page views in the last 30 days: for those who manage the product, null for others' })
  viewCount(@Parent() product: Product, @Context() ctx: GraphQLContext): Promise<number | null> | null {
    const actor = ctx.actor;
    if (!actor) return null;
    return ctx.loaders.get('viewsByProductId', (ids: readonly string[]) => this.catalog.recentViews(actor, ids), null as number | null).load(product.id);
  }

  @ResolveField(() => Seller)
  seller(@Parent() product: Product, @Context() ctx: GraphQLContext): Promise<Seller | null> {
    return ctx.loaders.get('sellerById', (ids: readonly string[]) => this.sellers.findByIds(ids), null as Seller | null).load(product.sellerId);
  }

  @ResolveField(() => Motif, { nullable: true })
  motif(@Parent() product: Product, @Context() ctx: GraphQLContext): Promise<Motif | null> | null {
    if (!product.motifId) return null;
    return ctx.loaders.get('motifById', (ids: readonly string[]) => this.catalog.findMotifsByIds(ids), null as Motif | null).load(product.motifId);
  }
}

@Resolver(() => Seller)
export class SellerProductsResolver {
  constructor(private readonly catalog: CatalogService) {}

  @ResolveField(() => Int, { description: 'Products of hers on sale now' })
  productCount(@Parent() seller: Seller, @Context() ctx: GraphQLContext): Promise<number> {
    return ctx.loaders.get('productCountBySellerId', (ids: readonly string[]) => this.catalog.countActiveBySellerIds(ids), 0).load(seller.id);
  }
}

@Resolver(() => Kampung)
export class KampungProductsResolver {
  constructor(private readonly catalog: CatalogService) {}

  @ResolveField(() => Int, { description: 'Products on sale by sellers of this kampung' })
  productCount(@Parent() kampung: Kampung, @Context() ctx: GraphQLContext): Promise<number> {
    return ctx.loaders.get('productCountByKampungId', (ids: readonly string[]) => this.catalog.countActiveByKampungIds(ids), 0).load(kampung.id);
  }
}
