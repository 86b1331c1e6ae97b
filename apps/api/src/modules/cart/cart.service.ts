import { Injectable } from '@nestjs/common';
import { CART_LINE_QUANTITY, CART_MAX_LINES, within } from '@karya-ibu/types/rules';
import type { RequestContext } from '../../common/context/request-context.js';
import { InvalidInputError, NotFoundError, type ErrorResult, EntityKind } from '../../common/errors/error-result.js';
import { isUuid } from '../../common/graphql/ids.js';
import { CatalogService } from '../catalog/catalog.service.js';
import type { CheckoutProduct } from '../catalog/models/checkout-product.js';
import { CartRepository } from './cart.repository.js';
import type { CartEntity } from './entities/cart.entity.js';
import type { CartLineEntity } from './entities/cart-line.entity.js';
import { CartLineProblem, InsufficientStockError, ProductUnavailableError, type Cart, type CartLine, type CartSellerGroup } from './models/cart.model.js';

/** A line as checkout takes it. */
export interface CartItem {
  productId: string;
  quantity: number;
  priceWhenAddedIdr: bigint;
}

const cartNotFound = () => new NotFoundError(EntityKind.CART);

/**
 * Server-side carts: a signed-in buyer has one (her own, whatever cart id the browser sends); a guest
 * has the one whose id her cookie holds. Quantities never exceed the stock when set; prices are read
 * afresh each time the cart is shown, so a change since adding shows.
 */
@Injectable()
export class CartService {
  constructor(
    private readonly carts: CartRepository,
    private readonly catalog: CatalogService,
  ) {}

  /** The caller's cart: hers when signed in, else the guest cart with this id; null when there is none yet. */
  async cart(ctx: RequestContext, cartId: string | null): Promise<Cart | null> {
    const cart = await this.find(ctx, cartId);
    return cart ? this.view(ctx, cart) : null;
  }

  async addToCart(ctx: RequestContext, cartId: string | null, productId: string, quantity: number): Promise<Cart | ErrorResult> {
    if (!Number.isInteger(quantity) || !within(quantity, CART_LINE_QUANTITY)) return quantityProblem('quantity');
    const product = isUuid(productId) ? (await this.catalog.checkoutProducts(ctx, [productId])).get(productId) : undefined;
    if (!product?.onSale) return new ProductUnavailableError(productId);
    const cart = await this.findOrCreate(ctx, cartId);
    if (!cart) return cartNotFound();
    await this.carts.lock(ctx, cart.id);
    const lines = await this.carts.linesOf(ctx, cart.id);
    const existing = lines.find((line) => line.productId === productId);
    if (!existing && lines.length >= CART_MAX_LINES) return new InvalidInputError('productId', 'OUT_OF_RANGE', `At most ${CART_MAX_LINES} products in a cart`, { max: CART_MAX_LINES });
    const wanted = (existing?.quantity ?? 0) + quantity;
    if (wanted > CART_LINE_QUANTITY.max) return quantityProblem('quantity');
    if (wanted > product.stock) return new InsufficientStockError(productId, product.stock);
    // Adding again takes today's price as the one she agreed to.
    await this.carts.upsertLine(ctx, cart.id, productId, wanted, product.priceIdr);
    return this.view(ctx, cart);
  }

  /** Sets a line's quantity; 0 removes it. */
  async updateCartLine(ctx: RequestContext, cartId: string | null, productId: string, quantity: number): Promise<Cart | ErrorResult> {
    if (quantity === 0) return this.removeCartLine(ctx, cartId, productId);
    if (!Number.isInteger(quantity) || !within(quantity, CART_LINE_QUANTITY)) return quantityProblem('quantity');
    const cart = await this.find(ctx, cartId);
    if (!cart) return cartNotFound();
    await this.carts.lock(ctx, cart.id);
    const product = isUuid(productId) ? (await this.catalog.checkoutProducts(ctx, [productId])).get(productId) : undefined;
    if (!product) return new NotFoundError(EntityKind.CART_LINE);
    if (quantity > product.stock) return new InsufficientStockError(productId, product.stock);
    if (!(await this.carts.setQuantity(ctx, cart.id, productId, quantity))) return new NotFoundError(EntityKind.CART_LINE);
    return this.view(ctx, cart);
  }

  async removeCartLine(ctx: RequestContext, cartId: string | null, productId: string): Promise<Cart | ErrorResult> {
    const cart = await this.find(ctx, cartId);
    if (!cart) return cartNotFound();
    await this.carts.lock(ctx, cart.id);
    if (!isUuid(productId) || !(await this.carts.removeLines(ctx, cart.id, [productId]))) return new NotFoundError(EntityKind.CART_LINE);
    return this.view(ctx, cart);
  }

