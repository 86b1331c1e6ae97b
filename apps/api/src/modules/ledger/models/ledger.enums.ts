import { registerEnumType } from '@nestjs/graphql';

/** What an account holds. Seller accounts and COD cash have an owner; the others are the platform's, one each (one per method for clearing). */
export enum LedgerAccountKind {
  /** Her share of sales paid for but not yet released (not delivered). Credit-normal, like every seller account. */
  SELLER_PENDING = 'SELLER_PENDING',
  /** Her share released at delivery; spendable once the transaction's availableAt has passed. May go negative (a refund after a payout). */
  SELLER_AVAILABLE = 'SELLER_AVAILABLE',
  /** Reserved in a payout run, not yet sent. */
  SELLER_IN_PAYOUT = 'SELLER_IN_PAYOUT',
  COMMISSION_REVENUE = 'COMMISSION_REVENUE',
  /** Shipping the buyer paid, owed to the courier. */
  SHIPPING_PAYABLE = 'SHIPPING_PAYABLE',
  /** Refunds decided but still to be returned by hand (bank transfer, cash). */
  REFUNDS_PAYABLE = 'REFUNDS_PAYABLE',
  /** Money the payment rail holds for the platform: one account per payment method. */
  PAYMENT_CLEARING = 'PAYMENT_CLEARING',
  /** Cash a seller or pendamping collected on delivery and still holds. */
  COD_CASH = 'COD_CASH',
  /** Payouts sent and on their way out of the platform's accounts: one per payout method. */
  PAYOUT_CLEARING = 'PAYOUT_CLEARING',
  /** The unique code (kode unik, Rp 1–999) a buyer adds to her bank transfer so finance can tell it apart: the platform's. */
  TRANSFER_CODE_REVENUE = 'TRANSFER_CODE_REVENUE',
}

/** Why a journal transaction was posted. */
export enum LedgerCause {
  ORDER_PAID = 'ORDER_PAID',
  DELIVERY_RELEASE = 'DELIVERY_RELEASE',
  REFUND = 'REFUND',
  /** A card refund the bank turned down after it was posted: the money back on the Stripe clearing, owed to the buyer by hand. */
  REFUND_FAILED = 'REFUND_FAILED',
  REFUND_SENT = 'REFUND_SENT',
  COD_REMITTED = 'COD_REMITTED',
  PAYOUT_RESERVED = 'PAYOUT_RESERVED',
  PAYOUT_CANCELLED = 'PAYOUT_CANCELLED',
  PAYOUT_SENT = 'PAYOUT_SENT',
  PAYOUT_RETURNED = 'PAYOUT_RETURNED',
  ADJUSTMENT = 'ADJUSTMENT',
  /** A bank transfer's unique code, received with the order's payment. */
  TRANSFER_CODE = 'TRANSFER_CODE',
}

/** How the buyer paid. */
export enum PaymentMethod {
  STRIPE = 'STRIPE',
  BANK_TRANSFER = 'BANK_TRANSFER',
  COD = 'COD',
}

/** How a seller is paid. */
export enum PayoutMethod {
  BANK_TRANSFER = 'BANK_TRANSFER',
  EWALLET = 'EWALLET',
  CASH_VIA_PENDAMPING = 'CASH_VIA_PENDAMPING',
}

registerEnumType(LedgerCause, { name: 'LedgerCause', description: 'Why money moved' });
registerEnumType(PaymentMethod, { name: 'PaymentMethod' });
registerEnumType(PayoutMethod, { name: 'PayoutMethod' });
