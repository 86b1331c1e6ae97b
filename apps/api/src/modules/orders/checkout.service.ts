import { Inject, Injectable, Logger } from '@nestjs/common';
import { BANK_TRANSFER_HOURS, CARD_PAYMENT_MINUTES, CART_LINE_QUANTITY, CART_MAX_LINES, COD_MAX_TOTAL_IDR, DISPLAY_NAME_LENGTH, IDEMPOTENCY_KEY_LENGTH, normalizeEmail, normalizeIndonesianPhone, within } from '@karya-ibu/types/rules';
import type { RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { InvalidInputError, type ErrorResult } from '../../common/errors/error-result.js';
import { isUuid } from '../../common/graphql/ids.js';
import { JobQueue } from '../../infra/jobs/job-queue.js';
import { APP_CONFIG, type RuntimeConfig } from '../../config/runtime-config.js';
import { AddressesService, type ValidAddress } from '../addresses/addresses.service.js';
import { CartService } from '../cart/cart.service.js';
import { InsufficientStockError, ProductUnavailableError } from '../cart/models/cart.model.js';
import { CatalogService } from '../catalog/catalog.service.js';
import type { CheckoutProduct } from '../catalog/models/checkout-product.js';
import { KampungService } from '../kampung/kampung.service.js';
import { OutboxChannel } from '../notifications/models/outbox-channel.enum.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { PaymentMethod } from '../payments/models/payment.enums.js';
import { PaymentsService } from '../payments/payments.service.js';
import type { Seller } from '../sellers/models/seller.model.js';
import { SellerDirectoryService } from '../sellers/seller-directory.service.js';
import { ShippingZone } from '../shipping/models/shipping.enums.js';
import type { ShippingQuote } from '../shipping/shipping-rate-provider.js';
import { ShippingService } from '../shipping/shipping.service.js';
import { chargeableWeightGrams } from '../shipping/weight.js';
import { zoneOfVillage } from '../shipping/zones.js';
import type { OrderEntity } from './entities/order.entity.js';
import { orderMessages } from './order-messages.js';
import { newOrderCode } from './order-code.js';
import { OrderMoney } from './order-money.js';
import { OrderRepository } from './order.repository.js';
import { OrderStatus, SellerOrderStatus } from './order-status.js';
import { eventActor, ORDER_TIMERS } from './order-events.js';
import { CodNotAvailableError, IdempotencyKeyReusedError, TotalChangedError, type CheckoutQuote, type PlaceOrderInput } from './models/order.model.js';

interface Item {
  productId: string;
  quantity: number;
}

interface Group {
  seller: Seller;
  originVillageCode: string;
  items: { item: Item; product: CheckoutProduct }[];
  weightGrams: number;
  quotes: ShippingQuote[];
}

/** An expected outcome found inside the transaction: it rolls back everything, then the outcome is returned. */
class Abort extends Error {
  constructor(readonly result: ErrorResult) {
    super(result.message);
  }
}

export type CodRefusal = 'NOT_IN_BALIKPAPAN' | 'SELLER_DOES_NOT_ALLOW' | 'OVER_LIMIT';

/** Checkout: shipping quotes per seller, then placing the order. Prices come from the catalogue, never from the client. */
@Injectable()
export class CheckoutService {
  private readonly logger = new Logger('Checkout');

  constructor(
    private readonly orders: OrderRepository,
    private readonly db: TransactionalConnection,
    private readonly catalog: CatalogService,
    private readonly cart: CartService,
    private readonly sellers: SellerDirectoryService,
    private readonly kampung: KampungService,
    private readonly shipping: ShippingService,
    private readonly addresses: AddressesService,
    private readonly payments: PaymentsService,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobQueue,
    private readonly money: OrderMoney,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  async quote(ctx: RequestContext, input: { cartId?: string | null; lines?: { productId: string; quantity: number }[] | null; villageCode: string }): Promise<CheckoutQuote | ErrorResult> {
    const items = await this.itemsOf(ctx, input);
    if (items instanceof InvalidInputError) return items;
    if (!(await this.addresses.resolveVillage(ctx, input.villageCode))) return new InvalidInputError('input.villageCode', 'UNKNOWN_OPTION', 'No kelurahan/desa has this code');
    const groups = await this.groups(ctx, items, input.villageCode);
    if (!(groups instanceof Array)) return groups;
    const itemsTotalIdr = groups.reduce((sum, group) => sum + itemsTotal(group), 0n);
    const cheapest = groups.reduce((sum, group) => sum + (group.quotes[0]?.priceIdr ?? 0n), 0n);
    return {
      groups: groups.map((group) => ({
        sellerId: group.seller.id,
        itemsTotalIdr: itemsTotal(group),
        chargeableWeightGrams: group.weightGrams,
        shippingOptions: group.quotes,
        codAllowed: group.items.every(({ product }) => product.codAllowed),
      })),
      itemsTotalIdr,
      codUnavailableReason: codRefusal(groups, input.villageCode, itemsTotalIdr + cheapest),
      codMaxTotalIdr: COD_MAX_TOTAL_IDR,
    };
  }

  /**
   * Places the order in one transaction: the header under its idempotency key (a second call with the
   * key returns the first order), each line's stock by a conditional UPDATE that answers today's
   * price, a seller order per seller with its shipping, the payment to expect, the expiry job, the
   * messages; the ordered lines leave the cart. Anything refused inside rolls all of it back. The card
   * session is made after the commit (no row lock waits on Stripe).
   */
  async placeOrder(ctx: RequestContext, input: PlaceOrderInput, idempotencyKey: string, options: { now?: Date; isDemo?: boolean } = {}): Promise<OrderEntity | ErrorResult> {
    const now = options.now ?? new Date();
    const key = idempotencyKey.trim();
    if (!within(key.length, IDEMPOTENCY_KEY_LENGTH)) return new InvalidInputError('idempotencyKey', key.length < IDEMPOTENCY_KEY_LENGTH.min ? 'TOO_SHORT' : 'TOO_LONG', 'A random key of 16–100 characters (a UUID)', IDEMPOTENCY_KEY_LENGTH);
    const earlier = await this.orders.findByIdempotencyKey(ctx, key);
    if (earlier) return this.replay(ctx, earlier, input);

    const contact = validateContact(input.contact);
    if (contact instanceof InvalidInputError) return contact;
    const address = await this.addressOf(ctx, input);
    if (address instanceof InvalidInputError) return address;
    const items = await this.itemsOf(ctx, input);
    if (items instanceof InvalidInputError) return items;
    const groups = await this.groups(ctx, items, address.villageCode);
    if (!(groups instanceof Array)) return groups;

    const chosen = new Map<string, ShippingQuote>();
    for (const group of groups) {
      const choice = input.shipping.find((candidate) => candidate.sellerId === group.seller.id);
      if (!choice) return new InvalidInputError('input.shipping', 'REQUIRED', `Choose how ${group.seller.displayName}'s parcel ships`);
      const quote = group.quotes.find((candidate) => candidate.code === choice.optionCode);
      if (!quote) return new InvalidInputError('input.shipping', 'UNKNOWN_OPTION', `${choice.optionCode} does not ship to this address`);
      chosen.set(group.seller.id, quote);
    }
    const shippingTotal = [...chosen.values()].reduce((sum, quote) => sum + quote.priceIdr, 0n);
    if (input.paymentMethod === PaymentMethod.COD) {
      const refusal = codRefusal(groups, address.villageCode, groups.reduce((sum, group) => sum + itemsTotal(group), 0n) + shippingTotal);
      if (refusal) return new CodNotAvailableError(refusal);
    }

    let placed: OrderEntity;
    try {
      placed = await this.db.withTransaction(ctx, (tx) => this.insert(tx, { input, key, contact, address, groups, chosen, shippingTotal, now, isDemo: options.isDemo ?? false }));
    } catch (error) {
      if (error instanceof Abort) return error.result;
      throw error;
    }
    if (placed.paymentMethod === PaymentMethod.CARD && placed.status === OrderStatus.PENDING_PAYMENT) {
      // Placed is placed: without Stripe now, the buyer opens the payment later (startCardPayment).
      await this.startCardPayment(ctx, placed, now).catch((error: Error) => this.logger.warn(`card session for ${placed.code}: ${error.message}`));
    }
    return placed;
  }

  /** The card payment's hosted page (a new session when the last one is gone); null when it is not open. */
  async startCardPayment(ctx: RequestContext, order: OrderEntity, now = new Date()): Promise<string | null> {
    const sellerOrders = await this.orders.sellerOrdersOf(ctx, [order.id]);
    const names = await this.sellers.findByIds(ctx, sellerOrders.map((so) => so.sellerId));
    const lines = sellerOrders.map((so) => ({ name: `Pesanan ${so.code} dari ${names.get(so.sellerId)?.displayName ?? 'penjual'} (barang dan ongkir)`, amountIdr: so.totalIdr }));
    return this.payments.checkoutUrl(ctx, order.id, lines, order.contactEmail, now);
  }

  private async insert(
    ctx: RequestContext,
    p: { input: PlaceOrderInput; key: string; contact: Contact; address: ValidAddress; groups: Group[]; chosen: Map<string, ShippingQuote>; shippingTotal: bigint; now: Date; isDemo: boolean },
  ): Promise<OrderEntity> {
    const { input, address, now } = p;
    const cod = input.paymentMethod === PaymentMethod.COD;
    const deadline = cod ? null : new Date(now.getTime() + (input.paymentMethod === PaymentMethod.CARD ? CARD_PAYMENT_MINUTES * 60_000 : BANK_TRANSFER_HOURS * 3_600_000));
    let code = newOrderCode();
    while (await this.orders.codeTaken(ctx, code)) code = newOrderCode();
    const order = await this.orders.insertOrderOnce(ctx, {
      code,
      idempotencyKey: p.key,
      buyerUserId: ctx.personOrNull?.userId ?? null,
      contactName: p.contact.name,
      contactPhone: p.contact.phone,
      contactEmail: p.contact.email,
      recipientName: address.recipientName,
      recipientPhone: address.phone,
      villageCode: address.villageCode,
      village: address.village,
      district: address.district,
      regency: address.regency,
      province: address.province,
      postalCode: address.postalCode,
      street: address.street,
      destinationZone: zoneOfVillage(address.villageCode),
      paymentMethod: input.paymentMethod,
      status: cod ? OrderStatus.CASH_ON_DELIVERY : OrderStatus.PENDING_PAYMENT,
      itemsTotalIdr: 0n,
      shippingTotalIdr: p.shippingTotal,
      uniqueCodeIdr: 0n,
      totalIdr: 0n,
      placedAt: now,
      paymentDeadline: deadline,
      isDemo: p.isDemo,
    });
    // The same key at the same moment: the other call placed it; return that one.
    if (!order) {
      const other = await this.orders.findByIdempotencyKey(ctx, p.key);
      const replayed = other && (await this.replay(ctx, other, input));
      if (!replayed || !('code' in replayed)) throw new Abort(replayed ?? new IdempotencyKeyReusedError());
      return replayed;
    }

    // Lock order: by product id, so two orders of the same products never wait on each other in a circle.
    const taken = new Map<string, CheckoutProduct>();
    for (const { item } of p.groups.flatMap((group) => group.items).sort((a, b) => a.item.productId.localeCompare(b.item.productId))) {
      const product = await this.catalog.takeStock(ctx, item.productId, item.quantity);
      if (!product) {
        const now = (await this.catalog.checkoutProducts(ctx, [item.productId])).get(item.productId);
        throw new Abort(now?.onSale ? new InsufficientStockError(item.productId, now.stock) : new ProductUnavailableError(item.productId));
      }
      taken.set(item.productId, product);
    }

    // The commission of each line is frozen now: a rule changed later never touches what she sold.
    const rates = await this.money.ratesFor(ctx, [...taken.values()], now);
    const status = cod ? SellerOrderStatus.CASH_ON_DELIVERY : SellerOrderStatus.PENDING_PAYMENT;
    let itemsTotal = 0n;
    for (const [index, group] of p.groups.entries()) {
      const quote = p.chosen.get(group.seller.id)!;
      const lines = group.items.map(({ item }) => {
        const product = taken.get(item.productId)!;
        const rate = rates.get(product.id)!;
        return {
          productId: product.id,
          title: product.title,
          unitPriceIdr: product.priceIdr,
          quantity: item.quantity,
          weightGrams: product.weightGrams,
          lineTotalIdr: product.priceIdr * BigInt(item.quantity),
          commissionRuleId: rate.ruleId,
          commissionRateBasisPoints: rate.rateBasisPoints,
          commissionFloorIdr: rate.floorIdr,
          commissionCapIdr: rate.capIdr,
        };
      });
      const groupItems = lines.reduce((sum, line) => sum + line.lineTotalIdr, 0n);
      itemsTotal += groupItems;
      const sellerOrder = await this.orders.createSellerOrder(ctx, {
        orderId: order.id,
        sellerId: group.seller.id,
        code: `${code}-${index + 1}`,
        status,
        placedAt: now,
        itemsTotalIdr: groupItems,
        shippingIdr: quote.priceIdr,
        totalIdr: groupItems + quote.priceIdr,
        shippingCode: quote.code,
        shippingKind: quote.kind,
        shippingLabel: quote.label,
        etaMinDays: quote.etaMinDays,
        etaMaxDays: quote.etaMaxDays,
        chargeableWeightGrams: group.weightGrams,
      });
      await this.orders.insertLines(ctx, lines.map((line) => ({ ...line, sellerOrderId: sellerOrder.id })));
      await this.orders.insertEvent(ctx, { orderId: order.id, sellerOrderId: sellerOrder.id, fromStatus: null, toStatus: status, action: 'PLACED', ...eventActor(ctx, false), at: now });
      // A prepaid order reaches the seller when it is paid; a COD one is hers to pack at once.
      if (cod && group.seller.whatsappNumber) {
        await this.notifications.enqueue(ctx, {
          channel: OutboxChannel.WHATSAPP,
          recipient: group.seller.whatsappNumber,
          body: orderMessages.newToSeller({ code: sellerOrder.code, itemsTotalIdr: groupItems, buyerName: p.contact.name, buyerPhone: p.contact.phone, storefront: this.config.storefrontUrl, cod }),
        });
      }
    }

    const agreed = input.acceptedTotalIdr;
    const beforeCode = itemsTotal + p.shippingTotal;
    if (agreed !== undefined && agreed !== null && agreed !== beforeCode) throw new Abort(new TotalChangedError(beforeCode));
    order.itemsTotalIdr = itemsTotal;
    if (input.paymentMethod === PaymentMethod.BANK_TRANSFER) order.uniqueCodeIdr = await this.uniqueCode(ctx, beforeCode);
    order.totalIdr = beforeCode + order.uniqueCodeIdr;
    await this.orders.saveOrder(ctx, order);
    await this.orders.insertEvent(ctx, { orderId: order.id, sellerOrderId: null, fromStatus: null, toStatus: order.status, action: 'PLACED', ...eventActor(ctx, false), at: now });

    if (input.paymentMethod === PaymentMethod.CARD) await this.payments.openCardPayment(ctx, { orderId: order.id, orderCode: code, amountIdr: order.totalIdr, deadline: deadline! });
    if (input.paymentMethod === PaymentMethod.BANK_TRANSFER) await this.payments.openBankTransfer(ctx, { orderId: order.id, orderCode: code, amountIdr: order.totalIdr, deadline: deadline! });
    if (deadline) await this.jobs.send(ctx, ORDER_TIMERS, { kind: 'expire', id: order.id }, { startAfter: deadline });
    const cartId = input.lines?.length ? null : (await this.cart.items(ctx, input.cartId ?? null))?.cartId;
    if (cartId) await this.cart.removeOrdered(ctx, cartId, [...taken.keys()]);
    await this.notifications.enqueue(ctx, { channel: OutboxChannel.WHATSAPP, recipient: p.contact.phone, body: orderMessages.placedToBuyer({ code, totalIdr: order.totalIdr, deadline, storefront: this.config.storefrontUrl }) });
    return order;
  }

  /** Rp 1–999 making this amount unique among open transfers, so the statement tells who paid. */
  private async uniqueCode(ctx: RequestContext, amount: bigint): Promise<bigint> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = BigInt(1 + Math.floor(Math.random() * 999));
      if (!(await this.payments.transferAmountTaken(ctx, amount + code))) return code;
    }
    return BigInt(1 + Math.floor(Math.random() * 999));
  }

  /** The same key again: the same caller gets her order back; anyone else learns nothing of it. */
  private async replay(ctx: RequestContext, order: OrderEntity, input: PlaceOrderInput): Promise<OrderEntity | ErrorResult> {
    const person = ctx.personOrNull;
    const same = person ? order.buyerUserId === person.userId : order.buyerUserId === null && order.contactPhone === normalizeIndonesianPhone(input.contact.phone);
    return same ? order : new IdempotencyKeyReusedError();
  }

  private async addressOf(ctx: RequestContext, input: PlaceOrderInput): Promise<ValidAddress | InvalidInputError> {
    if (input.savedAddressId) {
      if (!ctx.personOrNull) return new InvalidInputError('input.savedAddressId', 'UNKNOWN_OPTION', 'Saved addresses need a signed-in buyer');
      return (await this.addresses.savedAddress(ctx, input.savedAddressId)) ?? new InvalidInputError('input.savedAddressId', 'UNKNOWN_OPTION', 'No saved address of yours has this id');
    }
    if (!input.address) return new InvalidInputError('input.address', 'REQUIRED', 'Where does it go?');
    return this.addresses.validate(ctx, input.address, 'input.address');
  }

  private async itemsOf(ctx: RequestContext, input: { cartId?: string | null; lines?: Item[] | null }): Promise<Item[] | InvalidInputError> {
    let items: Item[];
    if (input.lines?.length) items = input.lines;
    else {
      const cart = await this.cart.items(ctx, input.cartId ?? null);
      if (!cart?.items.length) return new InvalidInputError('input.cartId', 'REQUIRED', 'The cart is empty');
      items = cart.items;
    }
    const merged = new Map<string, number>();
    for (const [index, item] of items.entries()) {
      if (!isUuid(item.productId)) return new InvalidInputError(`input.lines.${index}.productId`, 'UNKNOWN_OPTION', 'Not a product id');
      if (!Number.isInteger(item.quantity) || !within(item.quantity, CART_LINE_QUANTITY)) return new InvalidInputError(`input.lines.${index}.quantity`, 'OUT_OF_RANGE', 'Pieces per product', CART_LINE_QUANTITY);
      merged.set(item.productId, (merged.get(item.productId) ?? 0) + item.quantity);
    }
    if (merged.size > CART_MAX_LINES) return new InvalidInputError('input.lines', 'OUT_OF_RANGE', `At most ${CART_MAX_LINES} products`, { max: CART_MAX_LINES });
    return [...merged].map(([productId, quantity]) => ({ productId, quantity }));
  }

  /** The items by seller, in the order given, each group with its chargeable weight and shipping quotes from her kampung. */
  private async groups(ctx: RequestContext, items: Item[], destinationVillageCode: string): Promise<Group[] | ErrorResult> {
    const products = await this.catalog.checkoutProducts(ctx, items.map((item) => item.productId));
    const bySeller = new Map<string, { item: Item; product: CheckoutProduct }[]>();
    for (const item of items) {
      const product = products.get(item.productId);
      if (!product?.onSale) return new ProductUnavailableError(item.productId);
      if (product.stock < item.quantity) return new InsufficientStockError(item.productId, product.stock);
      bySeller.set(product.sellerId, [...(bySeller.get(product.sellerId) ?? []), { item, product }]);
    }
    const sellers = await this.sellers.findByIds(ctx, [...bySeller.keys()]);
    const kampungs = await this.kampung.findByIds(ctx, [...new Set([...sellers.values()].map((seller) => seller.kampungId))]);
    const groups: Group[] = [];
    for (const [sellerId, groupItems] of bySeller) {
      const seller = sellers.get(sellerId)!;
      const originVillageCode = kampungs.get(seller.kampungId)!.kemendagriCode;
      const weightGrams = chargeableWeightGrams(groupItems.map(({ item, product }) => ({ ...product, quantity: item.quantity })));
      const quotes = await this.shipping.quote(ctx, { originVillageCode, destinationVillageCode, weightGrams });
      groups.push({ seller, originVillageCode, items: groupItems, weightGrams, quotes });
    }
    return groups;
  }
}

