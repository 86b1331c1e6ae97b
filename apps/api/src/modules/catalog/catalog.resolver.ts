import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Info, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Authenticated } from '../../common/auth/auth.decorators.js';
import { Ctx } from '../../common/context/ctx.decorator.js';
import type { RequestContext } from '../../common/context/request-context.js';
import { Transaction } from '../../common/context/transaction.interceptor.js';
import { PrefetchRegistry, selectionsAt, settledValues } from '../../common/dataloader/prefetch.js';
import type { GraphQLContext } from '../../common/dataloader/request-loaders.js';
import { SearchRateLimitGuard } from '../../common/rate-limit/search-rate-limit.guard.js';
import { Kampung } from '../kampung/models/kampung.model.js';
import { Seller } from '../sellers/models/seller.model.js';
import { SellerDirectoryService } from '../sellers/seller-directory.service.js';
import { ArchiveProductResult, CreateProductResult, SetProductStockResult, UpdateProductResult } from './catalog.errors.js';
import { CatalogService } from './catalog.service.js';
import { CreateProductInput, UpdateProductInput } from './dto/product.input.js';
import { ProductsArgs } from './dto/products.args.js';
import { Motif } from './models/motif.model.js';
import { Product, ProductConnection, type ProductConnectionResult } from './models/product.model.js';

@Resolver(() => Product)
export class CatalogResolver {
  constructor(
    private readonly catalog: CatalogService,
    private readonly sellers: SellerDirectoryService,
    private readonly prefetch: PrefetchRegistry,
  ) {
    prefetch.register<Product>('Product', 'seller', 'Seller', async (gql, products) => settledValues(await this.sellerLoader(gql).loadMany(products.map((product) => product.sellerId))));
  }

  @UseGuards(SearchRateLimitGuard)
  @Query(() => ProductConnection, { description: 'Products on sale, searchable and filterable, in keyset pages' })
  async products(@Ctx() ctx: RequestContext, @Args({ type: () => ProductsArgs }) args: ProductsArgs, @Context() gql: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<ProductConnectionResult> {
    const page = await this.catalog.listProducts(ctx, args);
    // The cards' sellers, kampung and photos are loaded before graphql-js walks the page (prefetch.ts).
    await this.prefetch.prefetch(gql, 'Product', page.edges.map((edge) => edge.node), selectionsAt(info, ['edges', 'node']), info.fragments);
    return page;
  }

  @Query(() => Product, { nullable: true })
  async product(@Ctx() ctx: RequestContext, @Args('slug', { type: () => String }) slug: string, @Context() gql: GraphQLContext): Promise<Product | null> {
    const found = await this.catalog.findProductBySlug(ctx, slug);
    // Its motif came with it: Product.motif finds it in the loader, without a query of its own.
    if (found?.motif) this.motifLoader(gql).prime(found.motif.id, found.motif);
    return found?.product ?? null;
  }

  @Query(() => [Motif])
  motifs(@Ctx() ctx: RequestContext): Promise<Motif[]> {
    return this.catalog.listMotifs(ctx);
  }

  @Authenticated()
  @Query(() => ProductConnection, { description: 'A seller\'s own products in every status (her own shop when sellerId is left out)' })
  sellerProducts(
    @Ctx() ctx: RequestContext,
    @Args('sellerId', { type: () => ID, nullable: true }) sellerId: string | null,
    @Args({ type: () => ProductsArgs }) args: ProductsArgs,
  ): Promise<ProductConnectionResult> {
    return this.catalog.listSellerProducts(ctx, sellerId, args);
  }

  @Authenticated()
  @Query(() => Product, { description: 'One product in any status, for those who manage it (edit page, hang-tag)' })
  async managedProduct(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Product> {
    return (await this.catalog.managedProduct(ctx, id)).product;
  }

  @Transaction()
  @Authenticated()
  @Mutation(() => CreateProductResult)
  createProduct(@Ctx() ctx: RequestContext, @Args('input', { type: () => CreateProductInput }) input: CreateProductInput): Promise<typeof CreateProductResult> {
    return this.catalog.createProduct(ctx, input);
  }

  @Transaction()
  @Authenticated()
  @Mutation(() => UpdateProductResult)
  updateProduct(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => UpdateProductInput }) input: UpdateProductInput,
  ): Promise<typeof UpdateProductResult> {
    return this.catalog.updateProduct(ctx, id, input);
  }

