import { Inject, Injectable, Logger } from '@nestjs/common';
import Stripe from 'stripe';
import { fromStripeAmount, toStripeAmount } from '@karya-ibu/types/money';
import { RequestContext, type Actor } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { isUuid } from '../../common/graphql/ids.js';
import { APP_CONFIG, type RuntimeConfig } from '../../config/runtime-config.js';
import type { PaymentEntity } from './entities/payment.entity.js';
import type { RefundEntity } from './entities/refund.entity.js';
import { PaymentMethod, PaymentStatus, RefundStage, RefundStatus } from './models/payment.enums.js';
import { toOrderPayment, type OrderPayment } from './models/payment.model.js';
import { PaymentRepository } from './payment.repository.js';

/** Money arrived for an order: what the orders module turns into PAID, in the same transaction. */
export interface Settlement {
  orderId: string;
  paymentId: string;
  method: PaymentMethod;
  amountIdr: bigint;
  feeIdr: bigint | null;
  at: Date;
  /** Stripe's charge (ch_…) or the bank's reference of the transfer, as the ledger names the money. */
  providerReference: string | null;
}

/** Money arrived that does not fit the order: it is flagged, never counted as paid. */
export interface PaymentFlag {
  orderId: string;
  paymentId: string;
  reason: string;
}

/** A card refund the card's bank turned down after Stripe accepted it: the money is still the buyer's due. */
export interface RefundFailure {
  refundId: string;
  paymentId: string;
  orderId: string;
  sellerOrderId: string;
  amountIdr: bigint;
  /** Stripe's failure_reason: lost_or_stolen_card, expired_or_canceled_card, unknown. */
  reason: string;
  at: Date;
}

/**
 * A refund that gave money back, or will by hand: all but one Stripe refused at once (FAILED, never
 * accepted). refundedBetween's SQL counts the same ones.
 */
export const refundWasMade = (refund: Pick<RefundEntity, 'status' | 'failedAt'>) => refund.status !== RefundStatus.FAILED || refund.failedAt !== null;

/** Where a refund still on its way (REFUND_IN_PROGRESS) stands. */
export const refundStage = (refund: Pick<RefundEntity, 'status' | 'stripeRefundId'>): RefundStage =>
  refund.status !== RefundStatus.PENDING ? RefundStage.NOT_APPLIED : refund.stripeRefundId ? RefundStage.PENDING_AT_STRIPE : RefundStage.WAITING_FOR_STRIPE;

/** A refund's row, as the orders module reads it (through this service). */
export type Refund = RefundEntity;

type Handler<T> = (ctx: RequestContext, event: T) => Promise<void>;

export interface CheckoutLine {
  name: string;
  amountIdr: bigint;
}

export type RefundRecording = { kind: 'recorded' | 'replayed'; refund: RefundEntity } | { kind: 'nothing-paid' } | { kind: 'out-of-range'; refundableIdr: bigint } | { kind: 'key-reused' };

export type RefundReturn = { kind: 'returned' | 'replayed'; refund: RefundEntity } | { kind: 'not-found' } | { kind: 'not-owed'; refund: RefundEntity };

export type TransferConfirmation =
  | { kind: 'confirmed' | 'replayed'; orderId: string }
  | { kind: 'not-pending' }
  | { kind: 'amount-mismatch'; expectedIdr: bigint }
  | { kind: 'key-reused' };

/**
 * Which of a payment's card refunds what Stripe says it gave back (charge.amount_refunded) covers,
 * oldest first: only the ones Stripe named to us, so a refund made on Stripe's side (its dashboard)
 * is never taken for one of ours that Stripe has not answered yet.
 */
function coveredByStripe(refunds: readonly RefundEntity[], stripeRefundedIdr: bigint): { covered: Set<string>; knownIdr: bigint } {
  const covered = new Set<string>();
  let knownIdr = 0n;
  for (const refund of refunds) {
    if (refund.method !== PaymentMethod.CARD || refund.status === RefundStatus.FAILED || !refund.stripeRefundId) continue;
    knownIdr += refund.amountIdr;
    if (knownIdr <= stripeRefundedIdr) covered.add(refund.id);
  }
  return { covered, knownIdr };
}

