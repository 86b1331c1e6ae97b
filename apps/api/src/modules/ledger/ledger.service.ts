import { Injectable } from '@nestjs/common';
import { PAYOUT_HOLD_DAYS } from '@karya-ibu/types/rules';
import type { RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { actorColumns } from '../audit/audit.service.js';
import { CommissionsService } from '../commissions/commissions.service.js';
import { LedgerRepository, type BalanceFigures, type MonthlyDelta, type NewTransaction, type SellerOrderLedgerState } from './ledger.repository.js';
import { LedgerAccountKind, LedgerCause, PaymentMethod } from './models/ledger.enums.js';
import {
  codRemittedLegs,
  orderPaidLegs,
  payoutCancelledLegs,
  payoutReservedLegs,
  payoutReturnedLegs,
  payoutSentLegs,
  paymentAccount,
  refundedCommission,
  refundFailedLegs,
  refundLegs,
  refundSentLegs,
  releaseLegs,
  transferCodeLegs,
  type AccountRef,
  type Leg,
} from './posting-rules.js';
import type { CodCashRemittedFact, OrderPaidFact, PayoutFact, PostingResult, RefundFact, RefundFailedFact, RefundSentFact, SellerOrderDeliveredFact } from './postings.js';

const DAY_MS = 86_400_000;

/** A fact that breaks the posting contract (an unknown seller order, a refund above what was paid): a bug of the caller, never posted. */
export class LedgerContractError extends Error {}

type Posting = Omit<NewTransaction, 'actorUserId' | 'actorSystem' | 'actorName' | 'sellerId' | 'orderId' | 'sellerOrderId' | 'refundId' | 'payoutId' | 'paymentMethod' | 'providerReference' | 'availableAt' | 'memo'> &
  Partial<NewTransaction> & { legs: Leg[]; month?: MonthlyDelta };

const isPositiveWhole = (amount: bigint) => typeof amount === 'bigint' && amount > 0n;

/**
 * The ledger: the one truth of who is owed what. Other modules tell it facts (an order paid, a
 * seller order delivered, a refund, a payout sent…) through the methods below, inside their own
 * transaction; each fact is posted once under its idempotency key, so a replayed webhook or a retried
 * job posts nothing more and gets the same answer. Every posting about a seller first takes her
 * lock, so balances read under it stay true until the transaction ends.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly ledger: LedgerRepository,
    private readonly commissions: CommissionsService,
  ) {}

  /**
   * Order paid. One transaction per seller order, key `order-paid:<sellerOrderId>`: the payment
   * account (clearing of its method, or the COD cash of whoever collected it) debited with lines +
   * shipping; her share of each line (pending until delivery), the commission at the line's frozen
   * rate and the shipping credited.
   */
  async postOrderPaid(ctx: RequestContext, fact: OrderPaidFact): Promise<PostingResult> {
    if (fact.sellerOrders.length === 0) throw new LedgerContractError('An order paid has at least one seller order');
    if (fact.method === PaymentMethod.STRIPE && !fact.providerReference) throw new LedgerContractError('A Stripe payment names its charge (providerReference)');
    if (fact.uniqueCodeIdr !== undefined && fact.uniqueCodeIdr < 0n) throw new LedgerContractError('A transfer\'s unique code cannot be negative');
    const paidTo = paymentAccount(fact.method, fact.cashCollectedByUserId);
    const lineIds = new Set<string>();
    for (const sellerOrder of fact.sellerOrders) {
      if (sellerOrder.lines.length === 0) throw new LedgerContractError(`Seller order ${sellerOrder.sellerOrderId} has no lines`);
      if (sellerOrder.shippingIdr < 0n) throw new LedgerContractError('Shipping cannot be negative');
      for (const line of sellerOrder.lines) {
        if (!isPositiveWhole(line.grossIdr)) throw new LedgerContractError(`Line ${line.orderLineId}: a price is a positive whole amount`);
        if (lineIds.has(line.orderLineId)) throw new LedgerContractError(`Line ${line.orderLineId} appears twice`);
        lineIds.add(line.orderLineId);
      }
    }
    return this.db.withTransaction(ctx, async (ctx) => {
      await this.ledger.lockSellers(ctx, fact.sellerOrders.map((s) => s.sellerId));
      const ids: string[] = [];
      let replayed = false;
      const payment = { orderId: fact.orderId, paymentMethod: fact.method, providerReference: fact.providerReference, occurredAt: fact.paidAt };
      for (const sellerOrder of fact.sellerOrders) {
        const lines = sellerOrder.lines.map((line) => ({ ...line.commission, orderLineId: line.orderLineId, grossIdr: line.grossIdr, commissionIdr: this.commissions.commissionFor(line.commission, line.grossIdr) }));
        const posted = await this.post(ctx, {
          idempotencyKey: `order-paid:${sellerOrder.sellerOrderId}`,
          cause: LedgerCause.ORDER_PAID,
          sellerId: sellerOrder.sellerId,
          sellerOrderId: sellerOrder.sellerOrderId,
          ...payment,
          legs: orderPaidLegs(sellerOrder.sellerId, lines, sellerOrder.shippingIdr, paidTo),
          month: { salesIdr: lines.reduce((s, l) => s + l.grossIdr, 0n), commissionIdr: lines.reduce((s, l) => s + l.commissionIdr, 0n), sale: true },
        });
        if (!posted.replayed) await this.ledger.insertSaleLines(ctx, posted.id, sellerOrder.sellerOrderId, lines);
        ids.push(posted.id);
        replayed ||= posted.replayed;
      }
      if (fact.method === PaymentMethod.BANK_TRANSFER && fact.uniqueCodeIdr) {
        const code = await this.post(ctx, {
          idempotencyKey: `transfer-code:${fact.orderId}`,
          cause: LedgerCause.TRANSFER_CODE,
          ...payment,
          legs: transferCodeLegs(fact.uniqueCodeIdr),
        });
        ids.push(code.id);
      }
      return { transactionIds: ids, replayed };
    });
  }

  /**
   * Seller order delivered, key `delivered:<sellerOrderId>`: what is still pending of it moves to her
   * available account, spendable PAYOUT_HOLD_DAYS after delivery (the transaction's availableAt).
   * Call it after postOrderPaid (for COD, in the same transaction). Nothing to move (all refunded): no posting.
   */
  async postSellerOrderDelivered(ctx: RequestContext, fact: SellerOrderDeliveredFact): Promise<PostingResult> {
    return this.db.withTransaction(ctx, async (ctx) => {
      const state = await this.lockedState(ctx, fact.sellerOrderId);
      const sellerId = state.paid.sellerId!;
      const legs = releaseLegs(sellerId, state.pendingByLine);
      const key = `delivered:${fact.sellerOrderId}`;
      if (legs.length === 0) {
        const existing = (await this.ledger.transactionIdsByKeys(ctx, [key])).get(key);
        return { transactionIds: existing ? [existing] : [], replayed: !!existing };
      }
      const posted = await this.post(ctx, {
        idempotencyKey: key,
        cause: LedgerCause.DELIVERY_RELEASE,
        sellerId,
        orderId: state.paid.orderId,
        sellerOrderId: fact.sellerOrderId,
        occurredAt: fact.deliveredAt,
        availableAt: new Date(fact.deliveredAt.getTime() + PAYOUT_HOLD_DAYS * DAY_MS),
        legs,
      });
      return { transactionIds: [posted.id], replayed: posted.replayed };
    });
  }

  /**
   * Refund of part or all of a seller order, key `refund:<refundId>`: the exact reverse of the sale
   * for the refunded part (her share from pending or available, the commission given back in
   * proportion, the shipping), credited to the Stripe clearing (a Stripe refund is made already) or,
   * for bank-transfer and COD orders, to REFUNDS_PAYABLE until postRefundSent. After a payout this
   * leaves her available balance negative: the next payout nets it.
   */
  async postRefund(ctx: RequestContext, fact: RefundFact): Promise<PostingResult> {
    return this.db.withTransaction(ctx, async (ctx) => {
      const key = `refund:${fact.refundId}`;
      const state = await this.lockedState(ctx, fact.sellerOrderId);
      const existing = (await this.ledger.transactionIdsByKeys(ctx, [key])).get(key);
      if (existing) return { transactionIds: [existing], replayed: true };
      const sellerId = state.paid.sellerId!;
      const lines = fact.lines.map((refund) => {
        const line = state.lines.get(refund.orderLineId);
        if (!line) throw new LedgerContractError(`Line ${refund.orderLineId} is not in seller order ${fact.sellerOrderId}`);
        const before = state.refundedByLine.get(refund.orderLineId) ?? 0n;
        if (!isPositiveWhole(refund.amountIdr) || before + refund.amountIdr > line.grossIdr) {
          throw new LedgerContractError(`Line ${refund.orderLineId}: Rp ${refund.amountIdr} is more than the Rp ${line.grossIdr - before} left to refund`);
        }
        return { orderLineId: refund.orderLineId, amountIdr: refund.amountIdr, commissionIdr: refundedCommission(line, before, refund.amountIdr) };
      });
      if (new Set(fact.lines.map((l) => l.orderLineId)).size !== fact.lines.length) throw new LedgerContractError('A line appears twice in one refund');
      if (fact.shippingIdr < 0n || state.shippingRefundedIdr + fact.shippingIdr > state.shippingPaidIdr) throw new LedgerContractError(`Shipping: at most Rp ${state.shippingPaidIdr - state.shippingRefundedIdr} is left to refund`);
      if (lines.length === 0 && fact.shippingIdr === 0n) throw new LedgerContractError('A refund refunds something');
      const released = state.release !== null;
      const method = state.paid.paymentMethod!;
      if (method === PaymentMethod.STRIPE && !fact.providerReference) throw new LedgerContractError('A Stripe refund names its refund (providerReference)');
      const holdUntil = state.release?.availableAt;
      const posted = await this.post(ctx, {
        idempotencyKey: key,
        cause: LedgerCause.REFUND,
        sellerId,
        orderId: state.paid.orderId,
        sellerOrderId: fact.sellerOrderId,
        refundId: fact.refundId,
        paymentMethod: method,
        providerReference: fact.providerReference,
        occurredAt: fact.refundedAt,
        // Taken from money still in its hold, it leaves the hold with it.
        availableAt: holdUntil && holdUntil > new Date() ? holdUntil : null,
        memo: fact.reason,
        legs: refundLegs(
          { kind: released ? LedgerAccountKind.SELLER_AVAILABLE : LedgerAccountKind.SELLER_PENDING, sellerId },
          lines,
          fact.shippingIdr,
          method === PaymentMethod.STRIPE ? { kind: LedgerAccountKind.PAYMENT_CLEARING, method } : { kind: LedgerAccountKind.REFUNDS_PAYABLE },
        ),
        month: { refundedIdr: lines.reduce((s, l) => s + l.amountIdr, 0n), refundedCommissionIdr: lines.reduce((s, l) => s + l.commissionIdr, 0n) },
      });
      return { transactionIds: [posted.id], replayed: posted.replayed };
    });
  }

  /**
   * A card refund the card's bank turned down, key `refund-failed:<refundId>`: Stripe has the money
   * back, and it is owed to the buyer by hand (REFUNDS_PAYABLE, until postRefundSent). The refund
   * stands: her share and the commission stay given back. Nothing posted for it (yet) posts nothing.
   */
  async postRefundFailed(ctx: RequestContext, fact: RefundFailedFact): Promise<PostingResult> {
    return this.db.withTransaction(ctx, async (ctx) => {
      const refund = await this.ledger.postingByKey(ctx, `refund:${fact.refundId}`);
      if (!refund) return { transactionIds: [], replayed: false };
      const { transaction, stripeClearingIdr } = refund;
      if (transaction.paymentMethod !== PaymentMethod.STRIPE || stripeClearingIdr >= 0n) throw new LedgerContractError(`Refund ${fact.refundId} was not made by card: only a card refund fails after it is made`);
      const posted = await this.post(ctx, {
        idempotencyKey: `refund-failed:${fact.refundId}`,
        cause: LedgerCause.REFUND_FAILED,
        orderId: transaction.orderId,
        sellerOrderId: transaction.sellerOrderId,
        refundId: fact.refundId,
        paymentMethod: PaymentMethod.STRIPE,
        // Stripe's refund_failure balance transaction names the refund, as this does.
        providerReference: transaction.providerReference,
        occurredAt: fact.failedAt,
        memo: transaction.memo,
        legs: refundFailedLegs(-stripeClearingIdr),
      });
      return { transactionIds: [posted.id], replayed: posted.replayed };
    });
  }

  /** What is left to refund of a seller order, per line and shipping (a cancel refunds all of it). */
  async refundable(ctx: RequestContext, sellerOrderId: string): Promise<{ lines: { orderLineId: string; amountIdr: bigint }[]; shippingIdr: bigint } | null> {
    const state = await this.ledger.sellerOrderState(ctx, sellerOrderId);
    if (!state) return null;
    const lines = [...state.lines.values()].map((line) => ({ orderLineId: line.orderLineId, amountIdr: line.grossIdr - (state.refundedByLine.get(line.orderLineId) ?? 0n) })).filter((l) => l.amountIdr > 0n);
    return { lines, shippingIdr: state.shippingPaidIdr - state.shippingRefundedIdr };
  }

  /** A refund owed by hand was returned to the buyer, key `refund-sent:<refundId>`: REFUNDS_PAYABLE debited, the bank account or the holder's cash credited. */
  async postRefundSent(ctx: RequestContext, fact: RefundSentFact): Promise<PostingResult> {
    return this.db.withTransaction(ctx, async (ctx) => {
      const owed = await this.ledger.refundOwed(ctx, fact.refundId);
      if (owed === null) throw new LedgerContractError(`Refund ${fact.refundId} owes nothing by hand (unknown, or a Stripe refund)`);
      if (fact.amountIdr !== owed) throw new LedgerContractError(`Refund ${fact.refundId} owes Rp ${owed}, not Rp ${fact.amountIdr}`);
      const from: AccountRef = fact.method === PaymentMethod.COD ? paymentAccount(PaymentMethod.COD, fact.cashHolderUserId) : { kind: LedgerAccountKind.PAYMENT_CLEARING, method: PaymentMethod.BANK_TRANSFER };
      const posted = await this.post(ctx, { idempotencyKey: `refund-sent:${fact.refundId}`, cause: LedgerCause.REFUND_SENT, refundId: fact.refundId, paymentMethod: fact.method, providerReference: fact.reference, occurredAt: fact.sentAt, legs: refundSentLegs(owed, from) });
      return { transactionIds: [posted.id], replayed: posted.replayed };
    });
  }

  /** COD cash brought to the platform's bank account, key `cod-remitted:<remittanceId>`. */
  async postCodCashRemitted(ctx: RequestContext, fact: CodCashRemittedFact): Promise<PostingResult> {
    if (!isPositiveWhole(fact.amountIdr)) throw new LedgerContractError('A remittance is a positive amount');
    return this.db.withTransaction(ctx, async (ctx) => {
      const key = `cod-remitted:${fact.remittanceId}`;
      const existing = (await this.ledger.transactionIdsByKeys(ctx, [key])).get(key);
      if (existing) return { transactionIds: [existing], replayed: true };
      const held = await this.ledger.accountBalance(ctx, `${LedgerAccountKind.COD_CASH}:${fact.holderUserId}`);
      if (fact.amountIdr > held) throw new LedgerContractError(`The holder has Rp ${held} of COD cash, not Rp ${fact.amountIdr}`);
      const posted = await this.post(ctx, { idempotencyKey: key, cause: LedgerCause.COD_REMITTED, paymentMethod: PaymentMethod.COD, providerReference: fact.reference, occurredAt: fact.remittedAt, legs: codRemittedLegs(fact.holderUserId, fact.amountIdr) });
      return { transactionIds: [posted.id], replayed: posted.replayed };
    });
  }

  // --- Payouts (PayoutsService calls these inside its transaction, after lockSellers).

  /** Takes the sellers' locks for the rest of the caller's transaction (see LedgerRepository.lockSellers). */
  lockSellers(ctx: RequestContext, sellerIds: readonly string[]): Promise<void> {
    if (!ctx.transaction) throw new Error('lockSellers holds only inside a transaction');
    return this.ledger.lockSellers(ctx, sellerIds);
  }

  /** Sellers with at least `minimum` available now (to check again under their lock). */
  sellersWithAvailable(ctx: RequestContext, minimum: bigint, onlySellerIds: readonly string[] | null): Promise<string[]> {
    return this.ledger.sellersWithAvailable(ctx, minimum, new Date(), onlySellerIds);
  }

  /** Reserved for a payout, key `payout-reserved:<payoutId>`: available → in payout. */
  postPayoutReserved(ctx: RequestContext, fact: PayoutFact): Promise<PostingResult> {
    return this.postPayout(ctx, fact, 'payout-reserved', LedgerCause.PAYOUT_RESERVED, payoutReservedLegs(fact.sellerId, fact.amountIdr));
  }

  /** Failed before it was sent, key `payout-cancelled:<payoutId>`: the reservation reversed. */
  postPayoutCancelled(ctx: RequestContext, fact: PayoutFact): Promise<PostingResult> {
    return this.postPayout(ctx, fact, 'payout-cancelled', LedgerCause.PAYOUT_CANCELLED, payoutCancelledLegs(fact.sellerId, fact.amountIdr));
  }

  /** Sent, key `payout-sent:<payoutId>`: her payable debited, the payout clearing credited. */
  postPayoutSent(ctx: RequestContext, fact: PayoutFact): Promise<PostingResult> {
    return this.postPayout(ctx, fact, 'payout-sent', LedgerCause.PAYOUT_SENT, payoutSentLegs(fact.sellerId, fact.amountIdr, fact.method), { paidOutIdr: fact.amountIdr });
  }

  /** Returned by the bank after it was sent, key `payout-returned:<payoutId>`: the sending reversed into her available balance. */
  postPayoutReturned(ctx: RequestContext, fact: PayoutFact): Promise<PostingResult> {
    return this.postPayout(ctx, fact, 'payout-returned', LedgerCause.PAYOUT_RETURNED, payoutReturnedLegs(fact.sellerId, fact.amountIdr, fact.method), { paidOutIdr: -fact.amountIdr });
  }

  private async postPayout(ctx: RequestContext, fact: PayoutFact, prefix: string, cause: LedgerCause, legs: Leg[], month?: MonthlyDelta): Promise<PostingResult> {
    if (!isPositiveWhole(fact.amountIdr)) throw new LedgerContractError('A payout is a positive amount');
    return this.db.withTransaction(ctx, async (ctx) => {
      await this.ledger.lockSellers(ctx, [fact.sellerId]);
      const posted = await this.post(ctx, { idempotencyKey: `${prefix}:${fact.payoutId}`, cause, sellerId: fact.sellerId, payoutId: fact.payoutId, occurredAt: fact.at, memo: fact.memo, legs, month });
      return { transactionIds: [posted.id], replayed: posted.replayed };
    });
  }

  // --- Reading.

  /** Her money by state now (or at `at`). */
  balances(ctx: RequestContext, sellerIds: readonly string[], at = new Date()): Promise<Map<string, BalanceFigures>> {
    return this.ledger.balances(ctx, sellerIds, at);
  }

  /**
   * Her months (WITA), from `fromMonth` to `toMonth` (first days, YYYY-MM-DD), each with sales,
   * commission, refunds, net income and payouts: for her chart, and for the impact figures.
   */
  async monthlyIncome(ctx: RequestContext, sellerIds: readonly string[], fromMonth: string, toMonth: string): Promise<Map<string, MonthlyIncomeFigures[]>> {
    const grouped = new Map<string, MonthlyIncomeFigures[]>(sellerIds.map((id) => [id, []]));
    for (const row of await this.ledger.monthly(ctx, sellerIds, fromMonth, toMonth)) {
      const sales = BigInt(row.sales_idr);
      const commission = BigInt(row.commission_idr);
      const refunded = BigInt(row.refunded_idr);
      const refundedCommission = BigInt(row.refunded_commission_idr);
      grouped.get(row.seller_id)!.push({
        month: row.month,
        salesIdr: sales,
        commissionIdr: commission - refundedCommission,
        refundedIdr: refunded,
        netIncomeIdr: sales - commission - (refunded - refundedCommission),
        paidOutIdr: BigInt(row.paid_out_idr),
        sales: row.sales_count,
      });
    }
    return grouped;
  }

  /** Each seller's last paid sale at or before `asOf` (sellers who never sold left out), from the monthly rollup. */
  lastSaleAt(ctx: RequestContext, sellerIds: readonly string[], asOf: Date): Promise<Map<string, Date>> {
    return sellerIds.length ? this.ledger.lastSales(ctx, sellerIds, asOf) : Promise.resolve(new Map());
  }

  /** Her journal lines, newest first (sales, refunds, payouts), each with what it did to her money. */
  sellerLines(ctx: RequestContext, sellerId: string, limit: number, after: { createdAt: Date; id: string } | null) {
    return this.ledger.sellerLines(ctx, sellerId, limit, after);
  }

  countSellerLines(ctx: RequestContext, sellerId: string): Promise<number> {
    return this.ledger.countSellerLines(ctx, sellerId);
  }

  saleLinesBySellerOrders(ctx: RequestContext, sellerOrderIds: readonly string[]) {
    return this.ledger.saleLinesBySellerOrders(ctx, sellerOrderIds);
  }

  releasesBySellerOrders(ctx: RequestContext, sellerOrderIds: readonly string[]) {
    return this.ledger.releasesBySellerOrders(ctx, sellerOrderIds);
  }

  /** For reconciliation: the journal's own checks and what moved through each rail. */
  unbalancedTransactions(ctx: RequestContext) {
    return this.ledger.unbalancedTransactions(ctx);
  }

  accountBalances(ctx: RequestContext) {
    return this.ledger.accountBalances(ctx);
  }

  paymentMovements(ctx: RequestContext, from: Date, to: Date) {
    return this.ledger.paymentMovements(ctx, from, to);
  }

  sellerOrderTotals(ctx: RequestContext, from: Date, to: Date) {
    return this.ledger.sellerOrderTotals(ctx, from, to);
  }

  payoutPostings(ctx: RequestContext, payoutIds: readonly string[]) {
    return this.ledger.payoutPostings(ctx, payoutIds);
  }

  payoutIdsPostedBetween(ctx: RequestContext, from: Date, to: Date) {
    return this.ledger.payoutIdsPostedBetween(ctx, from, to);
  }

  /** The seller order's state read under its seller's lock. */
  private async lockedState(ctx: RequestContext, sellerOrderId: string): Promise<SellerOrderLedgerState> {
    const paid = await this.ledger.paidTransaction(ctx, sellerOrderId);
    if (!paid) throw new LedgerContractError(`Seller order ${sellerOrderId} was never paid (post the payment first)`);
    await this.ledger.lockSellers(ctx, [paid.sellerId!]);
    return (await this.ledger.sellerOrderState(ctx, sellerOrderId))!;
  }

  /** Writes one balanced transaction under its key; an existing key is a replay and writes nothing. */
  private async post(ctx: RequestContext, posting: Posting): Promise<{ id: string; replayed: boolean }> {
    const { legs, month, ...row } = posting;
    if (legs.length < 2 || legs.reduce((sum, l) => sum + l.amountIdr, 0n) !== 0n) throw new Error(`Posting ${row.idempotencyKey} does not balance`);
    if (!ctx.actor) throw new Error('A posting names who made it');
    const existing = (await this.ledger.transactionIdsByKeys(ctx, [row.idempotencyKey])).get(row.idempotencyKey);
    if (existing) return { id: existing, replayed: true };
    const accounts = await this.ledger.ensureAccounts(ctx, legs.map((l) => l.account));
    const id = await this.ledger.insertTransaction(ctx, {
      sellerId: null,
      orderId: null,
      sellerOrderId: null,
      refundId: null,
      payoutId: null,
      paymentMethod: null,
      providerReference: null,
      availableAt: null,
      memo: null,
      ...row,
      ...actorColumns(ctx.actor),
    });
    if (!id) return { id: (await this.ledger.transactionIdsByKeys(ctx, [row.idempotencyKey])).get(row.idempotencyKey)!, replayed: true };
    await this.ledger.insertEntries(ctx, id, legs, accounts);
    if (month && row.sellerId) await this.ledger.addToMonth(ctx, row.sellerId, row.occurredAt, month);
    return { id, replayed: false };
  }
}

export interface MonthlyIncomeFigures {
  /** First day of the month (WITA), YYYY-MM-DD. */
  month: string;
  salesIdr: bigint;
  /** Commission kept: taken on sales less given back with refunds. */
  commissionIdr: bigint;
  refundedIdr: bigint;
  /** Sales − commission − refunds (her share of them): what she earned that month. */
  netIncomeIdr: bigint;
  paidOutIdr: bigint;
  /** Her seller orders paid that month. */
  sales: number;
}
