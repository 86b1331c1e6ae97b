import { randomUUID } from 'node:crypto';
import { RequestContext } from '../src/common/context/request-context.js';
import { LedgerService } from '../src/modules/ledger/ledger.service.js';
import { PaymentMethod, PayoutMethod } from '../src/modules/ledger/models/ledger.enums.js';
import type { FrozenCommission } from '../src/modules/commissions/commission.js';
import type { OrderPaidFact } from '../src/modules/ledger/postings.js';
import type { Seller } from '../src/modules/sellers/models/seller.model.js';
import { SellerBalanceDocument } from './generated/graphql.js';
import type { TestApp } from './harness/test-app.js';

/**
 * Money test data through the ledger's own posting API, in the test process (the facts an orders
 * module will give it), and payout details written as the seed writes them.
 */
export const systemCtx = () => RequestContext.forSystem('seed');
export const ledgerOf = (t: TestApp) => t.get(LedgerService);
export const TEN_PERCENT: FrozenCommission = { ruleId: null, rateBasisPoints: 1000, floorIdr: null, capIdr: null };
const DAY = 86_400_000;

export interface PaidSellerOrder {
  orderId: string;
  sellerOrderId: string;
  lineIds: string[];
}

/** One order of one seller order, paid: lines at these prices (10 % unless given), shipping. */
export async function payOrder(
  t: TestApp,
  seller: Seller,
  prices: bigint[],
  options: { shippingIdr?: bigint; method?: PaymentMethod; providerReference?: string | null; cashCollectedByUserId?: string; rate?: FrozenCommission; paidAt?: Date } = {},
): Promise<PaidSellerOrder> {
  const order: PaidSellerOrder = { orderId: randomUUID(), sellerOrderId: randomUUID(), lineIds: prices.map(() => randomUUID()) };
  const method = options.method ?? PaymentMethod.BANK_TRANSFER;
  const fact: OrderPaidFact = {
    orderId: order.orderId,
    method,
    paidAt: options.paidAt ?? new Date(),
    providerReference: options.providerReference !== undefined ? options.providerReference : `TRF-${order.orderId.slice(0, 8)}`,
    cashCollectedByUserId: options.cashCollectedByUserId ?? null,
    sellerOrders: [{ sellerOrderId: order.sellerOrderId, sellerId: seller.id, shippingIdr: options.shippingIdr ?? 0n, lines: prices.map((grossIdr, i) => ({ orderLineId: order.lineIds[i], grossIdr, commission: options.rate ?? TEN_PERCENT })) }],
  };
  await ledgerOf(t).postOrderPaid(systemCtx(), fact);
  return order;
}

/** Delivered long enough ago that the hold is over: her money is available now. */
export function deliverAndRelease(t: TestApp, order: PaidSellerOrder, daysAgo = 8): Promise<unknown> {
  return ledgerOf(t).postSellerOrderDelivered(systemCtx(), { sellerOrderId: order.sellerOrderId, deliveredAt: new Date(Date.now() - daysAgo * DAY) });
}

/** Payout details set long enough ago that payouts are not held. */
export async function givePayoutDetails(t: TestApp, seller: Seller, method: PayoutMethod = PayoutMethod.BANK_TRANSFER, holderName = seller.displayName): Promise<void> {
  const bank = method === PayoutMethod.BANK_TRANSFER;
  await t.dataSource.query(
    `INSERT INTO payout_details (seller_id, method, bank_code, account_number, account_holder_name, ewallet_provider, ewallet_number, changed_at, payouts_held_until)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now() - interval '2 days', now() - interval '1 day')
     ON CONFLICT (seller_id) DO UPDATE SET method = excluded.method, bank_code = excluded.bank_code, account_number = excluded.account_number, account_holder_name = excluded.account_holder_name,
       ewallet_provider = excluded.ewallet_provider, ewallet_number = excluded.ewallet_number, payouts_held_until = excluded.payouts_held_until`,
    [seller.id, method, bank ? '014' : null, bank ? `12345${seller.id.replace(/\D/g, '').slice(0, 5).padEnd(5, '0')}` : null, method === PayoutMethod.CASH_VIA_PENDAMPING ? null : holderName, method === PayoutMethod.EWALLET ? 'GOPAY' : null, method === PayoutMethod.EWALLET ? seller.whatsappNumber : null],
  );
}

/** The journal's invariants, read straight from the tables: every transaction balances, nothing is created from nothing. */
export async function ledgerInvariants(t: TestApp): Promise<{ unbalanced: number; trialBalance: bigint; negativePending: number; negativeInPayout: number }> {
  const [row] = await t.dataSource.query(`
    SELECT (SELECT count(*)::int FROM (SELECT transaction_id FROM ledger_entries GROUP BY transaction_id HAVING sum(amount_idr) <> 0 OR count(*) < 2) u) AS unbalanced,
           (SELECT coalesce(sum(amount_idr), 0)::text FROM ledger_entries) AS trial,
           (SELECT count(*)::int FROM (SELECT a.id FROM ledger_accounts a JOIN ledger_entries e ON e.account_id = a.id WHERE a.kind = 'SELLER_PENDING' GROUP BY a.id HAVING sum(e.amount_idr) > 0) p) AS negative_pending,
           (SELECT count(*)::int FROM (SELECT a.id FROM ledger_accounts a JOIN ledger_entries e ON e.account_id = a.id WHERE a.kind = 'SELLER_IN_PAYOUT' GROUP BY a.id HAVING sum(e.amount_idr) > 0) p) AS negative_in_payout`);
  return { unbalanced: row.unbalanced, trialBalance: BigInt(row.trial), negativePending: row.negative_pending, negativeInPayout: row.negative_in_payout };
}

/** Her balance as the API shows it (the signed-in seller's own, or the given seller's). */
export async function balanceOf(t: TestApp, token: string, sellerId?: string) {
  const response = await t.gql(SellerBalanceDocument, { s: sellerId ?? null }, { token });
  if (!response.data) throw new Error(`sellerBalance failed: ${JSON.stringify(response.errors)}`);
  return response.data.sellerBalance;
}