/** Stripe said no to the request itself (a 4xx other than a conflict or a rate limit): asking again changes nothing. */
const isRefusal = (error: unknown): error is Stripe.errors.StripeError =>
  error instanceof Stripe.errors.StripeError && error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 && error.statusCode !== 409 && error.statusCode !== 429;

/** Thrown for a webhook whose signature does not verify: the controller answers 400. */
export class WebhookSignatureError extends Error {}

const who = (actor: Actor | null) => ({
  userId: actor?.kind === 'person' ? actor.userId : null,
  name: actor?.displayName ?? 'unknown',
});

/**
 * Payments: card through Stripe Checkout (its hosted page; every POST with our idempotency key; IDR
 * minor units only through toStripeAmount), bank transfers a finance officer confirms, cash on
 * delivery, refunds, and Stripe's webhooks. It keeps the facts (who paid what, when, how, the fee);
 * what an order does about them is the orders module's, through the handlers it registers.
 */
@Injectable()
export class PaymentsService {
  private readonly logger = new Logger('Payments');
  private settled: Handler<Settlement> | null = null;
  private flagged: Handler<PaymentFlag> | null = null;
  private refundFailed: Handler<RefundFailure> | null = null;

  constructor(
    private readonly payments: PaymentRepository,
    private readonly db: TransactionalConnection,
    private readonly stripe: Stripe,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  /** The orders module says what paying means for an order (it runs in the payment's transaction). */
  onSettled(handler: Handler<Settlement>): void {
    this.settled = handler;
  }

  onFlagged(handler: Handler<PaymentFlag>): void {
    this.flagged = handler;
  }

  /** The orders module says what a failed card refund means for its seller order (in the webhook's transaction). */
  onRefundFailed(handler: Handler<RefundFailure>): void {
    this.refundFailed = handler;
  }

  // --- Opening payments, in the order's transaction.

  openCardPayment(ctx: RequestContext, order: { orderId: string; orderCode: string; amountIdr: bigint; deadline: Date }): Promise<PaymentEntity> {
    return this.payments.create(ctx, { orderId: order.orderId, orderCode: order.orderCode, method: PaymentMethod.CARD, amountIdr: order.amountIdr, deadline: order.deadline });
  }

  openBankTransfer(ctx: RequestContext, order: { orderId: string; orderCode: string; amountIdr: bigint; deadline: Date }): Promise<PaymentEntity> {
    return this.payments.create(ctx, { orderId: order.orderId, orderCode: order.orderCode, method: PaymentMethod.BANK_TRANSFER, amountIdr: order.amountIdr, deadline: order.deadline });
  }

  /** Whether an open transfer already expects this exact amount (then the unique code must differ). */
  transferAmountTaken(ctx: RequestContext, amountIdr: bigint): Promise<boolean> {
    return this.payments.openTransferAmountTaken(ctx, amountIdr);
  }

  /**
   * The hosted page to pay an order's card payment on: the open session's, or a new session once the
   * last one expired (or the Stripe test server restarted). The Stripe call runs outside any
   * transaction (no row lock waits on the network); its idempotency key names the attempt, so a retry
   * gets the same session. null when the payment is not open or too little time is left for a session.
   */
  async checkoutUrl(ctx: RequestContext, orderId: string, lines: CheckoutLine[], email: string | null, now = new Date()): Promise<string | null> {
    const claim = await this.db.withTransaction(ctx, async (ctx) => {
      const payment = await this.payments.lockUpfront(ctx, orderId);
      if (!payment || payment.method !== PaymentMethod.CARD || payment.status !== PaymentStatus.PENDING || !payment.deadline) return null;
      if (payment.checkoutUrl && payment.stripeCheckoutSessionId && (await this.sessionOpen(payment.stripeCheckoutSessionId))) return { url: payment.checkoutUrl };
      // Stripe wants a session to last at least 30 minutes; it must not outlive the order.
      if (payment.deadline.getTime() - now.getTime() < 30 * 60_000 + 60_000) return null;
      payment.checkoutAttempts++;
      await this.payments.save(ctx, payment);
      return { payment };
    });
    if (!claim || 'url' in claim) return claim?.url ?? null;
    const { payment } = claim;
    const metadata = { order_id: payment.orderId, order_code: payment.orderCode, payment_id: payment.id };
    const session = await this.stripe.checkout.sessions.create(
      {
        mode: 'payment',
        currency: 'idr',
        locale: 'id',
        line_items: lines.map((line) => ({ quantity: 1, price_data: { currency: 'idr', unit_amount: toStripeAmount(line.amountIdr), product_data: { name: line.name } } })),
        success_url: `${this.config.storefrontUrl}/pesanan/${payment.orderCode}?bayar=selesai`,
        cancel_url: `${this.config.storefrontUrl}/pesanan/${payment.orderCode}`,
        client_reference_id: payment.orderCode,
        ...(email ? { customer_email: email } : {}),
        expires_at: Math.floor(payment.deadline!.getTime() / 1000),
        metadata,
        payment_intent_data: { metadata, description: `Karya Ibu ${payment.orderCode}` },
      },
      { idempotencyKey: `checkout-session:${payment.id}:${payment.checkoutAttempts}` },
    );
    await this.db.withTransaction(ctx, async (ctx) => {
      const current = await this.payments.lock(ctx, payment.id);
      if (current && current.status === PaymentStatus.PENDING && current.checkoutAttempts === payment.checkoutAttempts) {
        Object.assign(current, { stripeCheckoutSessionId: session.id, checkoutUrl: session.url });
        await this.payments.save(ctx, current);
      }
    });
    return session.url;
  }

  private async sessionOpen(sessionId: string): Promise<boolean> {
    try {
      return (await this.stripe.checkout.sessions.retrieve(sessionId)).status === 'open';
    } catch (error) {
      // A session Stripe does not know (the test server restarted empty) is no session.
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) return false;
      throw error;
    }
  }

