import { Args, Context, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated } from '../../common/auth/auth.decorators.js';
import { Ctx } from '../../common/context/ctx.decorator.js';
import type { RequestContext } from '../../common/context/request-context.js';
import { Transaction } from '../../common/context/transaction.interceptor.js';
import type { GraphQLContext } from '../../common/dataloader/request-loaders.js';
import { InvalidInputError, NotFoundError, resultUnion, type ErrorResult, EntityKind } from '../../common/errors/error-result.js';
import { RupiahScalar } from '../../common/graphql/scalars.js';
import { OrderLookupLimit } from './order-lookup-limit.js';
import { Role } from '../accounts/models/role.enum.js';
import { InsufficientStockError, ProductUnavailableError } from '../cart/models/cart.model.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { Product } from '../catalog/models/product.model.js';
import { OrderPayment } from '../payments/models/payment.model.js';
import { PaymentMethod } from '../payments/models/payment.enums.js';
import { PaymentsService } from '../payments/payments.service.js';
import { Seller } from '../sellers/models/seller.model.js';
import { SellerDirectoryService } from '../sellers/seller-directory.service.js';
import { CheckoutService } from './checkout.service.js';
import {
  AmountMismatchError,
  CheckoutQuote,
  CheckoutQuoteGroup,
  CheckoutQuoteInput,
  CodNotAvailableError,
  IdempotencyKeyReusedError,
  Order,
  OrderConnection,
  OrderEvent,
  OrderLine,
  OwedRefund,
  RefundInProgress,
  PlaceOrderInput,
  SellerOrder,
  SellerOrderConnection,
  toOrderModel,
  TotalChangedError,
  TransitionNotAllowedError,
} from './models/order.model.js';
import { OrderStatus, SellerOrderStatus } from './order-status.js';
import { OrdersService } from './orders.service.js';

export const PlaceOrderResult = resultUnion('PlaceOrderResult', Order, [InvalidInputError, ProductUnavailableError, InsufficientStockError, CodNotAvailableError, TotalChangedError, IdempotencyKeyReusedError]);
export const CheckoutQuoteResult = resultUnion('CheckoutQuoteResult', CheckoutQuote, [InvalidInputError, ProductUnavailableError, InsufficientStockError]);
export const StartCardPaymentResult = resultUnion('StartCardPaymentResult', Order, [NotFoundError, TransitionNotAllowedError]);
export const CancelOrderResult = resultUnion('CancelOrderResult', Order, [NotFoundError, TransitionNotAllowedError]);
export const ResolveOrderFlagResult = resultUnion('ResolveOrderFlagResult', Order, [NotFoundError, TransitionNotAllowedError, InvalidInputError]);
export const ConfirmBankTransferResult = resultUnion('ConfirmBankTransferResult', Order, [NotFoundError, TransitionNotAllowedError, AmountMismatchError, IdempotencyKeyReusedError, InvalidInputError]);
const sellerOrderResult = (name: string) => resultUnion(name, SellerOrder, [NotFoundError, TransitionNotAllowedError, InvalidInputError, AmountMismatchError, IdempotencyKeyReusedError]);
export const StartSellerOrderProcessingResult = sellerOrderResult('StartSellerOrderProcessingResult');
export const MarkSellerOrderShippedResult = sellerOrderResult('MarkSellerOrderShippedResult');
export const ConfirmSellerOrderDeliveredResult = sellerOrderResult('ConfirmSellerOrderDeliveredResult');
export const CompleteSellerOrderResult = sellerOrderResult('CompleteSellerOrderResult');
export const CancelSellerOrderResult = sellerOrderResult('CancelSellerOrderResult');
export const RecordCodPaymentResult = sellerOrderResult('RecordCodPaymentResult');
export const RefundSellerOrderResult = sellerOrderResult('RefundSellerOrderResult');
export const RecordRefundReturnedResult = sellerOrderResult('RecordRefundReturnedResult');

const STAFF = [Role.ADMIN, Role.OFFICER, Role.FINANCE];

@Resolver(() => Order)
export class OrdersResolver {
  constructor(
    private readonly service: OrdersService,
    private readonly checkout: CheckoutService,
    private readonly payments: PaymentsService,
    private readonly lookups: OrderLookupLimit,
  ) {}

  @Query(() => CheckoutQuoteResult, { description: 'Shipping options per seller and whether COD is open, for the cart (or lines) and a destination' })
  checkoutQuote(@Ctx() ctx: RequestContext, @Args('input', { type: () => CheckoutQuoteInput }) input: CheckoutQuoteInput): Promise<CheckoutQuote | ErrorResult> {
    return this.checkout.quote(ctx, input);
  }

