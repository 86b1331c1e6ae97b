import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context.js';
import type { CheckoutProduct } from '../catalog/models/checkout-product.js';
import type { FrozenCommission } from '../commissions/commission.js';
import { CommissionsService } from '../commissions/commissions.service.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { PaymentMethod as LedgerPaymentMethod } from '../ledger/models/ledger.enums.js';
import { PaymentMethod } from '../payments/models/payment.enums.js';
import { PaymentsService } from '../payments/payments.service.js';
import { OrderPaymentsSource, type SellerOrderMoney } from '../payouts/order-payments-source.js';
import { TrainingService } from '../training/training.service.js';
import type { OrderLineEntity } from './entities/order-line.entity.js';
import type { SellerOrderEntity } from './entities/seller-order.entity.js';
import { OrderRepository } from './order.repository.js';

const LEDGER_METHOD: Record<PaymentMethod, LedgerPaymentMethod> = {
  [PaymentMethod.CARD]: LedgerPaymentMethod.STRIPE,
  [PaymentMethod.BANK_TRANSFER]: LedgerPaymentMethod.BANK_TRANSFER,
  [PaymentMethod.COD]: LedgerPaymentMethod.COD,
};

/** What a refund tells the ledger (a payments module Refund has these). */
export interface RefundMade {
  id: string;
  sellerOrderId: string;
  method: PaymentMethod;
  amountIdr: bigint;
  stripeRefundId: string | null;
  settledAt: Date | null;
  reason: string;
}

export const frozenOf = (line: OrderLineEntity): FrozenCommission => ({
  ruleId: line.commissionRuleId,
  rateBasisPoints: line.commissionRateBasisPoints,
  floorIdr: line.commissionFloorIdr,
  capIdr: line.commissionCapIdr,
});

/**
 * What orders tell the ledger, always inside the transaction that changed the order: the commission
 * rate frozen on each line at purchase, the payment (her share pending), the delivery (her share
 * released after the hold) and refunds. Every posting carries the ledger's idempotency key, so a
 * replayed webhook or a retried job posts nothing twice. It is also the orders' side of the
 * reconciliation report.
 */
@Injectable()
export class OrderMoney extends OrderPaymentsSource {
  constructor(
    private readonly orders: OrderRepository,
    private readonly ledger: LedgerService,
    private readonly commissions: CommissionsService,
    private readonly training: TrainingService,
    private readonly payments: PaymentsService,
  ) {
    super();
  }

  /** The commission rate of each product bought now, by product id: the most specific rule for its seller, her cohorts and its category. */
  async ratesFor(ctx: RequestContext, products: readonly CheckoutProduct[], at: Date): Promise<Map<string, FrozenCommission>> {
    const programs = await this.training.programsBySellerIds(ctx, [...new Set(products.map((p) => p.sellerId))]);
    const bySellerAndCategory = new Map<string, Promise<FrozenCommission>>();
    const rates = new Map<string, FrozenCommission>();
    for (const product of products) {
      const key = `${product.sellerId}:${product.category}`;
      if (!bySellerAndCategory.has(key)) {
        const trainingProgramIds = (programs.get(product.sellerId) ?? []).map((program) => program.id);
        bySellerAndCategory.set(key, this.commissions.rateFor(ctx, { sellerId: product.sellerId, category: product.category, trainingProgramIds, at }));
      }
      const { ruleId, rateBasisPoints, floorIdr, capIdr } = await bySellerAndCategory.get(key)!;
      rates.set(product.id, { ruleId, rateBasisPoints, floorIdr, capIdr });
    }
    return rates;
  }

  /** The order's money arrived (card or transfer for all its seller orders; cash for one): her share of each is pending until delivery. */
  async paid(
    ctx: RequestContext,
    p: { orderId: string; sellerOrders: SellerOrderEntity[]; method: PaymentMethod; providerReference: string | null; cashCollectedByUserId?: string | null; uniqueCodeIdr?: bigint; at: Date },
  ): Promise<void> {
    await this.orders.markPaid(ctx, p.sellerOrders.map((so) => so.id), p.at);
    const payable = p.sellerOrders.filter((so) => so.itemsTotalIdr > 0n);
    if (!payable.length) return;
    const lines = await this.orders.linesOf(ctx, payable.map((so) => so.id));
    await this.ledger.postOrderPaid(ctx, {
      orderId: p.orderId,
      method: LEDGER_METHOD[p.method],
      paidAt: p.at,
      providerReference: p.providerReference,
      cashCollectedByUserId: p.cashCollectedByUserId ?? null,
      uniqueCodeIdr: p.uniqueCodeIdr,
      sellerOrders: payable.map((so) => ({
        sellerOrderId: so.id,
        sellerId: so.sellerId,
        shippingIdr: so.shippingIdr,
        lines: lines.filter((line) => line.sellerOrderId === so.id).map((line) => ({ orderLineId: line.id, grossIdr: line.lineTotalIdr, commission: frozenOf(line) })),
      })),
    });
  }