  // --- Bank transfers and cash, recorded by people.

  /** A finance officer saw the transfer on the statement: the order is paid, in this transaction. */
  async confirmBankTransfer(ctx: RequestContext, input: { orderId: string; amountIdr: bigint; bankReference: string; idempotencyKey: string }, now = new Date()): Promise<TransferConfirmation> {
    const earlier = await this.payments.findByIdempotencyKey(ctx, input.idempotencyKey);
    if (earlier) return earlier.orderId === input.orderId && earlier.method === PaymentMethod.BANK_TRANSFER ? { kind: 'replayed', orderId: earlier.orderId } : { kind: 'key-reused' };
    const payment = await this.payments.lockUpfront(ctx, input.orderId);
    // The same confirmation sent twice at once (a double click): the second waited on the lock and finds its own key.
    if (payment?.idempotencyKey === input.idempotencyKey && payment.status === PaymentStatus.SUCCEEDED) return { kind: 'replayed', orderId: payment.orderId };
    if (!payment || payment.method !== PaymentMethod.BANK_TRANSFER || payment.status !== PaymentStatus.PENDING) return { kind: 'not-pending' };
    if (payment.amountIdr !== input.amountIdr) return { kind: 'amount-mismatch', expectedIdr: payment.amountIdr };
    const actor = who(ctx.actor);
    Object.assign(payment, {
      status: PaymentStatus.SUCCEEDED,
      receivedIdr: input.amountIdr,
      bankReference: input.bankReference,
      idempotencyKey: input.idempotencyKey,
      settledAt: now,
      recordedByUserId: actor.userId,
      recordedBy: actor.name,
    });
    await this.payments.save(ctx, payment);
    await this.settle(ctx, payment, null, now);
    return { kind: 'confirmed', orderId: payment.orderId };
  }