  // No @Transaction(): the service opens its own (an expected refusal inside rolls it back), and makes the card session after the commit.
  @Mutation(() => PlaceOrderResult, { description: 'Places the order: server-side prices, stock reserved, one seller order per seller. The same idempotencyKey again returns the same order' })
  placeOrder(
    @Ctx() ctx: RequestContext,
    @Args('input', { type: () => PlaceOrderInput }) input: PlaceOrderInput,
    @Args('idempotencyKey', { type: () => String, description: 'A new random key per checkout form (a UUID)' }) idempotencyKey: string,
  ): Promise<Order | ErrorResult> {
    return this.checkout.placeOrder(ctx, input, idempotencyKey).then((result) => ('code' in result ? toOrderModel(result) : result));
  }

  @Query(() => Order, { nullable: true, description: 'An order by its code: his own when signed in, a guest\'s with its phone, any for staff. Failed look-ups by others than staff are rate-limited per address' })
  async order(
    @Ctx() ctx: RequestContext,
    @Args('code', { type: () => String }) code: string,
    @Args('phone', { type: () => String, nullable: true }) phone: string | null,
    @Context() gql: GraphQLContext,
  ): Promise<Order | null> {
    const find = () => this.service.findOrder(ctx, code, phone ?? null);
    // Staff may list every order: a code they mistype reveals nothing, so their look-ups are not counted.
    const order = ctx.hasRole(...STAFF) ? await find() : await this.lookups.lookUp(gql.req.clientAddress, find);
    return order && toOrderModel(order);
  }

  @Authenticated()
  @Query(() => OrderConnection, { description: 'The signed-in buyer\'s orders, newest first' })
  myOrders(@Ctx() ctx: RequestContext, @Args('first', { type: () => Int, defaultValue: 20 }) first: number, @Args('after', { type: () => String, nullable: true }) after: string | null) {
    return this.service.myOrders(ctx, first, after ?? null);
  }

  @Authenticated(...STAFF)
  @Query(() => OrderConnection, { description: 'Staff: every order, newest first, filtered' })
  orders(
    @Ctx() ctx: RequestContext,
    @Args('statuses', { type: () => [OrderStatus], nullable: true }) statuses: OrderStatus[] | null,
    @Args('paymentMethod', { type: () => PaymentMethod, nullable: true }) paymentMethod: PaymentMethod | null,
    @Args('sellerId', { type: () => ID, nullable: true }) sellerId: string | null,
    @Args('code', { type: () => String, nullable: true }) code: string | null,
    @Args('flagged', { type: () => Boolean, nullable: true }) flagged: boolean | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    return this.service.allOrders(ctx, { statuses, paymentMethod, code: code?.trim().toUpperCase() || null, flagged, sellerIds: sellerId ? [sellerId] : null }, first, after ?? null);
  }

  @Authenticated(Role.ADMIN, Role.FINANCE)
  @Query(() => [Order], { description: 'Bank transfers waiting for confirmation, the nearest deadline first' })
  bankTransferQueue(@Ctx() ctx: RequestContext, @Args('first', { type: () => Int, defaultValue: 50 }) first: number): Promise<Order[]> {
    return this.service.transferQueue(ctx, Math.min(Math.max(first, 1), 200));
  }

  @Mutation(() => StartCardPaymentResult, { description: 'Opens (or reopens) Stripe\'s hosted page for an unpaid card order: payment.checkoutUrl' })
  async startCardPayment(@Ctx() ctx: RequestContext, @Args('code', { type: () => String }) code: string, @Args('phone', { type: () => String, nullable: true }) phone: string | null): Promise<Order | ErrorResult> {
    const order = await this.service.findOrder(ctx, code, phone ?? null);
    if (!order) return new NotFoundError(EntityKind.ORDER);
    if (!(await this.checkout.startCardPayment(ctx, order))) return new TransitionNotAllowedError(order.status, 'This order cannot be paid by card now');
    return toOrderModel(order);
  }

  @Mutation(() => CancelOrderResult, { description: 'The buyer cancels an unpaid order (a guest with its phone); the stock goes back' })
  cancelOrder(@Ctx() ctx: RequestContext, @Args('code', { type: () => String }) code: string, @Args('phone', { type: () => String, nullable: true }) phone: string | null): Promise<Order | ErrorResult> {
    return this.service.cancelOrder(ctx, code, phone ?? null);
  }

  @Authenticated(Role.ADMIN, Role.FINANCE)
  @Mutation(() => ConfirmBankTransferResult, { description: 'Finance saw the transfer on the statement: the order is PAID. The same idempotencyKey again changes nothing' })
  confirmBankTransfer(
    @Ctx() ctx: RequestContext,
    @Args('orderId', { type: () => ID }) orderId: string,
    @Args('amountIdr', { type: () => RupiahScalar }) amountIdr: bigint,
    @Args('bankReference', { type: () => String }) bankReference: string,
    @Args('idempotencyKey', { type: () => String }) idempotencyKey: string,
  ): Promise<Order | ErrorResult> {
    return this.service.confirmBankTransfer(ctx, orderId, amountIdr, bankReference, idempotencyKey);
  }

