import type { FrozenCommission } from '../commissions/commission.js';
import type { PaymentMethod, PayoutMethod } from './models/ledger.enums.js';

/**
 * The facts other modules tell the ledger, each posted once by its idempotency key (given in the
 * comment of each method of LedgerService). Amounts are whole rupiah; ids are the caller's own.
 */

/** One line of a seller order as it was bought. */
export interface PaidLineFact {
  orderLineId: string;
  /** Unit price × quantity, what the buyer paid for the line. */
  grossIdr: bigint;
  /** The rate frozen on the line at purchase (CommissionsService.rateFor). */
  commission: FrozenCommission;
}

export interface PaidSellerOrderFact {
  sellerOrderId: string;
  sellerId: string;
  lines: PaidLineFact[];
  /** Shipping the buyer paid for this seller order (0 when none). */
  shippingIdr: bigint;
}

/** An order's payment has arrived (a Stripe webhook, finance confirming a transfer, cash collected on delivery). */
export interface OrderPaidFact {
  orderId: string;
  method: PaymentMethod;
  paidAt: Date;
  /** STRIPE: the charge id (ch_…) its balance transaction names; BANK_TRANSFER: the transfer's reference as confirmed; COD: optional. */
  providerReference: string | null;
  /** COD: the account of whoever holds the cash (the seller herself or her pendamping). */
  cashCollectedByUserId?: string | null;
  /** BANK_TRANSFER: the unique code the buyer added to the order's total (posted once per order). */
  uniqueCodeIdr?: bigint;
  sellerOrders: PaidSellerOrderFact[];
}

/** The seller order reached the buyer: its money becomes hers after the hold. */
export interface SellerOrderDeliveredFact {
  sellerOrderId: string;
  deliveredAt: Date;
}

/** Part (or all) of a seller order is refunded to the buyer. */
export interface RefundFact {
  refundId: string;
  sellerOrderId: string;
  refundedAt: Date;
  /** STRIPE: the refund id (re_…), whose balance transaction it is. Else the refund goes to REFUNDS_PAYABLE until RefundSentFact. */
  providerReference: string | null;
  /** Price refunded per line (at most what is left of it). */
  lines: { orderLineId: string; amountIdr: bigint }[];
  shippingIdr: bigint;
  reason: string | null;
}

/** A card refund the card's bank turned down after Stripe had accepted it (and it was posted). */
export interface RefundFailedFact {
  refundId: string;
  failedAt: Date;
}

/** A refund owed by hand (bank transfer or COD order) was returned to the buyer. */
export interface RefundSentFact {
  refundId: string;
  sentAt: Date;
  /** From the platform's bank account (BANK_TRANSFER) or in cash by whoever holds COD cash. */
  method: Exclude<PaymentMethod, 'STRIPE'>;
  cashHolderUserId?: string | null;
  amountIdr: bigint;
  reference: string | null;
}

/** COD cash a holder brought to the platform's bank account. */
export interface CodCashRemittedFact {
  remittanceId: string;
  holderUserId: string;
  amountIdr: bigint;
  remittedAt: Date;
  reference: string | null;
}

export interface PayoutFact {
  payoutId: string;
  sellerId: string;
  amountIdr: bigint;
  method: PayoutMethod;
  at: Date;
  /** The transfer's reference (sent) or the reason (cancelled, returned). */
  memo: string | null;
}

/** What a posting call did: the journal transactions behind the fact, and whether they already existed (a replay). */
export interface PostingResult {
  transactionIds: string[];
  replayed: boolean;
}
