import { Injectable, Logger, Optional, Inject } from '@nestjs/common';
import Stripe from 'stripe';
import { fromStripeAmount } from '@karya-ibu/types/money';
import type { RequestContext } from '../../common/context/request-context.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { LedgerAccountKind, LedgerCause } from '../ledger/models/ledger.enums.js';
import { InvalidInputError } from '../../common/errors/error-result.js';
import type { ReconciliationReport } from './models/reconciliation.model.js';
import { OrderPaymentsSource } from './order-payments-source.js';
import { PayoutsService } from './payouts.service.js';
import { compareMovements, comparePayouts, type Difference, type Movement } from './reconciliation.js';

const WITA_MS = 8 * 3_600_000;
const STRIPE_CLEARING = `${LedgerAccountKind.PAYMENT_CLEARING}:STRIPE`;
const BANK_CLEARING = `${LedgerAccountKind.PAYMENT_CLEARING}:BANK_TRANSFER`;

/** ADMIN/FINANCE: the ledger against the orders, the payment provider, bank confirmations, COD cash and payouts, every difference listed. */
@Injectable()
export class ReconciliationService {
  private readonly logger = new Logger('Reconciliation');

  constructor(
    private readonly ledger: LedgerService,
    private readonly payouts: PayoutsService,
    private readonly stripe: Stripe,
    // By its token: a `| null` parameter type reaches Nest as Object, which nothing provides.
    @Optional() @Inject(OrderPaymentsSource) private readonly orders: OrderPaymentsSource | null,
  ) {}

