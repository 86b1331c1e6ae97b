import type { RequestContext } from '../../common/context/request-context.js';

/** What the orders module recorded of a seller order's money in a period. */
export interface SellerOrderMoney {
  sellerOrderId: string;
  /** Lines + shipping paid. */
  paidIdr: bigint;
  /** Refunded in the period. */
  refundedIdr: bigint;
}

/**
 * The orders side of the reconciliation, which the orders module provides (bind this class to its
 * implementation in the module that owns orders). Without it, the report says orders are not connected.
 */
export abstract class OrderPaymentsSource {
  /** Each seller order paid or refunded in [from, to), as the orders module has it. */
  abstract sellerOrderMoney(ctx: RequestContext, from: Date, to: Date): Promise<SellerOrderMoney[]>;
}