interface Contact {
  name: string;
  phone: string;
  email: string | null;
}

function validateContact(input: { name: string; phone: string; email?: string | null }): Contact | InvalidInputError {
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!within(name.length, DISPLAY_NAME_LENGTH)) return new InvalidInputError('input.contact.name', name ? 'TOO_LONG' : 'REQUIRED', 'Name length', DISPLAY_NAME_LENGTH);
  const phone = normalizeIndonesianPhone(input.phone);
  if (!phone) return new InvalidInputError('input.contact.phone', input.phone.trim() ? 'BAD_FORMAT' : 'REQUIRED', 'An Indonesian mobile (WhatsApp) number');
  const email = input.email?.trim() ? normalizeEmail(input.email) : null;
  if (input.email?.trim() && !email) return new InvalidInputError('input.contact.email', 'BAD_FORMAT', 'Not an email address');
  return { name, phone, email };
}

const itemsTotal = (group: Group) => group.items.reduce((sum, { item, product }) => sum + product.priceIdr * BigInt(item.quantity), 0n);

/** COD only where every piece allows it, the parcel stays in Balikpapan, and the total is within the cap. */
function codRefusal(groups: Group[], villageCode: string, totalIdr: bigint): CodRefusal | null {
  if (zoneOfVillage(villageCode) !== ShippingZone.BALIKPAPAN) return 'NOT_IN_BALIKPAPAN';
  if (!groups.every((group) => group.items.every(({ product }) => product.codAllowed))) return 'SELLER_DOES_NOT_ALLOW';
  if (totalIdr > COD_MAX_TOTAL_IDR) return 'OVER_LIMIT';
  return null;
}