  @Transaction()
  @Authenticated()
  @Mutation(() => ArchiveProductResult)
  archiveProduct(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<typeof ArchiveProductResult> {
    return this.catalog.archiveProduct(ctx, id);
  }

  @Transaction()
  @Authenticated()
  @Mutation(() => SetProductStockResult)
  setProductStock(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('stock', { type: () => Int }) stock: number,
  ): Promise<typeof SetProductStockResult> {
    return this.catalog.setProductStock(ctx, id, stock);
  }

  // No @Transaction(): one statement, and the day's salt it may first create is made on the pool,
  // which a request holding a transaction's connection must not wait for.
  @Mutation(() => Boolean, { description: 'Counts a view of a product page (the storefront calls it), once per visitor per day; false for an unknown product' })
  recordProductView(
    @Ctx() ctx: RequestContext,
    @Args('slug', { type: () => String }) slug: string,
    @Args('visitorId', { type: () => String, nullable: true, description: 'The storefront\'s random id for this browser (its visitor cookie); left out, the address and browser stand in' })
    visitorId: string | null,
    @Context() gql: GraphQLContext,
  ): Promise<boolean> {
    return this.catalog.recordProductView(ctx, slug, { visitorId: visitorId || null, address: gql.req.clientAddress, userAgent: gql.req.headers['user-agent']?.toString() ?? null });
  }

  @ResolveField(() => Int, { nullable: true, description: 'Page views in the last 30 days: for those who manage the product, null for others' })
  viewCount(product: Product, _args: unknown, { requestContext: ctx, loaders }: GraphQLContext): Promise<number | null> {
    return loaders.get('viewsByProductId', (ids: readonly string[]) => this.catalog.recentViews(ctx, ids), null as number | null).load(product.id);
  }

  @ResolveField(() => Seller)
  seller(product: Product, _args: unknown, gql: GraphQLContext): Seller | null | Promise<Seller | null> {
    return gql.loaders.now(this.sellerLoader(gql), product.sellerId);
  }

  private sellerLoader({ requestContext: ctx, loaders }: GraphQLContext) {
    return loaders.get('sellerById', (ids: readonly string[]) => this.sellers.findByIds(ctx, ids), null as Seller | null);
  }

  @ResolveField(() => Motif, { nullable: true })
  motif(product: Product, _args: unknown, gql: GraphQLContext): Promise<Motif | null> | null {
    return product.motifId ? this.motifLoader(gql).load(product.motifId) : null;
  }

  private motifLoader({ requestContext: ctx, loaders }: GraphQLContext) {
    return loaders.get('motifById', (ids: readonly string[]) => this.catalog.findMotifsByIds(ctx, ids), null as Motif | null);
  }
}

@Resolver(() => Seller)
export class SellerProductsResolver {
  constructor(private readonly catalog: CatalogService) {}

  @ResolveField(() => Int, { description: 'Products of hers on sale now' })
  productCount(seller: Seller, _args: unknown, { requestContext: ctx, loaders }: GraphQLContext): Promise<number> {
    return loaders.get('productCountBySellerId', (ids: readonly string[]) => this.catalog.countActiveBySellerIds(ctx, ids), 0).load(seller.id);
  }
}

@Resolver(() => Kampung)
export class KampungProductsResolver {
  constructor(private readonly catalog: CatalogService) {}

  @ResolveField(() => Int, { description: 'Products on sale by sellers of this kampung' })
  productCount(kampung: Kampung, _args: unknown, { requestContext: ctx, loaders }: GraphQLContext): Promise<number> {
    return loaders.get('productCountByKampungId', (ids: readonly string[]) => this.catalog.countActiveByKampungIds(ctx, ids), 0).load(kampung.id);
  }
}

/** A page's count, only when asked for: the kept counts for a listing, a capped count for a search. */
@Resolver(() => ProductConnection)
export class ProductConnectionResolver {
  @ResolveField(() => Int)
  async totalCount(page: ProductConnectionResult): Promise<number> {
    return (await page.count()).count;
  }

  @ResolveField(() => Boolean, { description: 'False when totalCount is a lower bound: a search or price range with more than 1,000 matches ("1.000+")' })
  async totalCountExact(page: ProductConnectionResult): Promise<boolean> {
    return (await page.count()).exact;
  }
}