  /** The parcel reached the buyer: her share becomes available after the hold. */
  async delivered(ctx: RequestContext, sellerOrder: SellerOrderEntity, at: Date): Promise<void> {
    // A guest confirms with her order's code and phone, signed in as nobody: the posting names her so.
    await this.ledger.postSellerOrderDelivered(ctx.actor ? ctx : ctx.asSystem('guest-buyer'), { sellerOrderId: sellerOrder.id, deliveredAt: at });
  }

  /**
   * A refund of part of a seller order, spread over what is left of its lines first and then its
   * shipping. A card refund is made at Stripe already; a transfer or cash refund is paid by hand at
   * once (PaymentsService records it done), so it is posted as sent too.
   */
  async refunded(ctx: RequestContext, refund: RefundMade, cashHolderUserId: string | null): Promise<void> {
    const left = await this.ledger.refundable(ctx, refund.sellerOrderId);
    if (!left) return;
    let rest = refund.amountIdr;
    const lines: { orderLineId: string; amountIdr: bigint }[] = [];
    for (const line of left.lines) {
      const amountIdr = rest < line.amountIdr ? rest : line.amountIdr;
      if (amountIdr > 0n) lines.push({ orderLineId: line.orderLineId, amountIdr });
      rest -= amountIdr;
    }
    const shippingIdr = rest < left.shippingIdr ? rest : left.shippingIdr;
    if (!lines.length && shippingIdr === 0n) return;
    const at = refund.settledAt ?? new Date();
    await this.ledger.postRefund(ctx, { refundId: refund.id, sellerOrderId: refund.sellerOrderId, refundedAt: at, providerReference: refund.stripeRefundId, lines, shippingIdr, reason: refund.reason });
    if (refund.method === PaymentMethod.CARD) return;
    const method = refund.method === PaymentMethod.COD && cashHolderUserId ? LedgerPaymentMethod.COD : LedgerPaymentMethod.BANK_TRANSFER;
    const amountIdr = lines.reduce((sum, line) => sum + line.amountIdr, shippingIdr);
    await this.ledger.postRefundSent(ctx, { refundId: refund.id, sentAt: at, method, cashHolderUserId: method === LedgerPaymentMethod.COD ? cashHolderUserId : null, amountIdr, reference: null });
  }

  /** A card refund the bank turned down: owed to the buyer by hand now (nothing when the refund is not posted yet). */
  async refundFailed(ctx: RequestContext, refundId: string, failedAt: Date): Promise<void> {
    await this.ledger.postRefundFailed(ctx, { refundId, failedAt });
  }

  /** Finance sent a failed card refund by bank transfer: what was owed to the buyer leaves the bank account. */
  async refundReturned(ctx: RequestContext, refund: { id: string; amountIdr: bigint }, reference: string, at: Date): Promise<void> {
    await this.ledger.postRefundSent(ctx, { refundId: refund.id, sentAt: at, method: LedgerPaymentMethod.BANK_TRANSFER, amountIdr: refund.amountIdr, reference });
  }

  async sellerOrderMoney(ctx: RequestContext, from: Date, to: Date): Promise<SellerOrderMoney[]> {
    const paid = await this.orders.paidSellerOrdersBetween(ctx, from, to);
    const refunded = await this.payments.refundedBetween(ctx, from, to);
    const money = new Map<string, SellerOrderMoney>(paid.map(({ sellerOrderId, paidIdr }) => [sellerOrderId, { sellerOrderId, paidIdr, refundedIdr: 0n }]));
    for (const { sellerOrderId, refundedIdr } of refunded) {
      const entry = money.get(sellerOrderId) ?? { sellerOrderId, paidIdr: 0n, refundedIdr: 0n };
      entry.refundedIdr += refundedIdr;
      money.set(sellerOrderId, entry);
    }
    return [...money.values()];
  }
}
