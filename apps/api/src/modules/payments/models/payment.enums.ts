import { registerEnumType } from '@nestjs/graphql';

export enum PaymentMethod {
  /** A card, on Stripe's hosted Checkout page (card data never reaches us). */
  CARD = 'CARD',
  /** To the platform's bank account, with a unique code in the amount; a finance officer confirms it. */
  BANK_TRANSFER = 'BANK_TRANSFER',
  /** Cash on delivery, in Balikpapan: the seller or her pendamping records the cash. */
  COD = 'COD',
}
registerEnumType(PaymentMethod, { name: 'PaymentMethod' });

export enum PaymentStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  /** The Checkout Session ran out, or the order closed before it was paid. */
  EXPIRED = 'EXPIRED',
  /** Money arrived that does not match the order (amount or currency): never counted as paid. */
  FLAGGED = 'FLAGGED',
}
registerEnumType(PaymentStatus, { name: 'PaymentStatus' });

export enum RefundStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(RefundStatus, { name: 'RefundStatus' });

/** Where a refund that is not finished yet stands. */
export enum RefundStage {
  /** A card refund Stripe has not answered yet (out of reach, or the request died): its job asks again. */
  WAITING_FOR_STRIPE = 'WAITING_FOR_STRIPE',
  /** Stripe took it and has not settled it yet. */
  PENDING_AT_STRIPE = 'PENDING_AT_STRIPE',
  /** Made, not yet on its seller order (ledger, refunded amount, her timeline): its job applies it. */
  NOT_APPLIED = 'NOT_APPLIED',
}
registerEnumType(RefundStage, { name: 'RefundStage' });