  async report(ctx: RequestContext, period: string): Promise<ReconciliationReport | InvalidInputError> {
    const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
    if (!match) return new InvalidInputError('period', 'BAD_FORMAT', 'A month: YYYY-MM');
    const from = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1) - WITA_MS);
    const to = new Date(Date.UTC(Number(match[1]), Number(match[2]), 1) - WITA_MS);
    const differences: Difference[] = [];
    const unreadable: string[] = [];

    const unbalanced = await this.ledger.unbalancedTransactions(ctx);
    for (const tx of unbalanced) differences.push({ source: 'LEDGER', kind: 'UNBALANCED', reference: tx.id, ledgerIdr: tx.total, otherIdr: 0n, detail: 'Its entries do not sum to zero' });
    const accounts = await this.ledger.accountBalances(ctx);
    const movements = await this.ledger.paymentMovements(ctx, from, to);

    // Stripe: every charge and refund of the period, by the id its balance transaction names.
    const stripeLedger: Movement[] = movements.filter((m) => m.code === STRIPE_CLEARING).map((m) => ({ reference: m.reference ?? `(no reference: ${m.id})`, amountIdr: m.amount }));
    let stripeProvider: Movement[] = [];
    let stripeFees = 0n;
    try {
      const transactions = await this.stripe.balanceTransactions.list({ created: { gte: Math.floor(from.getTime() / 1000), lt: Math.floor(to.getTime() / 1000) }, limit: 100 }).autoPagingToArray({ limit: 10_000 });
      // A refund the card's bank turned down comes back as a refund_failure under the refund's id.
      const relevant = transactions.filter((t) => t.type === 'charge' || t.type === 'payment' || t.type === 'refund' || t.type === 'refund_failure');
      stripeProvider = relevant.map((t) => ({ reference: typeof t.source === 'string' ? t.source : (t.source?.id ?? t.id), amountIdr: fromStripeAmount(t.amount) }));
      stripeFees = relevant.reduce((sum, t) => sum + fromStripeAmount(t.fee), 0n);
      differences.push(...compareMovements('STRIPE', stripeLedger, stripeProvider, 'Stripe'));
    } catch (error) {
      this.logger.warn(`Stripe balance transactions unreadable [${ctx.requestId}]: ${(error as Error).message}`);
      unreadable.push('STRIPE');
    }

    // Bank transfers: each confirmed payment names its transfer, and no transfer pays two orders.
    const bank = movements.filter((m) => m.code === BANK_CLEARING);
    const ordersByReference = new Map<string, Set<string>>();
    for (const m of bank.filter((m) => m.cause === LedgerCause.ORDER_PAID)) {
      if (!m.reference) differences.push({ source: 'BANK_TRANSFER', kind: 'NO_REFERENCE', reference: m.seller_order_id ?? m.id, ledgerIdr: m.amount, otherIdr: null, detail: 'A bank-transfer payment confirmed without the transfer reference' });
      else ordersByReference.set(m.reference, (ordersByReference.get(m.reference) ?? new Set()).add(m.order_id ?? m.id));
    }
    for (const [reference, orders] of ordersByReference) {
      if (orders.size > 1) differences.push({ source: 'BANK_TRANSFER', kind: 'DUPLICATE_REFERENCE', reference, ledgerIdr: null, otherIdr: null, detail: `One transfer confirms ${orders.size} orders` });
    }

    // COD: cash is never held below zero.
    const codHeld = accounts.filter((a) => a.kind === LedgerAccountKind.COD_CASH && a.balance !== 0n).map((a) => ({ holderUserId: a.holderUserId!, heldIdr: a.balance }));
    for (const held of codHeld.filter((h) => h.heldIdr < 0n)) differences.push({ source: 'COD', kind: 'AMOUNT_MISMATCH', reference: held.holderUserId, ledgerIdr: held.heldIdr, otherIdr: null, detail: 'More COD cash brought in or refunded than collected' });

    // Payouts: each has exactly the postings of its status; no posting without a payout.
    const postedIds = await this.ledger.payoutIdsPostedBetween(ctx, from, to);
    const created = await this.payouts.createdBetween(ctx, from, to);
    const payouts = [...created, ...(await this.payouts.findByIds(ctx, postedIds.filter((id) => !created.some((p) => p.id === id))))];
    differences.push(...comparePayouts(payouts, await this.ledger.payoutPostings(ctx, payouts.map((p) => p.id)), postedIds));

    // Orders: what the orders module recorded per seller order, against the ledger.
    if (this.orders) {
      const ledgerTotals = await this.ledger.sellerOrderTotals(ctx, from, to);
      const theirs = await this.orders.sellerOrderMoney(ctx, from, to);
      const key = (sellerOrderId: string, cause: string) => `${sellerOrderId} ${cause}`;
      differences.push(
        ...compareMovements(
          'ORDERS',
          ledgerTotals.map((t) => ({ reference: key(t.sellerOrderId, t.cause === LedgerCause.ORDER_PAID ? 'paid' : 'refunded'), amountIdr: t.amount })),
          theirs.flatMap((o) => [{ reference: key(o.sellerOrderId, 'paid'), amountIdr: o.paidIdr }, ...(o.refundedIdr > 0n ? [{ reference: key(o.sellerOrderId, 'refunded'), amountIdr: o.refundedIdr }] : [])]),
          'the orders',
        ),
      );
    }

    const sum = (items: Movement[]) => items.reduce((total, m) => total + m.amountIdr, 0n);
    return {
      period,
      from,
      to,
      ledgerBalanced: unbalanced.length === 0,
      trialBalanceIdr: accounts.reduce((total, a) => total + a.balance, 0n),
      accounts: accounts.filter((a) => !a.sellerId).map((a) => ({ code: a.code, kind: a.kind, balanceIdr: a.balance })),
      stripeLedgerIdr: sum(stripeLedger),
      stripeProviderIdr: sum(stripeProvider),
      stripeFeesIdr: stripeFees,
      stripeTransactionCount: stripeProvider.length,
      bankInIdr: bank.filter((m) => m.amount > 0n).reduce((total, m) => total + m.amount, 0n),
      bankOutIdr: -bank.filter((m) => m.amount < 0n).reduce((total, m) => total + m.amount, 0n),
      codCashHeld: codHeld,
      ordersConnected: !!this.orders,
      unreadableSources: unreadable,
      differences,
    };
  }
}