  @Authenticated(Role.ADMIN, Role.FINANCE)
  @Mutation(() => ResolveOrderFlagResult, { description: 'Staff dealt with what the order was flagged for (note: what was done): the flag is cleared, the timeline keeps both' })
  resolveOrderFlag(@Ctx() ctx: RequestContext, @Args('orderId', { type: () => ID }) orderId: string, @Args('note', { type: () => String }) note: string): Promise<Order | ErrorResult> {
    return this.service.resolveFlag(ctx, orderId, note);
  }

  @ResolveField(() => [SellerOrder])
  sellerOrders(order: Order, _args: unknown, { requestContext: ctx, loaders }: GraphQLContext): Promise<SellerOrder[]> {
    return loaders.get('sellerOrdersByOrderId', (ids: readonly string[]) => this.service.sellerOrdersOfOrders(ctx, ids), [] as SellerOrder[]).load(order.id);
  }

  @ResolveField(() => OrderPayment, { nullable: true, description: 'Card or bank transfer; null for cash on delivery' })
  payment(order: Order, _args: unknown, { requestContext: ctx, loaders }: GraphQLContext): Promise<OrderPayment | null> {
    return loaders.get('paymentByOrderId', (ids: readonly string[]) => this.payments.forOrders(ctx, ids), null as OrderPayment | null).load(order.id);
  }

  @ResolveField(() => [OrderEvent], { description: 'The order\'s own steps (placed, paid, expired…); each seller order has its timeline' })
  timeline(order: Order, _args: unknown, gql: GraphQLContext): Promise<OrderEvent[]> {
    return this.eventsOf(gql, order.id).then((events) => events.filter((event) => event.sellerOrderId === null));
  }

  private eventsOf({ requestContext: ctx, loaders }: GraphQLContext, orderId: string): Promise<OrderEvent[]> {
    return loaders.get('eventsByOrderId', (ids: readonly string[]) => this.service.eventsOfOrders(ctx, ids), [] as OrderEvent[]).load(orderId);
  }
}

@Resolver(() => SellerOrder)
export class SellerOrdersResolver {
  constructor(
    private readonly orders: OrdersService,
    private readonly sellers: SellerDirectoryService,
  ) {}

  @Authenticated()
  @Query(() => SellerOrderConnection, { description: 'Her seller orders (a pendamping or admin names the seller), newest first; statuses filters' })
  sellerOrders(
    @Ctx() ctx: RequestContext,
    @Args('sellerId', { type: () => ID, nullable: true }) sellerId: string | null,
    @Args('statuses', { type: () => [SellerOrderStatus], nullable: true }) statuses: SellerOrderStatus[] | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    return this.orders.sellerOrders(ctx, sellerId ?? null, statuses ?? null, first, after ?? null);
  }

