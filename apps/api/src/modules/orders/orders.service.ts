import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AUTO_COMPLETE_DAYS, AUTO_DELIVER_DAYS, BANK_REFERENCE_LENGTH, CANCEL_REASON_LENGTH, IDEMPOTENCY_KEY_LENGTH, normalizeIndonesianPhone, TRACKING_NUMBER_LENGTH, within } from '@karya-ibu/types/rules';
import { formatRupiah } from '@karya-ibu/types/money';
import type { RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { InvalidInputError, isErrorResult, NotFoundError, type ErrorResult, EntityKind } from '../../common/errors/error-result.js';
import { badInput, firstWithin } from '../../common/errors/user-errors.js';
import { decodeCursor, encodeCursor, InvalidCursorError } from '../../common/graphql/cursor.js';
import { isUuid } from '../../common/graphql/ids.js';
import { APP_CONFIG, type RuntimeConfig } from '../../config/runtime-config.js';
import { JobQueue } from '../../infra/jobs/job-queue.js';
import { Role } from '../accounts/models/role.enum.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { OutboxChannel } from '../notifications/models/outbox-channel.enum.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { PaymentMethod, RefundStatus } from '../payments/models/payment.enums.js';
import { PaymentsService, refundStage, refundWasMade, type PaymentFlag, type Refund, type RefundFailure, type Settlement } from '../payments/payments.service.js';
import { SellerAccessService } from '../sellers/seller-access.service.js';
import { SellerDirectoryService } from '../sellers/seller-directory.service.js';
import type { OrderEntity } from './entities/order.entity.js';
import type { SellerOrderEntity } from './entities/seller-order.entity.js';
import { OrderMoney } from './order-money.js';
import { orderMessages, refundFailureReason } from './order-messages.js';
import { eventActor, ORDER_TIMERS, REFUND_FINISH_DELAY_MS, REFUNDS_TO_FINISH, type OrderTimer } from './order-events.js';
import { ORDER_CODE_PATTERN } from './order-code.js';
import { OrderRepository, type Keyset, type OrderFilter } from './order.repository.js';
import { nextOrderStatus, nextSellerOrderStatus, OrderStatus, SellerOrderStatus, sellerOrderActions, type SellerOrderAction } from './order-status.js';
import { AmountMismatchError, IdempotencyKeyReusedError, toOrderEvent, toOrderLine, toOrderModel, toSellerOrderModel, TransitionNotAllowedError, type Order, type OrderEvent, type OwedRefund, type RefundInProgress, type SellerOrder } from './models/order.model.js';

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const STAFF = [Role.ADMIN, Role.OFFICER, Role.FINANCE];
const notFound = () => new NotFoundError(EntityKind.ORDER);
const DAY = 86_400_000;

/**
 * Orders after placing: who may see which (a buyer his own, a seller her own part, a pendamping her
 * kampung's sellers', staff all), and every transition under the row lock of what changes, recorded
 * with who made it. Payments reach it through the handlers it registers with PaymentsService.
 */
@Injectable()
export class OrdersService implements OnModuleInit {
  private readonly logger = new Logger('Orders');

  constructor(
    private readonly orders: OrderRepository,
    private readonly db: TransactionalConnection,
    private readonly catalog: CatalogService,
    private readonly sellers: SellerDirectoryService,
    private readonly access: SellerAccessService,
    private readonly payments: PaymentsService,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobQueue,
    private readonly money: OrderMoney,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  onModuleInit(): void {
    this.payments.onSettled((ctx, settlement) => this.markPaid(ctx, settlement));
    this.payments.onFlagged((ctx, flag) => this.flag(ctx, flag));
    this.payments.onRefundFailed((ctx, failure) => this.refundFailed(ctx, failure));
    this.jobs.register<OrderTimer>(ORDER_TIMERS, (ctx, timer) => this.db.withTransaction(ctx, (tx) => this.runTimer(tx, timer)), {
      actor: 'order-timer',
      expireInSeconds: 60,
      retryLimit: 5,
      retryDelaySeconds: 30,
      onGiveUp: async () => undefined,
    });
    this.jobs.register<{ refundId: string }>(REFUNDS_TO_FINISH, (ctx, { refundId }) => this.finishRefund(ctx, refundId), {
      actor: 'order-timer',
      // Stripe's client gives up on a request after 20 s and two retries.
      expireInSeconds: 120,
      // 15 s doubling: about four hours in all, well inside the 24 hours Stripe keeps an idempotency key.
      retryLimit: 10,
      retryDelaySeconds: 15,
      onGiveUp: (ctx, { refundId }) => this.refundGaveUp(ctx, refundId),
    });
  }

  // --- Reading.

  /** A buyer's own order (signed in), a guest's by its code and phone, or any for staff; null otherwise. */
  async findOrder(ctx: RequestContext, code: string, phone: string | null): Promise<OrderEntity | null> {
    const normalized = code.trim().toUpperCase();
    if (!ORDER_CODE_PATTERN.test(normalized)) return null;
    const order = await this.orders.findByCode(ctx, normalized);
    if (!order) return null;
    if (ctx.hasRole(...STAFF)) return order;
    const person = ctx.personOrNull;
    if (person && order.buyerUserId === person.userId) return order;
    const given = phone ? normalizeIndonesianPhone(phone) : null;
    return given && given === order.contactPhone ? order : null;
  }

  async myOrders(ctx: RequestContext, first: number, after: string | null): Promise<Page<Order>> {
    const keyset = toKeyset(first, after);
    return this.orderPage(await this.orders.pageOfOrders(ctx, { buyerUserId: ctx.person.userId }, keyset), keyset);
  }

  /** Staff: every order, filtered. */
  async allOrders(ctx: RequestContext, filter: OrderFilter, first: number, after: string | null): Promise<Page<Order>> {
    const keyset = toKeyset(first, after);
    return this.orderPage(await this.orders.pageOfOrders(ctx, filter, keyset), keyset);
  }

  /** Bank transfers to confirm, the nearest deadline first. */
  async transferQueue(ctx: RequestContext, first: number): Promise<Order[]> {
    const ids = await this.payments.pendingTransferOrderIds(ctx, first);
    const found = new Map((await this.orders.findOrdersByIds(ctx, ids)).map((order) => [order.id, order]));
    return ids.flatMap((id) => (found.has(id) ? [toOrderModel(found.get(id)!)] : []));
  }

  /** Her seller orders (she, her pendamping, an admin), newest first. */
  async sellerOrders(ctx: RequestContext, sellerId: string | null, statuses: SellerOrderStatus[] | null, first: number, after: string | null): Promise<Page<SellerOrder>> {
    const { seller } = await this.access.actingSeller(ctx, sellerId);
    const keyset = toKeyset(first, after);
    const rows = await this.orders.pageOfSellerOrders(ctx, seller.id, statuses, keyset);
    const page = rows.slice(0, keyset.first);
    const models = await this.sellerOrderModels(ctx, page);
    return pageOf(models.map((model, i) => ({ node: model, key: page[i] })), rows.length > keyset.first, keyset.after !== null);
  }

  /** One seller order, for those acting for her seller, its buyer, or staff. */
  async sellerOrder(ctx: RequestContext, id: string): Promise<SellerOrder | null> {
    const entity = isUuid(id) ? await this.orders.findSellerOrder(ctx, id) : null;
    if (!entity || !(await this.maySee(ctx, entity))) return null;
    return (await this.sellerOrderModels(ctx, [entity]))[0];
  }

  async sellerOrdersOfOrders(ctx: RequestContext, orderIds: readonly string[]): Promise<Map<string, SellerOrder[]>> {
    const models = await this.sellerOrderModels(ctx, await this.orders.sellerOrdersOf(ctx, orderIds));
    const grouped = new Map<string, SellerOrder[]>(orderIds.map((id) => [id, []]));
    for (const model of models) grouped.get(model.orderId)?.push(model);
    return grouped;
  }

  async eventsOfOrders(ctx: RequestContext, orderIds: readonly string[]): Promise<Map<string, OrderEvent[]>> {
    const grouped = new Map<string, OrderEvent[]>(orderIds.map((id) => [id, []]));
    for (const event of await this.orders.eventsOf(ctx, orderIds)) grouped.get(event.orderId)?.push(toOrderEvent(event));
    return grouped;
  }

  private async sellerOrderModels(ctx: RequestContext, entities: SellerOrderEntity[]): Promise<SellerOrder[]> {
    const orders = new Map((await this.orders.findOrdersByIds(ctx, [...new Set(entities.map((so) => so.orderId))])).map((order) => [order.id, order]));
    const lines = await this.orders.linesOf(ctx, entities.map((so) => so.id));
    return entities.map((so) =>
      toSellerOrderModel(so, orders.get(so.orderId)!, lines.filter((line) => line.sellerOrderId === so.id).map(toOrderLine), sellerOrderActions(so.status)),
    );
  }

  private async maySee(ctx: RequestContext, sellerOrder: SellerOrderEntity): Promise<boolean> {
    if (ctx.hasRole(...STAFF)) return true;
    const person = ctx.personOrNull;
    if (!person) return false;
    const [order] = await this.orders.findOrdersByIds(ctx, [sellerOrder.orderId]);
    if (order?.buyerUserId === person.userId) return true;
    return (await this.access.actingSellers(ctx, [sellerOrder.sellerId])).has(sellerOrder.sellerId);
  }

  private orderPage(rows: OrderEntity[], keyset: Keyset): Page<Order> {
    const page = rows.slice(0, keyset.first);
    return pageOf(page.map((order) => ({ node: toOrderModel(order), key: order })), rows.length > keyset.first, keyset.after !== null);
  }

  // --- The buyer.

  /** The buyer cancels while unpaid (or before any cash-on-delivery parcel left): the stock goes back. */
  async cancelOrder(ctx: RequestContext, code: string, phone: string | null, now = new Date()): Promise<Order | ErrorResult> {
    const found = await this.findOrder(ctx, code, phone);
    if (!found) return notFound();
    return this.db.withTransaction(ctx, async (ctx) => {
      const order = (await this.orders.lockOrder(ctx, found.id))!;
      const next = nextOrderStatus(order.status, 'cancel');
      const sellerOrders = await this.orders.sellerOrdersOf(ctx, [order.id], true);
      if (!next || sellerOrders.some((so) => !nextSellerOrderStatus(so.status, 'buyer-cancel'))) return new TransitionNotAllowedError(order.status);
      await this.close(ctx, order, sellerOrders, next, 'buyer-cancel', 'CANCELLED', now);
      await this.notifyBuyer(ctx, order, orderMessages.cancelledToBuyer(order));
      for (const so of sellerOrders) await this.notifySeller(ctx, so.sellerId, orderMessages.cancelledToSeller(so));
      return toOrderModel(order);
    });
  }

  /** "Pesanan diterima": the buyer (or a guest with the order's phone) says the parcel arrived. */
  async confirmDelivered(ctx: RequestContext, sellerOrderId: string, phone: string | null, now = new Date()): Promise<SellerOrder | ErrorResult> {
    const entity = isUuid(sellerOrderId) ? await this.orders.findSellerOrder(ctx, sellerOrderId) : null;
    const [order] = entity ? await this.orders.findOrdersByIds(ctx, [entity.orderId]) : [];
    const person = ctx.personOrNull;
    const given = phone ? normalizeIndonesianPhone(phone) : null;
    // The buyer herself (signed in, or a guest with the order's phone), or an admin for her; no seller confirms her own delivery.
    const isBuyer = !!order && ((person !== null && order.buyerUserId === person.userId) || (given !== null && given === order.contactPhone));
    if (!entity || !order || !(isBuyer || ctx.hasRole(Role.ADMIN))) return notFound();
    return this.transition(ctx, entity.id, 'confirm-delivered', now, { onBehalf: false });
  }

  // --- Sales figures (the impact reports read them through MarketplaceFacts).

  hasPaidSales(ctx: RequestContext): Promise<boolean> {
    return this.orders.hasPaidSellerOrders(ctx);
  }

  buyerProvinces(ctx: RequestContext, sellerIds: readonly string[], fromMonth: string, toMonth: string) {
    return this.orders.buyerProvinces(ctx, sellerIds, fromMonth, toMonth);
  }

  saleOrdinal(ctx: RequestContext, sellerOrderId: string) {
    return isUuid(sellerOrderId) ? this.orders.saleOrdinal(ctx, sellerOrderId) : Promise.resolve(null);
  }

  // --- The seller, her pendamping, an admin.

  async startProcessing(ctx: RequestContext, id: string, now = new Date()): Promise<SellerOrder | ErrorResult> {
    return this.asSeller(ctx, id, (onBehalf) => this.transition(ctx, id, 'start-processing', now, { onBehalf }));
  }

  /** Shipped with its courier and resi (a courier parcel); picked up or out with the pendamping need neither. */
  async ship(ctx: RequestContext, id: string, courier: string | null, trackingNumber: string | null, now = new Date()): Promise<SellerOrder | ErrorResult> {
    return this.asSeller(ctx, id, async (onBehalf, entity) => {
      const resi = trackingNumber?.trim().replace(/\s+/g, '').toUpperCase() || null;
      const carrier = courier?.trim() || null;
      if (entity.shippingKind === 'COURIER') {
        if (!carrier) return new InvalidInputError('courier', 'REQUIRED', 'Which courier carries it');
        if (!resi || !within(resi.length, TRACKING_NUMBER_LENGTH) || !/^[A-Z0-9-]+$/.test(resi)) return new InvalidInputError('trackingNumber', resi ? 'BAD_FORMAT' : 'REQUIRED', 'The resi: letters and digits', TRACKING_NUMBER_LENGTH);
      }
      return this.transition(ctx, id, 'ship', now, {
        onBehalf,
        apply: (so) => Object.assign(so, { courier: carrier ?? so.shippingLabel, trackingNumber: resi, shippedAt: now }),
        after: async (ctx, so, order) => {
          await this.jobs.send(ctx, ORDER_TIMERS, { kind: 'deliver', id: so.id }, { startAfter: new Date(now.getTime() + AUTO_DELIVER_DAYS * DAY) });
          const seller = (await this.sellers.findByIds(ctx, [so.sellerId])).get(so.sellerId)!;
          await this.notifyBuyer(ctx, order, orderMessages.shippedToBuyer({ code: so.code, label: so.shippingLabel, courier: so.courier, trackingNumber: so.trackingNumber, sellerName: seller.displayName, sellerPhone: seller.whatsappNumber }));
        },
      });
    });
  }

  async complete(ctx: RequestContext, id: string, now = new Date()): Promise<SellerOrder | ErrorResult> {
    return this.asSeller(ctx, id, (onBehalf) => this.transition(ctx, id, 'complete', now, { onBehalf }));
  }

  /** She cancels her part before shipping, saying why; what was paid for it is refunded. */
  async sellerCancel(ctx: RequestContext, id: string, reason: string, now = new Date()): Promise<SellerOrder | ErrorResult> {
    const why = reason.trim().replace(/\s+/g, ' ');
    if (!within(why.length, CANCEL_REASON_LENGTH)) return new InvalidInputError('reason', why.length < CANCEL_REASON_LENGTH.min ? 'TOO_SHORT' : 'TOO_LONG', 'Say why, for the buyer', CANCEL_REASON_LENGTH);
    let refundId: string | null = null;
    const result = await this.asSeller(ctx, id, (onBehalf, entity) =>
      this.transition(ctx, id, 'seller-cancel', now, {
        // The payment's lock before the seller order's, as Stripe's webhooks take them: her refund is recorded under it.
        before: (ctx) => this.payments.lockOrderPayment(ctx, entity.orderId),
        onBehalf,
        note: why,
        apply: (so) => Object.assign(so, { cancelledAt: now, cancelReason: why }),
        after: async (ctx, so, order) => {
          const seller = (await this.sellers.findByIds(ctx, [so.sellerId])).get(so.sellerId)!;
          await this.notifyBuyer(ctx, order, orderMessages.sellerCancelledToBuyer({ code: so.code, sellerName: seller.displayName, reason: why, refund: order.status === OrderStatus.PAID }));
          // In the cancel's transaction: cancelled and owed its refund together, or neither.
          if (order.status !== OrderStatus.PAID || order.paymentMethod === PaymentMethod.COD) return;
          const recorded = await this.recordRefund(ctx, so, null, `Dibatalkan penjual: ${why}`, `seller-cancel:${so.id}`, now);
          if (!isErrorResult(recorded)) refundId = recorded.refundId;
        },
      }),
    );
    if (!refundId) return result;
    await this.finishRefundNow(ctx, refundId, now);
    return (await this.sellerOrder(ctx, id)) ?? result;
  }

  /** The cash was handed over: the seller order is delivered and paid; when all cash is in, the order is PAID. */
  async collectCash(ctx: RequestContext, id: string, amountIdr: bigint, idempotencyKey: string, now = new Date()): Promise<SellerOrder | ErrorResult> {
    const key = idempotencyKey.trim();
    if (!within(key.length, IDEMPOTENCY_KEY_LENGTH)) return new InvalidInputError('idempotencyKey', 'BAD_FORMAT', 'A random key of 16–100 characters', IDEMPOTENCY_KEY_LENGTH);
    return this.asSeller(ctx, id, (onBehalf) =>
      this.db.withTransaction(ctx, async (ctx) => {
        const so = (await this.orders.lockSellerOrder(ctx, id))!;
        const [order] = await this.orders.findOrdersByIds(ctx, [so.orderId]);
        if (order.paymentMethod !== PaymentMethod.COD) return new TransitionNotAllowedError(so.status, 'Only cash-on-delivery orders take cash');
        if (so.cashCollectedAt) return (await this.sellerOrderModels(ctx, [so]))[0];
        if (amountIdr !== so.totalIdr) return new AmountMismatchError(so.totalIdr);
        const recorded = await this.payments.recordCash(ctx, { orderId: order.id, orderCode: order.code, sellerOrderId: so.id, amountIdr, idempotencyKey: key }, now);
        if (recorded === 'key-reused') return new IdempotencyKeyReusedError();
        const next = nextSellerOrderStatus(so.status, 'collect-cash');
        if (!next) throw new Abort(new TransitionNotAllowedError(so.status));
        await this.record(ctx, so, next, 'CASH_COLLECTED', now, { onBehalf, note: null });
        const newlyDelivered = !so.deliveredAt;
        Object.assign(so, { status: next, cashCollectedAt: now, deliveredAt: so.deliveredAt ?? now });
        await this.orders.saveSellerOrder(ctx, so);
        // Cash in hand is the payment and the delivery at once: her share is pending for the hold, held as cash by whoever took it.
        await this.money.paid(ctx, { orderId: order.id, sellerOrders: [so], method: PaymentMethod.COD, providerReference: null, cashCollectedByUserId: ctx.person.userId, at: now });
        await this.money.delivered(ctx, so, so.deliveredAt!);
        if (newlyDelivered) await this.jobs.send(ctx, ORDER_TIMERS, { kind: 'complete', id: so.id }, { startAfter: new Date(now.getTime() + AUTO_COMPLETE_DAYS * DAY) });
        const all = await this.orders.sellerOrdersOf(ctx, [order.id]);
        if (all.every((other) => other.cashCollectedAt || other.status === SellerOrderStatus.CANCELLED)) {
          const locked = (await this.orders.lockOrder(ctx, order.id))!;
          const paid = nextOrderStatus(locked.status, 'collect-all-cash');
          if (paid) {
            await this.recordOrder(ctx, locked, paid, 'PAID', now);
            Object.assign(locked, { status: paid, paidAt: now });
            await this.orders.saveOrder(ctx, locked);
          }
        }
        return (await this.sellerOrderModels(ctx, [so]))[0];
      }).catch((error: unknown) => {
        if (error instanceof Abort) return error.result;
        throw error;
      }),
    );
  }

  // --- Finance.

  async confirmBankTransfer(ctx: RequestContext, orderId: string, amountIdr: bigint, bankReference: string, idempotencyKey: string, now = new Date()): Promise<Order | ErrorResult> {
    const reference = bankReference.trim();
    if (!within(reference.length, BANK_REFERENCE_LENGTH)) return new InvalidInputError('bankReference', reference ? 'TOO_LONG' : 'REQUIRED', 'The bank\'s reference of the transfer', BANK_REFERENCE_LENGTH);
    const key = idempotencyKey.trim();
    if (!within(key.length, IDEMPOTENCY_KEY_LENGTH)) return new InvalidInputError('idempotencyKey', 'BAD_FORMAT', 'A random key of 16–100 characters', IDEMPOTENCY_KEY_LENGTH);
    const [order] = isUuid(orderId) ? await this.orders.findOrdersByIds(ctx, [orderId]) : [];
    if (!order) return notFound();
    return this.db.withTransaction(ctx, async (ctx) => {
      const result = await this.payments.confirmBankTransfer(ctx, { orderId, amountIdr, bankReference: reference, idempotencyKey: key }, now);
      switch (result.kind) {
        case 'amount-mismatch':
          return new AmountMismatchError(result.expectedIdr);
        case 'key-reused':
          return new IdempotencyKeyReusedError();
        case 'not-pending':
          return new TransitionNotAllowedError(order.status, 'No bank transfer is waiting for this order');
        default:
          return toOrderModel((await this.orders.findOrdersByIds(ctx, [orderId]))[0]);
      }
    });
  }

  /** Staff give back (part of) a seller order; the idempotency key makes a repeat give nothing more. */
  async refund(ctx: RequestContext, sellerOrderId: string, amountIdr: bigint, reason: string, idempotencyKey: string, now = new Date()): Promise<SellerOrder | ErrorResult> {
    const why = reason.trim();
    if (!within(why.length, CANCEL_REASON_LENGTH)) return new InvalidInputError('reason', why.length < CANCEL_REASON_LENGTH.min ? 'TOO_SHORT' : 'TOO_LONG', 'Say why, for the buyer', CANCEL_REASON_LENGTH);
    const key = idempotencyKey.trim();
    if (!within(key.length, IDEMPOTENCY_KEY_LENGTH)) return new InvalidInputError('idempotencyKey', 'BAD_FORMAT', 'A random key of 16–100 characters', IDEMPOTENCY_KEY_LENGTH);
    const so = isUuid(sellerOrderId) ? await this.orders.findSellerOrder(ctx, sellerOrderId) : null;
    if (!so) return notFound();
    const recorded = await this.db.withTransaction(ctx, (ctx) => this.recordRefund(ctx, so, amountIdr, why, `refund:${key}`, now));
    if (isErrorResult(recorded)) return recorded;
    await this.finishRefundNow(ctx, recorded.refundId, now);
    // Refused outright by Stripe: said so (and flagged). Out of reach: it stays recorded, refundedIdr unchanged, and its job asks again.
    const refund = (await this.payments.refundsOfSellerOrders(ctx, [so.id])).find((r) => r.id === recorded.refundId)!;
    if (!refundWasMade(refund)) return new TransitionNotAllowedError(so.status, `Stripe refused this refund (${refund.failureReason})`);
    return (await this.sellerOrder(ctx, so.id))!;
  }

  /**
   * Records a refund in the caller's transaction, with the job that finishes it if the request cannot
   * (the process dies, Stripe is out of reach). `amountIdr` null: all that is left.
   */
  private async recordRefund(ctx: RequestContext, so: SellerOrderEntity, amountIdr: bigint | null, reason: string, key: string, now: Date): Promise<{ refundId: string } | ErrorResult> {
    const outcome = await this.payments.recordRefund(ctx, { orderId: so.orderId, sellerOrderId: so.id, paidIdr: so.totalIdr, amountIdr, reason, idempotencyKey: key }, now);
    switch (outcome.kind) {
      case 'nothing-paid':
        return new TransitionNotAllowedError(so.status, 'Nothing was paid for this seller order');
      case 'out-of-range':
        return new InvalidInputError('amountIdr', 'OUT_OF_RANGE', `From 1 to ${outcome.refundableIdr}`, { min: 1, max: Number(outcome.refundableIdr) });
      case 'key-reused':
        return new IdempotencyKeyReusedError();
      case 'recorded':
        await this.jobs.send(ctx, REFUNDS_TO_FINISH, { refundId: outcome.refund.id }, { startAfter: new Date(Date.now() + REFUND_FINISH_DELAY_MS) });
        return { refundId: outcome.refund.id };
      case 'replayed':
        return { refundId: outcome.refund.id };
    }
  }

  /** The request finishes its refund itself; when it cannot, the refund's job does, so nothing is lost. */
  private async finishRefundNow(ctx: RequestContext, refundId: string, now: Date): Promise<void> {
    await this.finishRefund(ctx, refundId, now).catch((error: Error) => this.logger.warn(`refund ${refundId} not finished (${error.message}): its job will try again`));
  }

  /** Asks Stripe for a card refund (once, by its key), then applies it to its seller order. Safe to repeat. */
  private async finishRefund(ctx: RequestContext, refundId: string, now = new Date()): Promise<void> {
    const { refusedNow } = await this.payments.sendRefund(ctx, refundId, now);
    await this.db.withTransaction(ctx, async (ctx) => {
      // The refund's lock before the seller order's, as the card's webhooks take them.
      const refund = (await this.payments.lockRefund(ctx, refundId))!;
      const so = (await this.orders.lockSellerOrder(ctx, refund.sellerOrderId))!;
      await this.applyRefund(ctx, so, refund, now);
      // Nobody may be watching (a cancellation, its job): the money she is owed must not be forgotten.
      if (refusedNow) await this.flag(ctx, { orderId: refund.orderId, paymentId: refund.paymentId, reason: `Stripe menolak pengembalian dana ${formatRupiah(refund.amountIdr)} (${refund.failureReason}): periksa di Stripe, lalu kembalikan lewat transfer bila perlu` });
    });
  }

  /**
   * Applies a made refund to its seller order, once (under both locks): posted to the ledger, counted
   * in refundedIdr, on her timeline, and the buyer told. A failure the card's bank reported before
   * this is posted after it. A card refund not asked of Stripe yet, or refused at once, waits or is skipped.
   */
  private async applyRefund(ctx: RequestContext, so: SellerOrderEntity, refund: Refund, now: Date): Promise<void> {
    if (refund.appliedAt || !refundWasMade(refund) || (refund.status === RefundStatus.PENDING && !refund.stripeRefundId)) return;
    await this.money.refunded(ctx, refund, so.cashCollectedAt ? await this.payments.cashHolderOf(ctx, so.id) : null);
    if (refund.failedAt) await this.money.refundFailed(ctx, refund.id, refund.failedAt);
    await this.payments.markRefundApplied(ctx, refund, now);
    so.refundedIdr += refund.amountIdr;
    await this.orders.saveSellerOrder(ctx, so);
    await this.record(ctx, so, so.status, 'REFUNDED', now, { onBehalf: false, note: `${formatRupiah(refund.amountIdr)}: ${refund.reason}` });
    const [order] = await this.orders.findOrdersByIds(ctx, [so.orderId]);
    await this.notifyBuyer(ctx, order, orderMessages.refundedToBuyer({ code: so.code, amountIdr: refund.amountIdr }));
  }

  /** A refund whose job gave up (Stripe out of reach, or an error, on every try for hours): the order is flagged for a person to look at. */
  private async refundGaveUp(ctx: RequestContext, refundId: string): Promise<void> {
    await this.db.withTransaction(ctx, async (ctx) => {
      const refund = (await this.payments.lockRefund(ctx, refundId))!;
      if (refund.appliedAt || !refundWasMade(refund)) return;
      await this.flag(ctx, { orderId: refund.orderId, paymentId: refund.paymentId, reason: `Pengembalian dana ${formatRupiah(refund.amountIdr)} belum terkirim ke Stripe setelah dicoba berulang kali: periksa` });
    });
  }

  /**
   * The card's bank turned a refund down (in the webhook's transaction). The refund stands (the
   * seller order stays refunded); the money is owed to the buyer by hand, so the order is flagged for
   * finance to send it another way, and she is told.
   */
  private async refundFailed(ctx: RequestContext, failure: RefundFailure): Promise<void> {
    // The order before its seller order, as paying takes them.
    const order = await this.orders.lockOrder(ctx, failure.orderId);
    const locked = await this.orders.lockSellerOrder(ctx, failure.sellerOrderId);
    if (!order || !locked) throw new Error(`refund ${failure.refundId} of an unknown seller order ${failure.sellerOrderId}`);
    await this.money.refundFailed(ctx, failure.refundId, failure.at);
    await this.record(ctx, locked, locked.status, 'REFUND_FAILED', failure.at, { onBehalf: false, note: `${formatRupiah(failure.amountIdr)}: ${refundFailureReason(failure.reason)}` });
    await this.flag(ctx, { orderId: order.id, paymentId: failure.paymentId, reason: `Pengembalian dana ${formatRupiah(failure.amountIdr)} ke kartu ditolak bank (${refundFailureReason(failure.reason)}): kirim lewat transfer bank` });
    await this.notifyBuyer(ctx, order, orderMessages.refundFailedToBuyer({ code: locked.code, amountIdr: failure.amountIdr }));
  }

  /** Failed card refunds finance still has to send the buyer by hand, the oldest failure first (staff only, by the resolver). */
  async owedRefunds(ctx: RequestContext, first: number): Promise<OwedRefund[]> {
    const refunds = await this.payments.owedByHand(ctx, firstWithin(first));
    const sellerOrders = await this.refundedSellerOrders(ctx, refunds);
    return refunds.map((r) => ({ refundId: r.id, amountIdr: r.amountIdr, reason: r.reason, failureReason: r.failureReason ?? 'unknown', failedAt: r.failedAt!, sellerOrder: sellerOrders.get(r.sellerOrderId)! }));
  }

  /** Refunds not finished yet, the oldest first, and where each stands (staff only, by the resolver). */
  async refundsInProgress(ctx: RequestContext, first: number): Promise<RefundInProgress[]> {
    const refunds = await this.payments.refundsInProgress(ctx, firstWithin(first));
    const sellerOrders = await this.refundedSellerOrders(ctx, refunds);
    return refunds.map((r) => ({ refundId: r.id, amountIdr: r.amountIdr, reason: r.reason, method: r.method, stage: refundStage(r), requestedAt: r.createdAt, requestedBy: r.requestedBy, sellerOrder: sellerOrders.get(r.sellerOrderId)! }));
  }

  /** The seller orders these refunds belong to, as models, by id. */
  private async refundedSellerOrders(ctx: RequestContext, refunds: readonly Refund[]): Promise<Map<string, SellerOrder>> {
    const refunded = new Set(refunds.map((r) => r.sellerOrderId));
    const sellerOrders = (await this.orders.sellerOrdersOf(ctx, [...new Set(refunds.map((r) => r.orderId))])).filter((so) => refunded.has(so.id));
    return new Map((await this.sellerOrderModels(ctx, sellerOrders)).map((so) => [so.id, so]));
  }

  /**
   * Finance sent a failed card refund to the buyer by bank transfer: what is owed to her in the ledger
   * is settled from the bank account (`refund-sent:<refund id>`), her timeline says so and she is told.
   * The same reference again changes nothing.
   */
  async recordRefundReturned(ctx: RequestContext, refundId: string, bankReference: string, now = new Date()): Promise<SellerOrder | ErrorResult> {
    const reference = bankReference.trim();
    if (!within(reference.length, BANK_REFERENCE_LENGTH)) return new InvalidInputError('bankReference', reference ? 'TOO_LONG' : 'REQUIRED', "The bank's reference of the transfer to the buyer", BANK_REFERENCE_LENGTH);
    if (!isUuid(refundId)) return new NotFoundError(EntityKind.REFUND);
    return this.db.withTransaction(ctx, async (ctx) => {
      const result = await this.payments.markReturned(ctx, refundId, reference, now);
      if (result.kind === 'not-found') return new NotFoundError(EntityKind.REFUND);
      const locked = (await this.orders.lockSellerOrder(ctx, result.refund.sellerOrderId))!;
      if (result.kind === 'not-owed') return new TransitionNotAllowedError(locked.status, result.refund.returnedAt ? 'This refund was sent already, with another reference' : 'This refund is not owed by hand');
      if (result.kind === 'returned') {
        // Its failure may have come in before the request that made it could apply it: applied now, so it is owed.
        await this.applyRefund(ctx, locked, result.refund, now);
        await this.money.refundReturned(ctx, result.refund, reference, now);
        await this.record(ctx, locked, locked.status, 'REFUND_RETURNED', now, { onBehalf: false, note: `${formatRupiah(result.refund.amountIdr)}, transfer ${reference}` });
        const [order] = await this.orders.findOrdersByIds(ctx, [locked.orderId]);
        await this.notifyBuyer(ctx, order, orderMessages.refundReturnedToBuyer({ code: locked.code, amountIdr: result.refund.amountIdr, reference }));
      }
      return (await this.sellerOrderModels(ctx, [locked]))[0];
    });
  }

  // --- Payments and timers.

  /** Money arrived (webhook, finance, in their transaction): the order and all its seller orders are PAID, or flagged when it came too late. */
  private async markPaid(ctx: RequestContext, settlement: Settlement): Promise<void> {
    const order = await this.orders.lockOrder(ctx, settlement.orderId);
    if (!order) throw new Error(`payment ${settlement.paymentId} for an unknown order ${settlement.orderId}`);
    const next = nextOrderStatus(order.status, 'pay');
    if (!next) {
      if (order.status !== OrderStatus.PAID) await this.flag(ctx, { orderId: order.id, paymentId: settlement.paymentId, reason: `Paid while ${order.status}: refund it` });
      return;
    }
    await this.recordOrder(ctx, order, next, 'PAID', settlement.at);
    Object.assign(order, { status: next, paidAt: settlement.at });
    await this.orders.saveOrder(ctx, order);
    const paidSellerOrders: SellerOrderEntity[] = [];
    for (const so of await this.orders.sellerOrdersOf(ctx, [order.id], true)) {
      const paid = nextSellerOrderStatus(so.status, 'pay');
      if (!paid) continue;
      await this.record(ctx, so, paid, 'PAID', settlement.at, { onBehalf: false, note: null });
      so.status = paid;
      await this.orders.saveSellerOrder(ctx, so);
      paidSellerOrders.push(so);
      await this.notifySeller(ctx, so.sellerId, orderMessages.paidToSeller({ code: so.code, itemsTotalIdr: so.itemsTotalIdr, buyerName: order.contactName, buyerPhone: order.contactPhone, storefront: this.config.storefrontUrl }));
    }
    await this.money.paid(ctx, { orderId: order.id, sellerOrders: paidSellerOrders, method: settlement.method, providerReference: settlement.providerReference, uniqueCodeIdr: order.uniqueCodeIdr, at: settlement.at });
    await this.notifyBuyer(ctx, order, orderMessages.paidToBuyer({ code: order.code, storefront: this.config.storefrontUrl }));
  }

  /** Staff dealt with what the order was flagged for, saying how: the flag is cleared and the timeline keeps both. */
  async resolveFlag(ctx: RequestContext, orderId: string, note: string, now = new Date()): Promise<Order | ErrorResult> {
    const how = note.trim().replace(/\s+/g, ' ');
    if (!within(how.length, CANCEL_REASON_LENGTH)) return new InvalidInputError('note', how.length < CANCEL_REASON_LENGTH.min ? 'TOO_SHORT' : 'TOO_LONG', 'Say what was done', CANCEL_REASON_LENGTH);
    if (!isUuid(orderId)) return notFound();
    return this.db.withTransaction(ctx, async (ctx) => {
      const order = await this.orders.lockOrder(ctx, orderId);
      if (!order) return notFound();
      if (!order.flagReason) return new TransitionNotAllowedError(order.status, 'This order is not flagged (someone may have dealt with it already)');
      await this.recordOrder(ctx, order, order.status, 'FLAG_RESOLVED', now, how);
      order.flagReason = null;
      await this.orders.saveOrder(ctx, order);
      return toOrderModel(order);
    });
  }

  private async flag(ctx: RequestContext, flag: PaymentFlag): Promise<void> {
    const order = await this.orders.lockOrder(ctx, flag.orderId);
    if (!order) return;
    order.flagReason = flag.reason;
    await this.orders.saveOrder(ctx, order);
    await this.recordOrder(ctx, order, order.status, 'FLAGGED', new Date(), flag.reason);
  }

  /** Expires an unpaid order whose deadline has passed: its stock goes back, exactly once. */
  async expireIfDue(ctx: RequestContext, orderId: string, now = new Date()): Promise<boolean> {
    return this.db.withTransaction(ctx, async (ctx) => {
      const order = await this.orders.lockOrder(ctx, orderId);
      if (!order?.paymentDeadline || order.paymentDeadline > now) return false;
      const next = nextOrderStatus(order.status, 'expire');
      if (!next) return false;
      const sellerOrders = await this.orders.sellerOrdersOf(ctx, [order.id], true);
      await this.close(ctx, order, sellerOrders, next, 'expire', 'EXPIRED', now);
      await this.notifyBuyer(ctx, order, orderMessages.expiredToBuyer(order));
      return true;
    });
  }

  private async runTimer(ctx: RequestContext, timer: OrderTimer): Promise<void> {
    if (timer.kind === 'expire') {
      await this.expireIfDue(ctx, timer.id);
      return;
    }
    const so = await this.orders.findSellerOrder(ctx, timer.id);
    if (!so) return;
    const action: SellerOrderAction = timer.kind === 'deliver' ? 'auto-deliver' : 'complete';
    // Moved on already (the buyer confirmed, she completed): nothing to do.
    if (!nextSellerOrderStatus(so.status, action)) return;
    await this.transition(ctx, so.id, action, new Date(), { onBehalf: false });
  }

  /** Closes an unpaid order (expired, cancelled): its seller orders too, its payment, and the stock of its lines goes back once. */
  private async close(ctx: RequestContext, order: OrderEntity, sellerOrders: SellerOrderEntity[], next: OrderStatus, action: 'expire' | 'buyer-cancel', label: string, now: Date): Promise<void> {
    for (const so of sellerOrders) {
      const closed = nextSellerOrderStatus(so.status, action);
      if (!closed) continue;
      await this.record(ctx, so, closed, label, now, { onBehalf: false, note: null });
      Object.assign(so, { status: closed, cancelledAt: now });
      await this.orders.saveSellerOrder(ctx, so);
    }
    for (const line of await this.orders.releaseStock(ctx, sellerOrders.map((so) => so.id), now)) await this.catalog.returnStock(ctx, line.product_id, line.quantity);
    await this.payments.closeOpen(ctx, order.id);
    await this.recordOrder(ctx, order, next, label, now);
    Object.assign(order, { status: next, closedAt: now });
    await this.orders.saveOrder(ctx, order);
  }

  // --- Transitions.

  /** Acting for the seller order's seller (she, her pendamping, an admin): not-found for anyone else. */
  private async asSeller(ctx: RequestContext, id: string, work: (onBehalf: boolean, entity: SellerOrderEntity) => Promise<SellerOrder | ErrorResult>): Promise<SellerOrder | ErrorResult> {
    const entity = isUuid(id) ? await this.orders.findSellerOrder(ctx, id) : null;
    const acting = entity && (await this.access.actingSellers(ctx, [entity.sellerId])).get(entity.sellerId);
    if (!entity || !acting) return notFound();
    return work(acting.onBehalf, entity);
  }

  private transition(
    ctx: RequestContext,
    id: string,
    action: SellerOrderAction,
    now: Date,
    options: {
      onBehalf: boolean;
      note?: string;
      before?: (ctx: RequestContext) => Promise<void>;
      apply?: (so: SellerOrderEntity) => void;
      after?: (ctx: RequestContext, so: SellerOrderEntity, order: OrderEntity) => Promise<void>;
    },
  ): Promise<SellerOrder | ErrorResult> {
    return this.db.withTransaction(ctx, async (ctx) => {
      await options.before?.(ctx);
      const so = (await this.orders.lockSellerOrder(ctx, id))!;
      const next = nextSellerOrderStatus(so.status, action);
      if (!next) return new TransitionNotAllowedError(so.status);
      const [order] = await this.orders.findOrdersByIds(ctx, [so.orderId]);
      // A COD parcel completes only once its cash is in.
      if (action === 'complete' && order.paymentMethod === PaymentMethod.COD && !so.cashCollectedAt) return new TransitionNotAllowedError(so.status, 'Record the cash first');
      await this.record(ctx, so, next, next, now, { onBehalf: options.onBehalf, note: options.note ?? null });
      so.status = next;
      if (next === SellerOrderStatus.DELIVERED) so.deliveredAt = now;
      if (next === SellerOrderStatus.COMPLETED) so.completedAt = now;
      options.apply?.(so);
      await this.orders.saveSellerOrder(ctx, so);
      if (next === SellerOrderStatus.DELIVERED) {
        // A cash-on-delivery parcel's money is posted when its cash is recorded (collectCash).
        if (order.paymentMethod !== PaymentMethod.COD) await this.money.delivered(ctx, so, now);
        await this.jobs.send(ctx, ORDER_TIMERS, { kind: 'complete', id: so.id }, { startAfter: new Date(now.getTime() + AUTO_COMPLETE_DAYS * DAY) });
        await this.notifySeller(ctx, so.sellerId, orderMessages.deliveredToSeller(so));
      }
      await options.after?.(ctx, so, order);
      return (await this.sellerOrderModels(ctx, [so]))[0];
    });
  }

  private record(ctx: RequestContext, so: SellerOrderEntity, to: string, action: string, at: Date, options: { onBehalf: boolean; note: string | null }): Promise<void> {
    return this.orders.insertEvent(ctx, { orderId: so.orderId, sellerOrderId: so.id, fromStatus: so.status, toStatus: to, action, ...eventActor(ctx, options.onBehalf), note: options.note, at });
  }

  private recordOrder(ctx: RequestContext, order: OrderEntity, to: string, action: string, at: Date, note: string | null = null): Promise<void> {
    return this.orders.insertEvent(ctx, { orderId: order.id, sellerOrderId: null, fromStatus: order.status, toStatus: to, action, ...eventActor(ctx, false), note, at });
  }

  private async notifyBuyer(ctx: RequestContext, order: OrderEntity, body: string): Promise<void> {
    await this.notifications.enqueue(ctx, { channel: OutboxChannel.WHATSAPP, recipient: order.contactPhone, body });
  }

  private async notifySeller(ctx: RequestContext, sellerId: string, body: string): Promise<void> {
    const seller = (await this.sellers.findByIds(ctx, [sellerId])).get(sellerId);
    if (seller) await this.notifications.enqueue(ctx, { channel: OutboxChannel.WHATSAPP, recipient: seller.whatsappNumber, body });
  }
}

class Abort extends Error {
  constructor(readonly result: ErrorResult) {
    super(result.message);
  }
}

function toKeyset(first: number, after: string | null): Keyset {
  firstWithin(first);
  if (!after) return { first, after: null };
  try {
    const cursor = decodeCursor(after, 'PLACED');
    return { first, after: { placedAt: new Date(cursor.key), id: cursor.id } };
  } catch (error) {
    if (error instanceof InvalidCursorError) throw badInput('after', error.message);
    throw error;
  }
}

function pageOf<T>(rows: { node: T; key: { placedAt: Date; id: string } }[], hasNextPage: boolean, hasPreviousPage: boolean): Page<T> {
  const edges = rows.map(({ node, key }) => ({ cursor: encodeCursor({ sort: 'PLACED', key: key.placedAt.toISOString(), id: key.id }), node }));
  return { edges, pageInfo: { hasNextPage, hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null } };
}