  /** Cash for one seller order, received on delivery; a repeat with the same key (or for the same seller order) changes nothing. */
  async recordCash(ctx: RequestContext, input: { orderId: string; orderCode: string; sellerOrderId: string; amountIdr: bigint; idempotencyKey: string }, now = new Date()): Promise<'recorded' | 'replayed' | 'key-reused'> {
    const earlier = await this.payments.findByIdempotencyKey(ctx, input.idempotencyKey);
    if (earlier) return earlier.sellerOrderId === input.sellerOrderId ? 'replayed' : 'key-reused';
    const actor = who(ctx.actor);
    await this.payments.create(ctx, {
      orderId: input.orderId,
      orderCode: input.orderCode,
      sellerOrderId: input.sellerOrderId,
      method: PaymentMethod.COD,
      status: PaymentStatus.SUCCEEDED,
      amountIdr: input.amountIdr,
      receivedIdr: input.amountIdr,
      idempotencyKey: input.idempotencyKey,
      settledAt: now,
      recordedByUserId: actor.userId,
      recordedBy: actor.name,
    });
    return 'recorded';
  }

  /** The order closed unpaid (expired, cancelled): its open payment closes too; an open Checkout Session is expired at Stripe after the commit. */
  async closeOpen(ctx: RequestContext, orderId: string): Promise<void> {
    const payment = await this.payments.lockUpfront(ctx, orderId);
    if (!payment || payment.status !== PaymentStatus.PENDING) return;
    payment.status = PaymentStatus.EXPIRED;
    await this.payments.save(ctx, payment);
    const sessionId = payment.stripeCheckoutSessionId;
    if (sessionId) {
      await this.db.afterCommit(ctx, async () => {
        if (await this.sessionOpen(sessionId)) await this.stripe.checkout.sessions.expire(sessionId, {}, { idempotencyKey: `expire-session:${sessionId}` });
      });
    }
  }

  /** The payment of each order shown to the buyer (card or transfer; cash is per seller order). */
  async forOrders(ctx: RequestContext, orderIds: readonly string[]): Promise<Map<string, OrderPayment>> {
    const byOrder = new Map<string, OrderPayment>();
    for (const payment of await this.payments.forOrders(ctx, orderIds)) {
      if (payment.method !== PaymentMethod.COD) byOrder.set(payment.orderId, toOrderPayment(payment, this.config.bankAccount));
    }
    return byOrder;
  }

  /** Open bank transfers, the nearest deadline first: the finance officer's queue. */
  async pendingTransferOrderIds(ctx: RequestContext, first: number): Promise<string[]> {
    return (await this.payments.pendingTransfers(ctx, first)).map((payment) => payment.orderId);
  }

  // --- Refunds.

  /**
   * Records a refund of (part of) a seller order, in the caller's transaction, under the lock of the
   * payment it gives back from. Counted with the refunds still on their way to Stripe, two at once
   * never give back more than `paidIdr`; `amountIdr` null is all that is left. The same key again
   * returns the refund it made. A transfer or cash is refunded by hand and recorded as done; a card
   * refund is PENDING until sendRefund has asked Stripe.
   */
  async recordRefund(ctx: RequestContext, input: { orderId: string; sellerOrderId: string; paidIdr: bigint; amountIdr: bigint | null; reason: string; idempotencyKey: string }, now = new Date()): Promise<RefundRecording> {
    if (!ctx.transaction) throw new Error('recordRefund runs in the transaction that decides the refund');
    const upfront = await this.payments.lockUpfront(ctx, input.orderId);
    const cash = upfront?.status === PaymentStatus.SUCCEEDED ? null : (await this.payments.forOrders(ctx, [input.orderId])).find((p) => p.sellerOrderId === input.sellerOrderId && p.status === PaymentStatus.SUCCEEDED);
    const payment = cash ? await this.payments.lock(ctx, cash.id) : upfront?.status === PaymentStatus.SUCCEEDED ? upfront : null;
    if (!payment) return { kind: 'nothing-paid' };
    const existing = await this.payments.findRefundByKey(ctx, input.idempotencyKey);
    if (existing) return existing.sellerOrderId === input.sellerOrderId ? { kind: 'replayed', refund: existing } : { kind: 'key-reused' };
    const given = (await this.payments.refundsOfSellerOrders(ctx, [input.sellerOrderId])).filter(refundWasMade).reduce((sum, r) => sum + r.amountIdr, 0n);
    const refundableIdr = input.paidIdr - given;
    const amountIdr = input.amountIdr ?? refundableIdr;
    if (amountIdr <= 0n || amountIdr > refundableIdr) return { kind: 'out-of-range', refundableIdr };
    const actor = who(ctx.actor);
    const byHand = payment.method !== PaymentMethod.CARD;
    const refund = await this.payments.createRefund(ctx, {
      orderId: input.orderId,
      sellerOrderId: input.sellerOrderId,
      paymentId: payment.id,
      method: payment.method,
      amountIdr,
      reason: input.reason,
      idempotencyKey: input.idempotencyKey,
      requestedByUserId: actor.userId,
      requestedBy: actor.name,
      status: byHand ? RefundStatus.SUCCEEDED : RefundStatus.PENDING,
      settledAt: byHand ? now : null,
    });
    return { kind: 'recorded', refund };
  }

