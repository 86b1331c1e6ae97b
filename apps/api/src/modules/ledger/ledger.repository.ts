import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { LedgerTransactionEntity } from './entities/ledger-transaction.entity.js';
import { LedgerAccountKind, LedgerCause, type PaymentMethod } from './models/ledger.enums.js';
import { accountCode, type AccountRef, type Leg, type SaleLine } from './posting-rules.js';

export type NewTransaction = Pick<
  LedgerTransactionEntity,
  'idempotencyKey' | 'cause' | 'sellerId' | 'orderId' | 'sellerOrderId' | 'refundId' | 'payoutId' | 'paymentMethod' | 'providerReference' | 'occurredAt' | 'availableAt' | 'actorUserId' | 'actorSystem' | 'actorName' | 'memo'
>;

/** Her money by state at a moment (see LedgerService.balances). */
export interface BalanceFigures {
  pendingIdr: bigint;
  availableIdr: bigint;
  inPayoutIdr: bigint;
  paidOutIdr: bigint;
}

/** What the ledger knows of one seller order: how it was paid, its lines, what is pending, released and refunded. */
export interface SellerOrderLedgerState {
  paid: Pick<LedgerTransactionEntity, 'id' | 'sellerId' | 'orderId' | 'paymentMethod' | 'occurredAt'>;
  lines: Map<string, SaleLine>;
  shippingPaidIdr: bigint;
  /** The release at delivery, when there was one. */
  release: { availableAt: Date | null } | null;
  /** Her share still pending, per line. */
  pendingByLine: Map<string, bigint>;
  /** Price refunded so far per line (her share plus the commission given back). */
  refundedByLine: Map<string, bigint>;
  shippingRefundedIdr: bigint;
}

export interface MonthlyDelta {
  salesIdr?: bigint;
  commissionIdr?: bigint;
  refundedIdr?: bigint;
  refundedCommissionIdr?: bigint;
  paidOutIdr?: bigint;
  /** A sale paid at the posting's time (ORDER_PAID): counted, and the month's last sale if latest. */
  sale?: boolean;
}

const big = (value: unknown): bigint => BigInt((value as string | null) ?? 0);

/** Plain SQL: the journal is written in few statements and read by sums over the indexed entries. */
@Injectable()
export class LedgerRepository {
  constructor(private readonly db: TransactionalConnection) {}

  private query<T = Record<string, unknown>>(ctx: RequestContext, sql: string, parameters: unknown[] = []): Promise<T[]> {
    return this.db.manager(ctx).query(sql, parameters);
  }

  /** The accounts' ids by code, creating those missing (in code order, so concurrent first uses cannot deadlock). */
  async ensureAccounts(ctx: RequestContext, accounts: AccountRef[]): Promise<Map<string, string>> {
    const byCode = new Map(accounts.map((account) => [accountCode(account), account]));
    const codes = [...byCode.keys()].sort();
    const rows = codes.map((code) => byCode.get(code)!);
    await this.query(
      ctx,
      `INSERT INTO ledger_accounts (code, kind, seller_id, holder_user_id)
       SELECT * FROM unnest($1::varchar[], $2::ledger_account_kind[], $3::uuid[], $4::uuid[]) ON CONFLICT (code) DO NOTHING`,
      [codes, rows.map((a) => a.kind), rows.map((a) => ('sellerId' in a ? a.sellerId : null)), rows.map((a) => ('holderUserId' in a ? a.holderUserId : null))],
    );
    const found = await this.query<{ id: string; code: string }>(ctx, 'SELECT id, code FROM ledger_accounts WHERE code = ANY($1)', [codes]);
    return new Map(found.map((row) => [row.code, row.id]));
  }

