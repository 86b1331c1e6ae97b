import { Args, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated } from '../../common/auth/auth.decorators.js';
import { Ctx } from '../../common/context/ctx.decorator.js';
import type { RequestContext } from '../../common/context/request-context.js';
import { Transaction } from '../../common/context/transaction.interceptor.js';
import type { GraphQLContext } from '../../common/dataloader/request-loaders.js';
import { InvalidInputError, NotFoundError, resultUnion, type ErrorResult } from '../../common/errors/error-result.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { Product } from '../catalog/models/product.model.js';
import { Seller } from '../sellers/models/seller.model.js';
import { SellerDirectoryService } from '../sellers/seller-directory.service.js';
import { CartService } from './cart.service.js';
import { Cart, CartLine, CartSellerGroup, InsufficientStockError, ProductUnavailableError } from './models/cart.model.js';

export const AddToCartResult = resultUnion('AddToCartResult', Cart, [ProductUnavailableError, InsufficientStockError, InvalidInputError, NotFoundError]);
export const UpdateCartLineResult = resultUnion('UpdateCartLineResult', Cart, [InsufficientStockError, InvalidInputError, NotFoundError]);
export const RemoveCartLineResult = resultUnion('RemoveCartLineResult', Cart, [NotFoundError]);

const CART_ID = { type: () => ID, nullable: true, description: 'A guest\'s cart (her cookie); ignored when signed in (her own cart)' } as const;

@Resolver(() => Cart)
export class CartResolver {
  constructor(private readonly carts: CartService) {}

  @Query(() => Cart, { nullable: true, description: 'The caller\'s cart: hers when signed in, else the guest cart cartId; null when there is none yet' })
  cart(@Ctx() ctx: RequestContext, @Args('cartId', CART_ID) cartId: string | null): Promise<Cart | null> {
    return this.carts.cart(ctx, cartId ?? null);
  }

  @Transaction()
  @Mutation(() => AddToCartResult, { description: 'Adds pieces of a product (a guest without cartId gets a new cart: keep its id); never beyond the stock' })
  addToCart(
    @Ctx() ctx: RequestContext,
    @Args('cartId', CART_ID) cartId: string | null,
    @Args('productId', { type: () => ID }) productId: string,
    @Args('quantity', { type: () => Int, defaultValue: 1 }) quantity: number,
  ): Promise<Cart | ErrorResult> {
    return this.carts.addToCart(ctx, cartId ?? null, productId, quantity);
  }

  @Transaction()
  @Mutation(() => UpdateCartLineResult, { description: 'Sets how many pieces of a product; 0 removes the line' })
  updateCartLine(
    @Ctx() ctx: RequestContext,
    @Args('cartId', CART_ID) cartId: string | null,
    @Args('productId', { type: () => ID }) productId: string,
    @Args('quantity', { type: () => Int }) quantity: number,
  ): Promise<Cart | ErrorResult> {
    return this.carts.updateCartLine(ctx, cartId ?? null, productId, quantity);
  }

  @Transaction()
  @Mutation(() => RemoveCartLineResult)
  removeCartLine(@Ctx() ctx: RequestContext, @Args('cartId', CART_ID) cartId: string | null, @Args('productId', { type: () => ID }) productId: string): Promise<Cart | ErrorResult> {
    return this.carts.removeCartLine(ctx, cartId ?? null, productId);
  }

  @Transaction()
  @Authenticated()
  @Mutation(() => Cart, { description: 'After sign-in: the guest cart (the cookie\'s id) joins her own and is gone; the storefront then drops the cookie' })
  mergeCart(@Ctx() ctx: RequestContext, @Args('guestCartId', { type: () => ID }) guestCartId: string): Promise<Cart> {
    return this.carts.mergeGuestCart(ctx, guestCartId);
  }
}

@Resolver(() => CartLine)
export class CartLineResolver {
  constructor(private readonly catalog: CatalogService) {}

  @ResolveField(() => Product)
  product(line: CartLine, _args: unknown, { requestContext: ctx, loaders }: GraphQLContext): Promise<Product | null> {
    return loaders.get('anyProductById', (ids: readonly string[]) => this.catalog.productsByIds(ctx, ids), null as Product | null).load(line.productId);
  }
}

@Resolver(() => CartSellerGroup)
export class CartSellerGroupResolver {
  constructor(private readonly sellers: SellerDirectoryService) {}

  @ResolveField(() => Seller, { description: 'Her name and kampung (seller { kampung { name } })' })
  seller(group: CartSellerGroup, _args: unknown, { requestContext: ctx, loaders }: GraphQLContext): Promise<Seller | null> {
    return loaders.get('sellerById', (ids: readonly string[]) => this.sellers.findByIds(ctx, ids), null as Seller | null).load(group.sellerId);
  }
}
