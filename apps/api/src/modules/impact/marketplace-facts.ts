import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context.js';
import type { Month } from './impact-math.js';

/** A seller's verified net income from the marketplace in one WITA month (the ledger's figure). */
export interface SellerMonthIncome {
  sellerId: string;
  month: Month;
  netIncomeIdr: bigint;
  /** Her seller orders paid in that month. */
  orders: number;
}

/** Orders of the given sellers by the buyer's province. */
export interface ProvinceReach {
  province: string;
  orders: number;
  buyers: number;
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
 * seller and WITA month), never by scanning orders. Bound in ImpactModule; the merge with the orders
 * and ledger modules binds it to their services.
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
 * The binding for a product without buying yet: there are no orders and no ledger, so every seller's
 * marketplace income is zero and there is no buyer to place. It says so (hasData false), and the
 * pages and reports label the marketplace column "belum ada data" rather than showing Rp 0 as a fact.
 */
@Injectable()
export class MarketplaceFactsBeforeOrders extends MarketplaceFacts {
  status(): Promise<MarketplaceStatus> {
    return Promise.resolve({ hasData: false });
  }

  monthlyNetIncome(): Promise<SellerMonthIncome[]> {
    return Promise.resolve([]);
  }

  lastSaleAt(): Promise<Map<string, Date>> {
    return Promise.resolve(new Map());
  }

  buyerProvinces(): Promise<ProvinceReach[]> {
    return Promise.resolve([]);
  }

  saleOrdinal(): Promise<SaleOrdinal | null> {
    return Promise.resolve(null);
  }
}