  /**
   * Serialises everything that moves these sellers' money (postings, payout runs) on a row of each:
   * a balance read after this lock stays true until the transaction ends. In id order (no deadlocks);
   * NO KEY UPDATE, so entries referencing the row are not blocked.
   */
  async lockSellers(ctx: RequestContext, sellerIds: readonly string[]): Promise<void> {
    const ids = [...new Set(sellerIds)].sort();
    if (ids.length === 0) return;
    await this.ensureAccounts(ctx, ids.map((sellerId) => ({ kind: LedgerAccountKind.SELLER_AVAILABLE, sellerId })));
    await this.query(ctx, `SELECT id FROM ledger_accounts WHERE code = ANY($1) ORDER BY code FOR NO KEY UPDATE`, [ids.map((id) => `${LedgerAccountKind.SELLER_AVAILABLE}:${id}`)]);
  }

  async transactionIdsByKeys(ctx: RequestContext, keys: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.query<{ id: string; idempotency_key: string }>(ctx, 'SELECT id, idempotency_key FROM ledger_transactions WHERE idempotency_key = ANY($1)', [keys]);
    return new Map(rows.map((row) => [row.idempotency_key, row.id]));
  }

  /** The new transaction's id, or null when its key is posted already (by this caller earlier or a concurrent one). */
  async insertTransaction(ctx: RequestContext, row: NewTransaction): Promise<string | null> {
    const inserted = await this.query<{ id: string }>(
      ctx,
      `INSERT INTO ledger_transactions (idempotency_key, cause, seller_id, order_id, seller_order_id, refund_id, payout_id, payment_method, provider_reference, occurred_at, available_at, actor_user_id, actor_system, actor_name, memo)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [row.idempotencyKey, row.cause, row.sellerId, row.orderId, row.sellerOrderId, row.refundId, row.payoutId, row.paymentMethod, row.providerReference, row.occurredAt, row.availableAt, row.actorUserId, row.actorSystem, row.actorName, row.memo],
    );
    return inserted[0]?.id ?? null;
  }

  async insertEntries(ctx: RequestContext, transactionId: string, legs: Leg[], accountIds: Map<string, string>): Promise<void> {
    await this.query(
      ctx,
      `INSERT INTO ledger_entries (transaction_id, account_id, amount_idr, order_line_id) SELECT $1, * FROM unnest($2::uuid[], $3::bigint[], $4::uuid[])`,
      [transactionId, legs.map((l) => accountIds.get(accountCode(l.account))), legs.map((l) => l.amountIdr.toString()), legs.map((l) => l.orderLineId)],
    );
  }

  async insertSaleLines(ctx: RequestContext, transactionId: string, sellerOrderId: string, lines: (SaleLine & { ruleId: string | null; rateBasisPoints: number; floorIdr: bigint | null; capIdr: bigint | null })[]): Promise<void> {
    await this.query(
      ctx,
      `INSERT INTO ledger_sale_lines (order_line_id, transaction_id, seller_order_id, gross_idr, commission_idr, commission_rule_id, commission_rate_basis_points, commission_floor_idr, commission_cap_idr)
       SELECT o, $1, $2, g, c, r, b, f, k FROM unnest($3::uuid[], $4::bigint[], $5::bigint[], $6::uuid[], $7::int[], $8::bigint[], $9::bigint[]) AS t(o, g, c, r, b, f, k)`,
      [
        transactionId,
        sellerOrderId,
        lines.map((l) => l.orderLineId),
        lines.map((l) => l.grossIdr.toString()),
        lines.map((l) => l.commissionIdr.toString()),
        lines.map((l) => l.ruleId),
        lines.map((l) => l.rateBasisPoints),
        lines.map((l) => l.floorIdr?.toString() ?? null),
        lines.map((l) => l.capIdr?.toString() ?? null),
      ],
    );
  }

  /** Adds to her month (WITA) of `at`, in the posting's transaction. */
  async addToMonth(ctx: RequestContext, sellerId: string, at: Date, delta: MonthlyDelta): Promise<void> {
    await this.query(
      ctx,
      `INSERT INTO ledger_monthly (seller_id, month, sales_idr, commission_idr, refunded_idr, refunded_commission_idr, paid_out_idr, sales_count, last_sale_at)
       VALUES ($1, date_trunc('month', $2::timestamptz AT TIME ZONE 'Asia/Makassar')::date, $3, $4, $5, $6, $7, $8, CASE WHEN $8 > 0 THEN $2::timestamptz END)
       ON CONFLICT (seller_id, month) DO UPDATE SET
         sales_idr = ledger_monthly.sales_idr + excluded.sales_idr,
         commission_idr = ledger_monthly.commission_idr + excluded.commission_idr,
         refunded_idr = ledger_monthly.refunded_idr + excluded.refunded_idr,
         refunded_commission_idr = ledger_monthly.refunded_commission_idr + excluded.refunded_commission_idr,
         paid_out_idr = ledger_monthly.paid_out_idr + excluded.paid_out_idr,
         sales_count = ledger_monthly.sales_count + excluded.sales_count,
         last_sale_at = greatest(ledger_monthly.last_sale_at, excluded.last_sale_at),
         updated_at = now()`,
      [sellerId, at, ...[delta.salesIdr, delta.commissionIdr, delta.refundedIdr, delta.refundedCommissionIdr, delta.paidOutIdr].map((v) => (v ?? 0n).toString()), delta.sale ? 1 : 0],
    );
  }

  async paidTransaction(ctx: RequestContext, sellerOrderId: string): Promise<SellerOrderLedgerState['paid'] | null> {
    const [row] = await this.db.rows(ctx, LedgerTransactionEntity, `SELECT * FROM ledger_transactions WHERE seller_order_id = $1 AND cause = 'ORDER_PAID'`, [sellerOrderId]);
    return row ?? null;
  }

  async sellerOrderState(ctx: RequestContext, sellerOrderId: string): Promise<SellerOrderLedgerState | null> {
    const paid = await this.paidTransaction(ctx, sellerOrderId);
    if (!paid) return null;
    const lines = await this.query<{ order_line_id: string; gross_idr: string; commission_idr: string }>(ctx, 'SELECT order_line_id, gross_idr, commission_idr FROM ledger_sale_lines WHERE seller_order_id = $1', [sellerOrderId]);
    const entries = await this.query<{ cause: LedgerCause; kind: LedgerAccountKind; order_line_id: string | null; amount: string; available_at: Date | null }>(
      ctx,
      `SELECT t.cause, a.kind, e.order_line_id, sum(e.amount_idr)::text AS amount, max(t.available_at) AS available_at
       FROM ledger_transactions t JOIN ledger_entries e ON e.transaction_id = t.id JOIN ledger_accounts a ON a.id = e.account_id
       WHERE t.seller_order_id = $1 GROUP BY t.cause, a.kind, e.order_line_id`,
      [sellerOrderId],
    );
    const state: SellerOrderLedgerState = {
      paid,
      lines: new Map(lines.map((l) => [l.order_line_id, { orderLineId: l.order_line_id, grossIdr: big(l.gross_idr), commissionIdr: big(l.commission_idr) }])),
      shippingPaidIdr: 0n,
      release: null,
      pendingByLine: new Map(),
      refundedByLine: new Map(),
      shippingRefundedIdr: 0n,
    };
    const add = (map: Map<string, bigint>, key: string, amount: bigint) => map.set(key, (map.get(key) ?? 0n) + amount);
    for (const row of entries) {
      const amount = big(row.amount);
      if (row.cause === LedgerCause.DELIVERY_RELEASE && !state.release) state.release = { availableAt: row.available_at };
      if (row.kind === LedgerAccountKind.SHIPPING_PAYABLE) {
        if (row.cause === LedgerCause.ORDER_PAID) state.shippingPaidIdr = -amount;
        if (row.cause === LedgerCause.REFUND) state.shippingRefundedIdr += amount;
      }
      if (row.kind === LedgerAccountKind.SELLER_PENDING && row.order_line_id) add(state.pendingByLine, row.order_line_id, -amount);
      // A refund's legs on her account and on the commission add up to the price refunded.
      if (row.cause === LedgerCause.REFUND && row.order_line_id && row.kind !== LedgerAccountKind.REFUNDS_PAYABLE && row.kind !== LedgerAccountKind.PAYMENT_CLEARING) add(state.refundedByLine, row.order_line_id, amount);
    }
    return state;
  }

  /** The transaction posted under a key, and what it moved through the Stripe clearing; null when nothing was posted. */
  async postingByKey(ctx: RequestContext, key: string): Promise<{ transaction: LedgerTransactionEntity; stripeClearingIdr: bigint } | null> {
    const [transaction] = await this.db.rows(ctx, LedgerTransactionEntity, 'SELECT * FROM ledger_transactions WHERE idempotency_key = $1', [key]);
    if (!transaction) return null;
    const [row] = await this.query<{ amount: string | null }>(
      ctx,
      `SELECT sum(e.amount_idr)::text AS amount FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id WHERE e.transaction_id = $1 AND a.code = 'PAYMENT_CLEARING:STRIPE'`,
      [transaction.id],
    );
    return { transaction, stripeClearingIdr: big(row?.amount) };
  }

  /** The credit a refund left on REFUNDS_PAYABLE (owed to the buyer by hand: a transfer or cash refund, or a card refund the bank turned down), or null when it left none. */
  async refundOwed(ctx: RequestContext, refundId: string): Promise<bigint | null> {
    const [row] = await this.query<{ owed: string | null }>(
      ctx,
      `SELECT (-sum(e.amount_idr))::text AS owed FROM ledger_transactions t JOIN ledger_entries e ON e.transaction_id = t.id JOIN ledger_accounts a ON a.id = e.account_id
       WHERE t.refund_id = $1 AND t.cause IN ('REFUND', 'REFUND_FAILED') AND a.kind = 'REFUNDS_PAYABLE'`,
      [refundId],
    );
    return row?.owed == null ? null : big(row.owed);
  }

  async accountBalance(ctx: RequestContext, code: string): Promise<bigint> {
    const [row] = await this.query<{ balance: string | null }>(ctx, 'SELECT sum(e.amount_idr)::text AS balance FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id WHERE a.code = $1', [code]);
    return big(row?.balance);
  }

  /**
   * Her money by state at `at`: pending = her PENDING account + what is released but still in its
   * hold; available = her AVAILABLE entries whose hold has passed; in payout; paid out (sent − returned).
   */
  async balances(ctx: RequestContext, sellerIds: readonly string[], at: Date): Promise<Map<string, BalanceFigures>> {
    const result = new Map<string, BalanceFigures>(sellerIds.map((id) => [id, { pendingIdr: 0n, availableIdr: 0n, inPayoutIdr: 0n, paidOutIdr: 0n }]));
    if (sellerIds.length === 0) return result;
    const rows = await this.query<{ seller_id: string; kind: LedgerAccountKind; matured: string | null; total: string | null }>(
      ctx,
      `SELECT a.seller_id, a.kind, sum(e.amount_idr) FILTER (WHERE t.available_at IS NULL OR t.available_at <= $2)::text AS matured, sum(e.amount_idr)::text AS total
       FROM ledger_accounts a JOIN ledger_entries e ON e.account_id = a.id JOIN ledger_transactions t ON t.id = e.transaction_id
       WHERE a.seller_id = ANY($1) GROUP BY a.seller_id, a.kind`,
      [sellerIds, at],
    );
    for (const row of rows) {
      const figures = result.get(row.seller_id)!;
      // Seller accounts are credit-normal: her money is the negated sum.
      if (row.kind === LedgerAccountKind.SELLER_PENDING) figures.pendingIdr += -big(row.total);
      if (row.kind === LedgerAccountKind.SELLER_AVAILABLE) {
        figures.availableIdr += -big(row.matured);
        figures.pendingIdr += -(big(row.total) - big(row.matured));
      }
      if (row.kind === LedgerAccountKind.SELLER_IN_PAYOUT) figures.inPayoutIdr += -big(row.total);
    }
    const paidOut = await this.query<{ seller_id: string; paid_out: string }>(
      ctx,
      `SELECT t.seller_id, (-sum(e.amount_idr))::text AS paid_out FROM ledger_transactions t JOIN ledger_entries e ON e.transaction_id = t.id JOIN ledger_accounts a ON a.id = e.account_id
       WHERE t.seller_id = ANY($1) AND a.kind = 'PAYOUT_CLEARING' GROUP BY t.seller_id`,
      [sellerIds],
    );
    for (const row of paidOut) result.get(row.seller_id)!.paidOutIdr = big(row.paid_out);
    return result;
  }

  /** Sellers whose available money at `at` is at least `minimum` (candidates for a payout run; checked again under their lock). */
  async sellersWithAvailable(ctx: RequestContext, minimum: bigint, at: Date, onlySellerIds: readonly string[] | null): Promise<string[]> {
    const rows = await this.query<{ seller_id: string }>(
      ctx,
      `SELECT a.seller_id FROM ledger_accounts a JOIN ledger_entries e ON e.account_id = a.id JOIN ledger_transactions t ON t.id = e.transaction_id
       WHERE a.kind = 'SELLER_AVAILABLE' AND (t.available_at IS NULL OR t.available_at <= $2) AND ($3::uuid[] IS NULL OR a.seller_id = ANY($3))
       GROUP BY a.seller_id HAVING -sum(e.amount_idr) >= $1 ORDER BY a.seller_id`,
      [minimum.toString(), at, onlySellerIds],
    );
    return rows.map((row) => row.seller_id);
  }

  /** Her journal, newest first, one row per transaction that changed her total, with what it did to her money. */
  async sellerLines(ctx: RequestContext, sellerId: string, limit: number, after: { createdAt: Date; id: string } | null) {
    return this.query<{ id: string; cause: LedgerCause; created_at: Date; occurred_at: Date; available_at: Date | null; order_id: string | null; seller_order_id: string | null; refund_id: string | null; payout_id: string | null; memo: string | null; net: string; commission: string }>(
      ctx,
      `SELECT t.id, t.cause, t.created_at, t.occurred_at, t.available_at, t.order_id, t.seller_order_id, t.refund_id, t.payout_id, t.memo,
         (-sum(e.amount_idr) FILTER (WHERE a.kind IN ('SELLER_PENDING', 'SELLER_AVAILABLE', 'SELLER_IN_PAYOUT')))::text AS net,
         coalesce(-sum(e.amount_idr) FILTER (WHERE a.kind = 'COMMISSION_REVENUE'), 0)::text AS commission
       FROM ledger_transactions t JOIN ledger_entries e ON e.transaction_id = t.id JOIN ledger_accounts a ON a.id = e.account_id
       WHERE t.seller_id = $1 AND t.cause IN ('ORDER_PAID', 'REFUND', 'PAYOUT_SENT', 'PAYOUT_RETURNED', 'ADJUSTMENT')
         AND ($3::timestamptz IS NULL OR (t.created_at, t.id) < ($3, $4::uuid))
       GROUP BY t.id ORDER BY t.created_at DESC, t.id DESC LIMIT $2`,
      [sellerId, limit, after?.createdAt ?? null, after?.id ?? null],
    );
  }

  async countSellerLines(ctx: RequestContext, sellerId: string): Promise<number> {
    const [row] = await this.query<{ n: number }>(ctx, `SELECT count(*)::int AS n FROM ledger_transactions WHERE seller_id = $1 AND cause IN ('ORDER_PAID', 'REFUND', 'PAYOUT_SENT', 'PAYOUT_RETURNED', 'ADJUSTMENT')`, [sellerId]);
    return row.n;
  }

  async saleLinesBySellerOrders(ctx: RequestContext, sellerOrderIds: readonly string[]) {
    return this.query<{ seller_order_id: string; order_line_id: string; gross_idr: string; commission_idr: string; commission_rate_basis_points: number }>(
      ctx,
      'SELECT seller_order_id, order_line_id, gross_idr, commission_idr, commission_rate_basis_points FROM ledger_sale_lines WHERE seller_order_id = ANY($1) ORDER BY order_line_id',
      [sellerOrderIds],
    );
  }

  async releasesBySellerOrders(ctx: RequestContext, sellerOrderIds: readonly string[]): Promise<Map<string, Date | null>> {
    const rows = await this.query<{ seller_order_id: string; available_at: Date | null }>(ctx, `SELECT seller_order_id, available_at FROM ledger_transactions WHERE cause = 'DELIVERY_RELEASE' AND seller_order_id = ANY($1)`, [sellerOrderIds]);
    return new Map(rows.map((row) => [row.seller_order_id, row.available_at]));
  }

  async monthly(ctx: RequestContext, sellerIds: readonly string[], fromMonth: string, toMonth: string) {
    return this.query<{ seller_id: string; month: string; sales_idr: string; commission_idr: string; refunded_idr: string; refunded_commission_idr: string; paid_out_idr: string; sales_count: number }>(
      ctx,
      `SELECT seller_id, to_char(month, 'YYYY-MM-DD') AS month, sales_idr, commission_idr, refunded_idr, refunded_commission_idr, paid_out_idr, sales_count FROM ledger_monthly
       WHERE seller_id = ANY($1) AND month BETWEEN $2::date AND $3::date ORDER BY seller_id, month`,
      [sellerIds, fromMonth, toMonth],
    );
  }

  /**
   * Each seller's last paid sale at or before `asOf`, from the rollup: the latest month's last sale
   * that is not after it. Exact when nothing of hers was paid later in asOf's month (asOf is the end of
   * a month, or now).
   */
  async lastSales(ctx: RequestContext, sellerIds: readonly string[], asOf: Date): Promise<Map<string, Date>> {
    const rows = await this.query<{ seller_id: string; last: Date }>(
      ctx,
      `SELECT seller_id, max(last_sale_at) AS last FROM ledger_monthly
       WHERE seller_id = ANY($1) AND month <= date_trunc('month', $2::timestamptz AT TIME ZONE 'Asia/Makassar')::date AND last_sale_at <= $2 GROUP BY seller_id`,
      [sellerIds, asOf],
    );
    return new Map(rows.map((row) => [row.seller_id, row.last]));
  }

  // --- For reconciliation.

  /** Transactions whose entries do not sum to zero (the database refuses them: this must stay empty). */
  async unbalancedTransactions(ctx: RequestContext): Promise<{ id: string; total: bigint }[]> {
    const rows = await this.query<{ id: string; total: string }>(ctx, 'SELECT transaction_id AS id, sum(amount_idr)::text AS total FROM ledger_entries GROUP BY transaction_id HAVING sum(amount_idr) <> 0');
    return rows.map((row) => ({ id: row.id, total: big(row.total) }));
  }

  /** Balances of every account by code (debit positive). */
  async accountBalances(ctx: RequestContext): Promise<{ code: string; kind: LedgerAccountKind; sellerId: string | null; holderUserId: string | null; balance: bigint }[]> {
    const rows = await this.query<{ code: string; kind: LedgerAccountKind; seller_id: string | null; holder_user_id: string | null; balance: string }>(
      ctx,
      'SELECT a.code, a.kind, a.seller_id, a.holder_user_id, coalesce(sum(e.amount_idr), 0)::text AS balance FROM ledger_accounts a LEFT JOIN ledger_entries e ON e.account_id = a.id GROUP BY a.id ORDER BY a.code',
    );
    return rows.map((row) => ({ code: row.code, kind: row.kind, sellerId: row.seller_id, holderUserId: row.holder_user_id, balance: big(row.balance) }));
  }

  /** The money each transaction of the period moved through a payment rail (positive in, negative out), with its reference. */
  async paymentMovements(ctx: RequestContext, from: Date, to: Date) {
    const rows = await this.query<{ id: string; cause: LedgerCause; method: PaymentMethod | null; kind: LedgerAccountKind; code: string; reference: string | null; order_id: string | null; seller_order_id: string | null; occurred_at: Date; amount: string }>(
      ctx,
      `SELECT t.id, t.cause, t.payment_method AS method, a.kind, a.code, t.provider_reference AS reference, t.order_id, t.seller_order_id, t.occurred_at, sum(e.amount_idr)::text AS amount
       FROM ledger_transactions t JOIN ledger_entries e ON e.transaction_id = t.id JOIN ledger_accounts a ON a.id = e.account_id
       WHERE t.occurred_at >= $1 AND t.occurred_at < $2 AND a.kind IN ('PAYMENT_CLEARING', 'COD_CASH')
       GROUP BY t.id, a.kind, a.code ORDER BY t.occurred_at, t.id`,
      [from, to],
    );
    return rows.map((row) => ({ ...row, amount: big(row.amount) }));
  }

  /** What each seller order of the period was paid and refunded in the ledger (for comparing with the orders module). */
  async sellerOrderTotals(ctx: RequestContext, from: Date, to: Date): Promise<{ sellerOrderId: string; cause: LedgerCause; amount: bigint }[]> {
    const rows = await this.query<{ seller_order_id: string; cause: LedgerCause; amount: string }>(
      ctx,
      `SELECT t.seller_order_id, t.cause, sum(e.amount_idr) FILTER (WHERE e.amount_idr > 0)::text AS amount FROM ledger_transactions t JOIN ledger_entries e ON e.transaction_id = t.id
       WHERE t.cause IN ('ORDER_PAID', 'REFUND') AND t.occurred_at >= $1 AND t.occurred_at < $2 GROUP BY t.id`,
      [from, to],
    );
    return rows.map((row) => ({ sellerOrderId: row.seller_order_id, cause: row.cause, amount: big(row.amount) }));
  }

  /** Each payout's postings: the causes and the amount each moved on her accounts. */
  async payoutPostings(ctx: RequestContext, payoutIds: readonly string[]): Promise<Map<string, { cause: LedgerCause; amount: bigint }[]>> {
    const rows = await this.query<{ payout_id: string; cause: LedgerCause; amount: string }>(
      ctx,
      `SELECT t.payout_id, t.cause, sum(e.amount_idr) FILTER (WHERE e.amount_idr > 0)::text AS amount FROM ledger_transactions t JOIN ledger_entries e ON e.transaction_id = t.id
       WHERE t.payout_id = ANY($1) GROUP BY t.id`,
      [payoutIds],
    );
    const grouped = new Map<string, { cause: LedgerCause; amount: bigint }[]>();
    for (const row of rows) grouped.set(row.payout_id, [...(grouped.get(row.payout_id) ?? []), { cause: row.cause, amount: big(row.amount) }]);
    return grouped;
  }

  /** Payout postings of the period with no payout behind them (looked up by the caller). */
  async payoutIdsPostedBetween(ctx: RequestContext, from: Date, to: Date): Promise<string[]> {
    const rows = await this.query<{ payout_id: string }>(ctx, 'SELECT DISTINCT payout_id FROM ledger_transactions WHERE payout_id IS NOT NULL AND created_at >= $1 AND created_at < $2', [from, to]);
    return rows.map((row) => row.payout_id);
  }
}