  @Authenticated()
  @Query(() => SellerOrder, { nullable: true, description: 'One seller order (packing slip): for those acting for its seller, its buyer, staff; null for others' })
  sellerOrder(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<SellerOrder | null> {
    return this.orders.sellerOrder(ctx, id);
  }

  @Transaction()
  @Authenticated()
  @Mutation(() => StartSellerOrderProcessingResult, { description: 'She starts packing' })
  startSellerOrderProcessing(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.orders.startProcessing(ctx, id);
  }

  @Transaction()
  @Authenticated()
  @Mutation(() => MarkSellerOrderShippedResult, { description: 'Shipped: courier and resi for a courier parcel; ready at the kampung or out with the pendamping need neither' })
  markSellerOrderShipped(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('courier', { type: () => String, nullable: true }) courier: string | null,
    @Args('trackingNumber', { type: () => String, nullable: true }) trackingNumber: string | null,
  ) {
    return this.orders.ship(ctx, id, courier ?? null, trackingNumber ?? null);
  }

  @Transaction()
  @Mutation(() => ConfirmSellerOrderDeliveredResult, { description: '"Pesanan diterima": the buyer (a guest with the order\'s phone) confirms the parcel arrived' })
  confirmSellerOrderDelivered(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string, @Args('phone', { type: () => String, nullable: true }) phone: string | null) {
    return this.orders.confirmDelivered(ctx, id, phone ?? null);
  }

  @Transaction()
  @Authenticated()
  @Mutation(() => CompleteSellerOrderResult)
  completeSellerOrder(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.orders.complete(ctx, id);
  }

  // No @Transaction(): the refund that follows a paid cancellation calls Stripe between its own transactions.
  @Authenticated()
  @Mutation(() => CancelSellerOrderResult, { description: 'She cancels her part before shipping, saying why; what was paid for it is refunded' })
  cancelSellerOrder(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string, @Args('reason', { type: () => String }) reason: string) {
    return this.orders.sellerCancel(ctx, id, reason);
  }

  @Transaction()
  @Authenticated()
  @Mutation(() => RecordCodPaymentResult, { description: 'Cash on delivery: the seller or her pendamping records the cash received (the exact total); the same key again changes nothing' })
  recordCodPayment(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('amountIdr', { type: () => RupiahScalar }) amountIdr: bigint,
    @Args('idempotencyKey', { type: () => String }) idempotencyKey: string,
  ) {
    return this.orders.collectCash(ctx, id, amountIdr, idempotencyKey);
  }

  // No @Transaction(): a card refund is committed, asked of Stripe, then recorded.
  @Authenticated(Role.ADMIN, Role.FINANCE)
  @Mutation(() => RefundSellerOrderResult, { description: 'Gives back (part of) a seller order: by Stripe for a card (charge.refunded reconciles), recorded for a transfer or cash' })
  refundSellerOrder(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('amountIdr', { type: () => RupiahScalar }) amountIdr: bigint,
    @Args('reason', { type: () => String }) reason: string,
    @Args('idempotencyKey', { type: () => String }) idempotencyKey: string,
  ) {
    return this.orders.refund(ctx, id, amountIdr, reason, idempotencyKey);
  }

  @Authenticated(Role.ADMIN, Role.FINANCE)
  @Query(() => [OwedRefund], { description: "Card refunds the card's bank turned down, owed to the buyer by bank transfer: finance's list, the oldest first" })
  refundsOwedByHand(@Ctx() ctx: RequestContext, @Args('first', { type: () => Int, defaultValue: 50 }) first: number): Promise<OwedRefund[]> {
    return this.orders.owedRefunds(ctx, first);
  }

  @Authenticated(Role.ADMIN, Role.FINANCE)
  @Query(() => [RefundInProgress], { description: 'Refunds not finished yet (Stripe has not answered or settled them, or they are not on their seller order yet), the oldest first: their jobs are at them' })
  refundsInProgress(@Ctx() ctx: RequestContext, @Args('first', { type: () => Int, defaultValue: 50 }) first: number): Promise<RefundInProgress[]> {
    return this.orders.refundsInProgress(ctx, first);
  }

  @Authenticated(Role.ADMIN, Role.FINANCE)
  @Mutation(() => RecordRefundReturnedResult, { description: 'Finance sent a failed card refund to the buyer by bank transfer, with its reference. The same reference again changes nothing' })
  recordRefundReturned(@Ctx() ctx: RequestContext, @Args('refundId', { type: () => ID }) refundId: string, @Args('bankReference', { type: () => String }) bankReference: string) {
    return this.orders.recordRefundReturned(ctx, refundId, bankReference);
  }

  @ResolveField(() => Seller)
  seller(so: SellerOrder, _args: unknown, { requestContext: ctx, loaders }: GraphQLContext): Promise<Seller | null> {
    return loaders.get('sellerById', (ids: readonly string[]) => this.sellers.findByIds(ctx, ids), null as Seller | null).load(so.sellerId);
  }

  @ResolveField(() => [OrderEvent], { description: 'Her part\'s steps, oldest first, with who made each (onBehalf: "dibantu oleh …")' })
  async timeline(so: SellerOrder, _args: unknown, { requestContext: ctx, loaders }: GraphQLContext): Promise<OrderEvent[]> {
    const events = await loaders.get('eventsByOrderId', (ids: readonly string[]) => this.orders.eventsOfOrders(ctx, ids), [] as OrderEvent[]).load(so.orderId);
    return events.filter((event) => event.sellerOrderId === so.id);
  }
}

@Resolver(() => OrderLine)
export class OrderLineResolver {
  constructor(private readonly catalog: CatalogService) {}

  @ResolveField(() => Product, { nullable: true, description: 'The product as it is now (any status)' })
  product(line: OrderLine, _args: unknown, { requestContext: ctx, loaders }: GraphQLContext): Promise<Product | null> {
    return loaders.get('anyProductById', (ids: readonly string[]) => this.catalog.productsByIds(ctx, ids), null as Product | null).load(line.productId);
  }
}

@Resolver(() => CheckoutQuoteGroup)
export class CheckoutQuoteGroupResolver {
  constructor(private readonly sellers: SellerDirectoryService) {}

  @ResolveField(() => Seller)
  seller(group: CheckoutQuoteGroup, _args: unknown, { requestContext: ctx, loaders }: GraphQLContext): Promise<Seller | null> {
    return loaders.get('sellerById', (ids: readonly string[]) => this.sellers.findByIds(ctx, ids), null as Seller | null).load(group.sellerId);
  }
}
