import { Injectable } from '@nestjs/common';
import { PAYOUT_HOLD_DAYS } from '@karya-ibu/types/rules';
import type { RequestContext } from '../../common/context/request-context.js';
import { badInput, firstWithin } from '../../common/errors/user-errors.js';
import { decodeCursor, encodeCursor, InvalidCursorError } from '../../common/graphql/cursor.js';
import { LedgerService } from './ledger.service.js';
import { LedgerCause } from './models/ledger.enums.js';
import { BalanceLineKind, BalanceLineState, type BalanceLine, type BalanceLineConnection, type MonthlyIncome, type SellerBalance } from './models/seller-balance.model.js';
import { MoneyAccessService } from './money-access.service.js';

const KINDS: Partial<Record<LedgerCause, BalanceLineKind>> = {
  [LedgerCause.ORDER_PAID]: BalanceLineKind.SALE,
  [LedgerCause.REFUND]: BalanceLineKind.REFUND,
  [LedgerCause.PAYOUT_SENT]: BalanceLineKind.PAYOUT,
  [LedgerCause.PAYOUT_RETURNED]: BalanceLineKind.PAYOUT_RETURNED,
  [LedgerCause.ADJUSTMENT]: BalanceLineKind.ADJUSTMENT,
};
const LINES_CURSOR = 'BALANCE_LINES';
const WITA_MS = 8 * 3_600_000;

/** The first day (YYYY-MM-DD) of the WITA month `offset` months from the one `at` is in. */
export function witaMonth(at: Date, offset = 0): string {
  const wita = new Date(at.getTime() + WITA_MS);
  return new Date(Date.UTC(wita.getUTCFullYear(), wita.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
}

/** "Uang saya": her balance by state, her lines and months, for her, her pendamping, admin and finance. */
@Injectable()
export class SellerBalanceService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly access: MoneyAccessService,
  ) {}

  async sellerBalance(ctx: RequestContext, sellerId: string | null): Promise<SellerBalance> {
    const seller = await this.access.readableSeller(ctx, sellerId);
    const now = new Date();
    const figures = (await this.ledger.balances(ctx, [seller.id], now)).get(seller.id)!;
    const thisMonth = witaMonth(now);
    const month = (await this.ledger.monthlyIncome(ctx, [seller.id], thisMonth, thisMonth)).get(seller.id)![0];
    return { sellerId: seller.id, ...figures, paidOutThisMonthIdr: month?.paidOutIdr ?? 0n, holdDays: PAYOUT_HOLD_DAYS };
  }

  async lines(ctx: RequestContext, sellerId: string, first: number, after: string | null): Promise<BalanceLineConnection> {
    firstWithin(first);
    let position: { createdAt: Date; id: string } | null = null;
    if (after != null) {
      try {
        const cursor = decodeCursor(after, LINES_CURSOR);
        position = { createdAt: new Date(cursor.key), id: cursor.id };
      } catch (error) {
        if (error instanceof InvalidCursorError) throw badInput('after', error.message);
        throw error;
      }
    }
    const rows = await this.ledger.sellerLines(ctx, sellerId, first + 1, position);
    const page = rows.slice(0, first);
    const sellerOrderIds = [...new Set(page.filter((r) => r.cause === LedgerCause.ORDER_PAID).map((r) => r.seller_order_id!))];
    const [saleLines, releases] = await Promise.all([this.ledger.saleLinesBySellerOrders(ctx, sellerOrderIds), this.ledger.releasesBySellerOrders(ctx, sellerOrderIds)]);
    const now = new Date();
    const edges = page.map((row) => {
      const net = BigInt(row.net ?? 0);
      const commission = BigInt(row.commission);
      const sale = row.cause === LedgerCause.ORDER_PAID;
      const availableAt = sale ? (releases.get(row.seller_order_id!) ?? null) : null;
      const node: BalanceLine = {
        id: row.id,
        kind: KINDS[row.cause]!,
        occurredAt: row.occurred_at,
        orderId: row.order_id,
        sellerOrderId: row.seller_order_id,
        payoutId: row.payout_id,
        priceIdr: sale || row.cause === LedgerCause.REFUND ? net + commission : null,
        commissionIdr: commission,
        netIdr: net,
        state: sale ? (releases.has(row.seller_order_id!) && (availableAt === null || availableAt <= now) ? BalanceLineState.AVAILABLE : BalanceLineState.PENDING) : null,
        availableAt,
        memo: row.memo,
        orderLines: sale
          ? saleLines
              .filter((l) => l.seller_order_id === row.seller_order_id)
              .map((l) => ({ orderLineId: l.order_line_id, priceIdr: BigInt(l.gross_idr), commissionRateBasisPoints: l.commission_rate_basis_points, commissionIdr: BigInt(l.commission_idr), netIdr: BigInt(l.gross_idr) - BigInt(l.commission_idr) }))
          : [],
      };
      return { cursor: encodeCursor({ sort: LINES_CURSOR, key: row.created_at.toISOString(), id: row.id }), node };
    });
    return {
      totalCount: await this.ledger.countSellerLines(ctx, sellerId),
      edges,
      pageInfo: { hasNextPage: rows.length > first, hasPreviousPage: after != null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  async monthly(ctx: RequestContext, sellerId: string, months: number): Promise<MonthlyIncome[]> {
    if (!Number.isInteger(months) || months < 1 || months > 36) throw badInput('months', 'must be between 1 and 36');
    const now = new Date();
    const from = witaMonth(now, -(months - 1));
    const found = new Map(((await this.ledger.monthlyIncome(ctx, [sellerId], from, witaMonth(now))).get(sellerId) ?? []).map((m) => [m.month, m]));
    // Every month, the quiet ones too: a chart's bars stand for months.
    return Array.from({ length: months }, (_, i) => {
      const month = witaMonth(now, i - (months - 1));
      const figures = found.get(month);
      return { month: month.slice(0, 7), salesIdr: figures?.salesIdr ?? 0n, commissionIdr: figures?.commissionIdr ?? 0n, refundedIdr: figures?.refundedIdr ?? 0n, netIncomeIdr: figures?.netIncomeIdr ?? 0n, paidOutIdr: figures?.paidOutIdr ?? 0n };
    });
  }
}