  /**
   * On sign-in: the guest cart's lines join hers (quantities added, up to what is left) and the guest
   * cart is gone. Merging a cart that is gone already (a second tab) changes nothing.
   */
  async mergeGuestCart(ctx: RequestContext, guestCartId: string): Promise<Cart> {
    const own = await this.carts.ensureForUser(ctx, ctx.person.userId);
    const guest = isUuid(guestCartId) ? await this.carts.findById(ctx, guestCartId) : null;
    if (guest && guest.userId === null) {
      await this.carts.lock(ctx, own.id);
      await this.carts.lock(ctx, guest.id);
      const [mine, theirs] = await Promise.all([this.carts.linesOf(ctx, own.id), this.carts.linesOf(ctx, guest.id)]);
      const products = await this.catalog.checkoutProducts(ctx, theirs.map((line) => line.productId));
      let count = mine.length;
      for (const line of theirs) {
        const product = products.get(line.productId);
        const existing = mine.find((candidate) => candidate.productId === line.productId);
        if (!product || (!existing && count >= CART_MAX_LINES)) continue;
        const quantity = Math.min((existing?.quantity ?? 0) + line.quantity, Math.max(product.stock, existing?.quantity ?? 1), CART_LINE_QUANTITY.max);
        await this.carts.upsertLine(ctx, own.id, line.productId, Math.max(quantity, 1), existing?.priceWhenAddedIdr ?? line.priceWhenAddedIdr);
        if (!existing) count++;
      }
      await this.carts.delete(ctx, guest.id);
    }
    return this.view(ctx, own);
  }

  /** The lines checkout orders from; null when the caller has no such cart. */
  async items(ctx: RequestContext, cartId: string | null): Promise<{ cartId: string; items: CartItem[] } | null> {
    const cart = await this.find(ctx, cartId);
    if (!cart) return null;
    const lines = await this.carts.linesOf(ctx, cart.id);
    return { cartId: cart.id, items: lines.map((line) => ({ productId: line.productId, quantity: line.quantity, priceWhenAddedIdr: line.priceWhenAddedIdr })) };
  }

  /** After an order: what it took leaves the cart (in the order's transaction). */
  async removeOrdered(ctx: RequestContext, cartId: string, productIds: readonly string[]): Promise<void> {
    await this.carts.removeLines(ctx, cartId, productIds);
  }

  /** Hers when signed in (any id sent is ignored: a guest cart joins hers through mergeCart); else the guest cart with this id. */
  private async find(ctx: RequestContext, cartId: string | null): Promise<CartEntity | null> {
    const person = ctx.personOrNull;
    if (person) return this.carts.findByUserId(ctx, person.userId);
    if (!cartId || !isUuid(cartId)) return null;
    const cart = await this.carts.findById(ctx, cartId);
    return cart && cart.userId === null ? cart : null;
  }

  private async findOrCreate(ctx: RequestContext, cartId: string | null): Promise<CartEntity | null> {
    const person = ctx.personOrNull;
    if (person) return this.carts.ensureForUser(ctx, person.userId);
    if (cartId) return this.find(ctx, cartId);
    return this.carts.createGuest(ctx);
  }

  private async view(ctx: RequestContext, cart: CartEntity): Promise<Cart> {
    const entities = await this.carts.linesOf(ctx, cart.id);
    const products = await this.catalog.checkoutProducts(ctx, entities.map((line) => line.productId));
    const lines = entities.flatMap((entity) => {
      const product = products.get(entity.productId);
      return product ? [toCartLine(entity, product)] : [];
    });
    const groups = new Map<string, CartSellerGroup>();
    for (const line of lines) {
      const group = groups.get(line.sellerId) ?? { sellerId: line.sellerId, lines: [], subtotalIdr: 0n, weightGrams: 0 };
      group.lines.push(line);
      group.subtotalIdr += line.lineTotalIdr;
      group.weightGrams += line.weightGrams * line.quantity;
      groups.set(line.sellerId, group);
    }
    return {
      id: cart.id,
      itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
      subtotalIdr: lines.reduce((sum, line) => sum + line.lineTotalIdr, 0n),
      lines,
      sellerGroups: [...groups.values()],
      hasProblems: lines.some((line) => line.problem !== null),
    };
  }
}

const quantityProblem = (field: string) => new InvalidInputError(field, 'OUT_OF_RANGE', `From ${CART_LINE_QUANTITY.min} to ${CART_LINE_QUANTITY.max} pieces`, CART_LINE_QUANTITY);

function toCartLine(entity: CartLineEntity, product: CheckoutProduct): CartLine {
  const problem = !product.onSale
    ? CartLineProblem.UNAVAILABLE
    : product.stock === 0
      ? CartLineProblem.SOLD_OUT
      : product.stock < entity.quantity
        ? CartLineProblem.NOT_ENOUGH_STOCK
        : product.priceIdr !== entity.priceWhenAddedIdr
          ? CartLineProblem.PRICE_CHANGED
          : null;
  return {
    id: entity.id,
    productId: entity.productId,
    sellerId: product.sellerId,
    weightGrams: product.weightGrams,
    quantity: entity.quantity,
    unitPriceIdr: product.priceIdr,
    priceWhenAddedIdr: entity.priceWhenAddedIdr,
    lineTotalIdr: product.priceIdr * BigInt(entity.quantity),
    availableStock: product.stock,
    problem,
  };
}