  /**
   * Asks Stripe for a recorded card refund whose Stripe id is not known yet, with the refund's own key
   * as its Idempotency-Key: asked again (a retry, or after a crash, within the 24 hours Stripe keeps a
   * key) Stripe answers with the same refund, so money moves once. A refund Stripe refuses outright
   * (a 4xx) is FAILED and never made; Stripe out of reach throws, to be asked again. Says whether
   * this call is the one that found it refused.
   */
  async sendRefund(ctx: RequestContext, refundId: string, now = new Date()): Promise<{ refusedNow: boolean }> {
    const recorded = (await this.payments.findRefund(ctx, refundId))!;
    // Asked again while Stripe's id is unknown, even once charge.refunded has counted it: the same key answers with that refund.
    if (recorded.method !== PaymentMethod.CARD || recorded.stripeRefundId || recorded.status === RefundStatus.FAILED) return { refusedNow: false };
    const payment = (await this.payments.findById(ctx, recorded.paymentId))!;
    let answer: { id: string | null; status: string | null; failureReason: string | null };
    try {
      const made = await this.stripe.refunds.create(
        { payment_intent: payment.stripePaymentIntentId!, amount: toStripeAmount(recorded.amountIdr), metadata: { order_id: recorded.orderId, seller_order_id: recorded.sellerOrderId, refund_id: recorded.id } },
        { idempotencyKey: `refund:${recorded.idempotencyKey}` },
      );
      answer = { id: made.id, status: made.status, failureReason: made.failure_reason ?? null };
    } catch (error) {
      if (!isRefusal(error)) throw error;
      this.logger.warn(`refund ${recorded.id} of ${payment.orderCode} refused by Stripe: ${error.message}`);
      answer = { id: null, status: 'failed', failureReason: error.code ?? 'refused' };
    }
    return this.db.withTransaction(ctx, async (ctx) => {
      // Under its lock: refund.failed may have come in while Stripe's answer was on its way, and it wins.
      const current = (await this.payments.lockRefund(ctx, recorded.id))!;
      current.stripeRefundId ??= answer.id;
      if (current.status === RefundStatus.PENDING && answer.status === 'succeeded') Object.assign(current, { status: RefundStatus.SUCCEEDED, settledAt: now });
      // Refused at once: never made, so nothing to reverse (failedAt stays null).
      const refusedNow = current.status === RefundStatus.PENDING && answer.status === 'failed';
      if (refusedNow) Object.assign(current, { status: RefundStatus.FAILED, failureReason: answer.failureReason ?? 'unknown' });
      await this.payments.saveRefund(ctx, current);
      // charge.refunded may have come before Stripe's id was known here: it is counted now, as the webhook counts.
      const payment = (await this.payments.findById(ctx, current.paymentId))!;
      if (coveredByStripe(await this.payments.refundsOfPayment(ctx, payment.id), payment.refundedIdr).covered.has(current.id)) await this.payments.markRefundsReconciled(ctx, [current.id], now);
      return { refusedNow };
    });
  }

  /** Locks the order's card or transfer payment for the caller's transaction, before a seller order's lock (as the webhooks take them). */
  async lockOrderPayment(ctx: RequestContext, orderId: string): Promise<void> {
    await this.payments.lockUpfront(ctx, orderId);
  }

