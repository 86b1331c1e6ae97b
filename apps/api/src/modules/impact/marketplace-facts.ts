import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { OrdersService } from '../orders/orders.service.js';
import type { Month } from './impact-math.js';

/** A seller's verified net income from the marketplace in one WITA month (the ledger's figure). */
export interface SellerMonthIncome {
  sellerId: string;
  month: Month;
  netIncomeIdr: bigint;
  /** Her seller orders paid in that month. */
  orders: number;
}

/** Orders of the given sellers by the buyer's province, and how many of those sellers sold there. */
export interface ProvinceReach {
  province: string;
  orders: number;
  sellers: number;
}

/** The how-manieth sale since her training a seller order is (the buyer's "penjualan ke-N Ibu X"). */
export interface SaleOrdinal {
  sellerId: string;
  ordinal: number;
}

export interface MarketplaceStatus {
  /** False while the marketplace has nothing to answer from (no orders, no ledger): figures are 0 and labelled "belum ada data". */
  hasData: boolean;
}

/**
 * What the impact module needs from buying and the ledger, and nothing more: the narrow interface it
 * reads the marketplace through. Every method answers for many sellers at once, from rollups (per
 * seller and WITA month) or the paid seller orders of the sellers asked about. Bound in ImpactModule
 * to MarketplaceFactsFromOrders; a test can bind another.
 */
export abstract class MarketplaceFacts {
  abstract status(ctx: RequestContext): Promise<MarketplaceStatus>;

  /** Net income and order counts per seller and WITA month, months from..to inclusive; months without sales left out. */
  abstract monthlyNetIncome(ctx: RequestContext, sellerIds: readonly string[], from: Month, to: Month): Promise<SellerMonthIncome[]>;

  /** Each seller's last paid marketplace sale at or before `asOf` (sellers who never sold left out). */
  abstract lastSaleAt(ctx: RequestContext, sellerIds: readonly string[], asOf: Date): Promise<Map<string, Date>>;

  /** Where the buyers of these sellers' orders in from..to live, most orders first. */
  abstract buyerProvinces(ctx: RequestContext, sellerIds: readonly string[], from: Month, to: Month): Promise<ProvinceReach[]>;

  /** For a seller order: whose it is and the how-manieth sale of hers it is; null when there is no such order. */
  abstract saleOrdinal(ctx: RequestContext, sellerOrderId: string): Promise<SaleOrdinal | null>;
}

/**
 * The marketplace as the ledger and the orders have it: net income (sales less commission and
 * refunds), paid sales and the last one per WITA month from the ledger's monthly rollup; buyers'
 * provinces and sale ordinals from the paid seller orders. Until a first sale is paid it says it has no data, and
 * the pages label the marketplace column "belum ada data" rather than showing Rp 0 as a fact.
 */
@Injectable()
export class MarketplaceFactsFromOrders extends MarketplaceFacts {
  constructor(
    private readonly ledger: LedgerService,
    private readonly orders: OrdersService,
  ) {
    super();
  }

  async status(ctx: RequestContext): Promise<MarketplaceStatus> {
    return { hasData: await this.orders.hasPaidSales(ctx) };
  }

  async monthlyNetIncome(ctx: RequestContext, sellerIds: readonly string[], from: Month, to: Month): Promise<SellerMonthIncome[]> {
    if (!sellerIds.length) return [];
    const income = await this.ledger.monthlyIncome(ctx, sellerIds, `${from}-01`, `${to}-01`);
    return [...income].flatMap(([sellerId, months]) =>
      months.filter((m) => m.netIncomeIdr !== 0n || m.sales > 0).map((m) => ({ sellerId, month: m.month.slice(0, 7), netIncomeIdr: m.netIncomeIdr, orders: m.sales })),
    );
  }

  lastSaleAt(ctx: RequestContext, sellerIds: readonly string[], asOf: Date): Promise<Map<string, Date>> {
    return this.ledger.lastSaleAt(ctx, sellerIds, asOf);
  }

  buyerProvinces(ctx: RequestContext, sellerIds: readonly string[], from: Month, to: Month): Promise<ProvinceReach[]> {
    return this.orders.buyerProvinces(ctx, sellerIds, from, to);
  }

  saleOrdinal(ctx: RequestContext, sellerOrderId: string): Promise<SaleOrdinal | null> {
    return this.orders.saleOrdinal(ctx, sellerOrderId);
  }
}