  /** Locked until the caller's transaction ends (its webhooks take it first too). */
  lockRefund(ctx: RequestContext, refundId: string): Promise<RefundEntity | null> {
    return this.payments.lockRefund(ctx, refundId);
  }

  /** The orders module applied it to its seller order (ledger, refunded amount, timeline): once. */
  async markRefundApplied(ctx: RequestContext, refund: RefundEntity, now: Date): Promise<void> {
    refund.appliedAt = now;
    await this.payments.saveRefund(ctx, refund);
  }

  /** Refunds not finished yet, the oldest first: their jobs are still at them. */
  refundsInProgress(ctx: RequestContext, first: number): Promise<RefundEntity[]> {
    return this.payments.inProgress(ctx, first);
  }

  /** Failed card refunds finance still has to send the buyer by hand. */
  owedByHand(ctx: RequestContext, first: number): Promise<RefundEntity[]> {
    return this.payments.owedByHand(ctx, first);
  }

  /**
   * Finance sent a failed card refund to the buyer by bank transfer (in the caller's transaction,
   * under the refund's lock): once; the same reference again is a replay.
   */
  async markReturned(ctx: RequestContext, refundId: string, reference: string, now: Date): Promise<RefundReturn> {
    const refund = await this.payments.lockRefund(ctx, refundId);
    if (!refund) return { kind: 'not-found' };
    if (refund.returnedAt) return refund.returnReference === reference ? { kind: 'replayed', refund } : { kind: 'not-owed', refund };
    if (!refund.failedAt) return { kind: 'not-owed', refund };
    Object.assign(refund, { returnedAt: now, returnReference: reference });
    return { kind: 'returned', refund: await this.payments.saveRefund(ctx, refund) };
  }

  /** Who took a cash-on-delivery seller order's cash (the seller or her pendamping): she holds it. */
  async cashHolderOf(ctx: RequestContext, sellerOrderId: string): Promise<string | null> {
    const cash = (await this.payments.cashOfSellerOrders(ctx, [sellerOrderId]))[0];
    return cash?.recordedByUserId ?? null;
  }

  refundedBetween(ctx: RequestContext, from: Date, to: Date): Promise<{ sellerOrderId: string; refundedIdr: bigint }[]> {
    return this.payments.refundedBetween(ctx, from, to);
  }

  async refundsOfSellerOrders(ctx: RequestContext, sellerOrderIds: readonly string[]): Promise<RefundEntity[]> {
    return this.payments.refundsOfSellerOrders(ctx, sellerOrderIds);
  }

  // --- Stripe's webhooks.

  /**
   * One delivery of POST /webhooks/stripe: the signature is verified over the raw body; the event's id
   * is stored under its primary key in the same transaction as what it changes, so a replay (or the
   * same event twice at once) changes nothing; amount and currency are checked against the payment.
   */
  async handleWebhook(rawBody: Buffer, signature: string | undefined): Promise<string> {
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(rawBody, signature ?? '', this.config.stripe.webhookSecret);
    } catch (error) {
      throw new WebhookSignatureError((error as Error).message);
    }
    // Read from Stripe before the transaction, so no row lock waits on the network.
    const fee = event.type === 'charge.succeeded' ? await this.feeOf(event.data.object as Stripe.Charge) : null;
    const refundedIdr = event.type === 'charge.refunded' && isUuid((event.data.object as Stripe.Charge).metadata?.payment_id ?? '') ? await this.refundedOf(event.data.object as Stripe.Charge) : null;
    const ctx = RequestContext.forSystem('stripe-webhook', `stripe:${event.id}`);
    return this.db.withTransaction(ctx, async (ctx) => {
      if (!(await this.payments.recordEvent(ctx, event.id, event.type))) return 'replayed';
      const { paymentId, outcome } = await this.apply(ctx, event, { fee, refundedIdr });
      await this.payments.setEventOutcome(ctx, event.id, paymentId, outcome);
      return outcome;
    });
  }

  private async apply(ctx: RequestContext, event: Stripe.Event, { fee, refundedIdr }: { fee: bigint | null; refundedIdr: bigint | null }): Promise<{ paymentId: string | null; outcome: string }> {
    if (event.type === 'refund.failed') return this.applyRefundFailed(ctx, event.data.object, new Date(event.created * 1000));
    const object = event.data.object as { metadata?: Stripe.Metadata | null };
    const paymentId = object.metadata?.payment_id ?? null;
    // Another integration on the same Stripe account may use the same metadata key.
    const payment = paymentId && isUuid(paymentId) ? await this.payments.lock(ctx, paymentId) : null;
    if (!payment) return { paymentId: null, outcome: 'ignored: no payment of ours' };
    const now = new Date(event.created * 1000);
    switch (event.type) {
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded': {
        const session = event.data.object as Stripe.Checkout.Session;
        if (session.payment_status !== 'paid') return { paymentId, outcome: 'ignored: not paid yet' };
        if (payment.status === PaymentStatus.SUCCEEDED || payment.status === PaymentStatus.FLAGGED) return { paymentId, outcome: `ignored: already ${payment.status}` };
        payment.stripePaymentIntentId = typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? null);
        payment.receivedIdr = session.amount_total === null ? null : fromStripeAmount(session.amount_total);
        if (session.currency !== 'idr' || payment.receivedIdr !== payment.amountIdr) {
          const reason = `Stripe reports ${session.amount_total} ${session.currency} for an order of ${toStripeAmount(payment.amountIdr)} idr`;
          Object.assign(payment, { status: PaymentStatus.FLAGGED, flagReason: reason, recordedBy: ctx.actor!.displayName });
          await this.payments.save(ctx, payment);
          this.logger.warn(`payment ${payment.id} of ${payment.orderCode} flagged: ${reason}`);
          await this.flagged?.(ctx, { orderId: payment.orderId, paymentId: payment.id, reason });
          return { paymentId, outcome: 'flagged: amount mismatch' };
        }
        // The ledger names card money by its charge, as Stripe's balance transactions do; charge.succeeded may come later.
        if (!payment.stripeChargeId && payment.stripePaymentIntentId) {
          const intent = await this.stripe.paymentIntents.retrieve(payment.stripePaymentIntentId);
          payment.stripeChargeId = typeof intent.latest_charge === 'string' ? intent.latest_charge : (intent.latest_charge?.id ?? null);
        }
        Object.assign(payment, { status: PaymentStatus.SUCCEEDED, settledAt: now, recordedBy: ctx.actor!.displayName });
        await this.payments.save(ctx, payment);
        await this.settle(ctx, payment, payment.feeIdr, now);
        return { paymentId, outcome: 'paid' };
      }
      case 'charge.succeeded': {
        const charge = event.data.object as Stripe.Charge;
        Object.assign(payment, { stripeChargeId: charge.id, feeIdr: fee, stripePaymentIntentId: payment.stripePaymentIntentId ?? (typeof charge.payment_intent === 'string' ? charge.payment_intent : null) });
        await this.payments.save(ctx, payment);
        return { paymentId, outcome: 'charge recorded' };
      }
      case 'payment_intent.payment_failed':
        // The session stays open for another card; after a success this is history, nothing more.
        return { paymentId, outcome: payment.status === PaymentStatus.PENDING ? 'attempt failed' : `ignored: already ${payment.status}` };
      case 'checkout.session.expired': {
        const session = event.data.object as Stripe.Checkout.Session;
        if (payment.status !== PaymentStatus.PENDING || payment.stripeCheckoutSessionId !== session.id) return { paymentId, outcome: 'ignored: not the open session' };
        // The order may still be paid with a new session until its own deadline.
        Object.assign(payment, { stripeCheckoutSessionId: null, checkoutUrl: null });
        await this.payments.save(ctx, payment);
        return { paymentId, outcome: 'session expired' };
      }
      case 'charge.refunded': {
        payment.refundedIdr = refundedIdr!;
        await this.payments.save(ctx, payment);
        const refunds = await this.payments.refundsOfPayment(ctx, payment.id);
        const { covered, knownIdr } = coveredByStripe(refunds, payment.refundedIdr);
        // Only these columns: the rows were read without their locks, and a request may be applying one of them.
        await this.payments.markRefundsReconciled(ctx, [...covered], now);
        if (payment.refundedIdr !== knownIdr) this.logger.warn(`payment ${payment.id}: Stripe refunded ${payment.refundedIdr}, of which ${knownIdr} is ours by Stripe's id`);
        return { paymentId, outcome: payment.refundedIdr === knownIdr ? 'refunds reconciled' : `refunds differ: stripe ${payment.refundedIdr}, ours ${knownIdr}` };
      }
      default:
        return { paymentId, outcome: 'ignored: type not handled' };
    }
  }

  /**
   * The card's bank turned a refund down after Stripe accepted it (an expired or closed card): the
   * money went back to our Stripe balance, the buyer still has it due. Found by our id in its metadata.
   */
  private async applyRefundFailed(ctx: RequestContext, failed: Stripe.Refund, at: Date): Promise<{ paymentId: string | null; outcome: string }> {
    const refundId = failed.metadata?.refund_id;
    const ours = refundId && isUuid(refundId) ? await this.payments.findRefund(ctx, refundId) : null;
    if (!ours || ours.method !== PaymentMethod.CARD) return { paymentId: null, outcome: 'ignored: no refund of ours' };
    // The payment's lock before the refund's, as charge.refunded takes them: the two cannot deadlock.
    const payment = (await this.payments.lock(ctx, ours.paymentId))!;
    const refund = (await this.payments.lockRefund(ctx, ours.id))!;
    if (refund.stripeRefundId && refund.stripeRefundId !== failed.id) return { paymentId: refund.paymentId, outcome: 'ignored: another Stripe refund' };
    if (refund.status === RefundStatus.FAILED) return { paymentId: refund.paymentId, outcome: 'ignored: already failed' };
    if (refund.reconciledAt) {
      // charge.refunded counted it in what Stripe gave back; it is back in our balance now.
      payment.refundedIdr -= refund.amountIdr;
      await this.payments.save(ctx, payment);
    }
    Object.assign(refund, { status: RefundStatus.FAILED, failureReason: failed.failure_reason ?? 'unknown', failedAt: at, stripeRefundId: failed.id });
    await this.payments.saveRefund(ctx, refund);
    this.logger.warn(`refund ${refund.id} of ${payment.orderCode} failed at the card's bank: ${refund.failureReason}`);
    if (!this.refundFailed) throw new Error('No handler for failed refunds: the orders module registers one');
    await this.refundFailed(ctx, { refundId: refund.id, paymentId: payment.id, orderId: refund.orderId, sellerOrderId: refund.sellerOrderId, amountIdr: refund.amountIdr, reason: refund.failureReason!, at });
    return { paymentId: payment.id, outcome: 'refund failed' };
  }

  private async settle(ctx: RequestContext, payment: PaymentEntity, feeIdr: bigint | null, at: Date): Promise<void> {
    if (!this.settled) throw new Error('No handler for settled payments: the orders module registers one');
    await this.settled(ctx, { orderId: payment.orderId, paymentId: payment.id, method: payment.method, amountIdr: payment.amountIdr, feeIdr, at, providerReference: payment.stripeChargeId ?? payment.bankReference });
  }

  /**
   * What Stripe has refunded of the charge now, not when the event was made: events come in any
   * order, and a charge.refunded from before a refund failed at the card's bank would count it again.
   */
  private async refundedOf(charge: Stripe.Charge): Promise<bigint> {
    return fromStripeAmount((await this.stripe.charges.retrieve(charge.id)).amount_refunded);
  }

  private async feeOf(charge: Stripe.Charge): Promise<bigint | null> {
    const id = typeof charge.balance_transaction === 'string' ? charge.balance_transaction : charge.balance_transaction?.id;
    if (!id) return null;
    const transaction = await this.stripe.balanceTransactions.retrieve(id);
    return fromStripeAmount(transaction.fee);
  }
}
