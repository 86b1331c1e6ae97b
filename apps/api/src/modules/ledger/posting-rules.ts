import { LedgerAccountKind, PaymentMethod, type PayoutMethod } from './models/ledger.enums.js';

/**
 * The posting rules, once: which accounts each fact debits (+) and credits (−). Pure, so every rule
 * is checked to balance without a database; the service only fetches what they need and writes them.
 */

export type AccountRef =
  | { kind: LedgerAccountKind.SELLER_PENDING | LedgerAccountKind.SELLER_AVAILABLE | LedgerAccountKind.SELLER_IN_PAYOUT; sellerId: string }
  | { kind: PlatformAccountKind }
  | { kind: LedgerAccountKind.PAYMENT_CLEARING; method: PaymentMethod }
  | { kind: LedgerAccountKind.COD_CASH; holderUserId: string }
  | { kind: LedgerAccountKind.PAYOUT_CLEARING; method: PayoutMethod };

type PlatformAccountKind = LedgerAccountKind.COMMISSION_REVENUE | LedgerAccountKind.SHIPPING_PAYABLE | LedgerAccountKind.REFUNDS_PAYABLE | LedgerAccountKind.TRANSFER_CODE_REVENUE;

export interface Leg {
  account: AccountRef;
  amountIdr: bigint;
  orderLineId: string | null;
}

/** The account's one name (ledger_accounts.code). */
export function accountCode(account: AccountRef): string {
  if ('sellerId' in account) return `${account.kind}:${account.sellerId}`;
  if ('holderUserId' in account) return `${account.kind}:${account.holderUserId}`;
  if ('method' in account) return `${account.kind}:${account.method}`;
  return account.kind;
}

const seller = (kind: LedgerAccountKind.SELLER_PENDING | LedgerAccountKind.SELLER_AVAILABLE | LedgerAccountKind.SELLER_IN_PAYOUT, sellerId: string): AccountRef => ({ kind, sellerId });
const platform = (kind: PlatformAccountKind): AccountRef => ({ kind });
const leg = (account: AccountRef, amountIdr: bigint, orderLineId: string | null = null): Leg => ({ account, amountIdr, orderLineId });
/** Zero legs are left out (a 0 % commission, no shipping): the database refuses them. */
const nonZero = (legs: Leg[]): Leg[] => legs.filter((l) => l.amountIdr !== 0n);

/** Where a payment's money sits: the rail's clearing account, or the cash of whoever collected it. */
export function paymentAccount(method: PaymentMethod, cashHolderUserId: string | null | undefined): AccountRef {
  if (method === PaymentMethod.COD) {
    if (!cashHolderUserId) throw new Error('A COD payment names who holds the cash (cashCollectedByUserId)');
    return { kind: LedgerAccountKind.COD_CASH, holderUserId: cashHolderUserId };
  }
  return { kind: LedgerAccountKind.PAYMENT_CLEARING, method };
}

export interface SaleLine {
  orderLineId: string;
  grossIdr: bigint;
  commissionIdr: bigint;
}

/** Order paid: the payment account debited with everything; her share (pending), the commission and the shipping credited. */
export function orderPaidLegs(sellerId: string, lines: SaleLine[], shippingIdr: bigint, paidTo: AccountRef): Leg[] {
  const total = lines.reduce((sum, line) => sum + line.grossIdr, 0n) + shippingIdr;
  return nonZero([
    leg(paidTo, total),
    ...lines.flatMap((line) => [leg(seller(LedgerAccountKind.SELLER_PENDING, sellerId), -(line.grossIdr - line.commissionIdr), line.orderLineId), leg(platform(LedgerAccountKind.COMMISSION_REVENUE), -line.commissionIdr, line.orderLineId)]),
    leg(platform(LedgerAccountKind.SHIPPING_PAYABLE), -shippingIdr),
  ]);
}

/** A bank transfer's unique code came in with the order's payment: the platform's, so the bank account matches the statement. */
export const transferCodeLegs = (amountIdr: bigint): Leg[] => [
  leg({ kind: LedgerAccountKind.PAYMENT_CLEARING, method: PaymentMethod.BANK_TRANSFER }, amountIdr),
  leg(platform(LedgerAccountKind.TRANSFER_CODE_REVENUE), -amountIdr),
];

/** Delivered: what is still pending of the seller order moves to her available account (spendable after the hold). */
export function releaseLegs(sellerId: string, pendingByLine: Map<string, bigint>): Leg[] {
  return nonZero(
    [...pendingByLine].flatMap(([orderLineId, amount]) => [leg(seller(LedgerAccountKind.SELLER_PENDING, sellerId), amount, orderLineId), leg(seller(LedgerAccountKind.SELLER_AVAILABLE, sellerId), -amount, orderLineId)]),
  );
}

/**
 * The part of a line's commission a refund takes back: measured on the cumulative refunded price, so
 * that refunding the whole line in any number of parts gives back exactly its commission.
 */
export function refundedCommission(line: SaleLine, refundedBeforeIdr: bigint, refundNowIdr: bigint): bigint {
  if (line.grossIdr === 0n) return 0n;
  const upTo = (refunded: bigint) => (line.commissionIdr * refunded) / line.grossIdr;
  return upTo(refundedBeforeIdr + refundNowIdr) - upTo(refundedBeforeIdr);
}

export interface RefundLine {
  orderLineId: string;
  amountIdr: bigint;
  commissionIdr: bigint;
}

/**
 * Refund: the exact reverse of the sale for the refunded part, taken from where her share is now
 * (pending before delivery, available after); the money goes back through the rail, or is owed.
 */
export function refundLegs(sellerAccount: AccountRef, lines: RefundLine[], shippingIdr: bigint, refundFrom: AccountRef): Leg[] {
  const total = lines.reduce((sum, line) => sum + line.amountIdr, 0n) + shippingIdr;
  return nonZero([
    ...lines.flatMap((line) => [leg(sellerAccount, line.amountIdr - line.commissionIdr, line.orderLineId), leg(platform(LedgerAccountKind.COMMISSION_REVENUE), line.commissionIdr, line.orderLineId)]),
    leg(platform(LedgerAccountKind.SHIPPING_PAYABLE), shippingIdr),
    leg(refundFrom, -total),
  ]);
}

/**
 * A card refund the card's bank turned down: the money is back on the Stripe clearing and owed to the
 * buyer by hand (REFUNDS_PAYABLE, until refundSentLegs). The refund itself stands: her share and the
 * commission stay given back.
 */
export const refundFailedLegs = (amountIdr: bigint): Leg[] => [leg({ kind: LedgerAccountKind.PAYMENT_CLEARING, method: PaymentMethod.STRIPE }, amountIdr), leg(platform(LedgerAccountKind.REFUNDS_PAYABLE), -amountIdr)];

/** A refund owed by hand was returned: the debt to the buyer is settled from the bank account or the cash. */
export const refundSentLegs = (amountIdr: bigint, paidFrom: AccountRef): Leg[] => [leg(platform(LedgerAccountKind.REFUNDS_PAYABLE), amountIdr), leg(paidFrom, -amountIdr)];

/** COD cash brought to the platform's bank account. */
export const codRemittedLegs = (holderUserId: string, amountIdr: bigint): Leg[] => [
  leg({ kind: LedgerAccountKind.PAYMENT_CLEARING, method: PaymentMethod.BANK_TRANSFER }, amountIdr),
  leg({ kind: LedgerAccountKind.COD_CASH, holderUserId }, -amountIdr),
];

/** A payout run reserves her available money. */
export const payoutReservedLegs = (sellerId: string, amountIdr: bigint): Leg[] => [leg(seller(LedgerAccountKind.SELLER_AVAILABLE, sellerId), amountIdr), leg(seller(LedgerAccountKind.SELLER_IN_PAYOUT, sellerId), -amountIdr)];

/** A payout that failed before it was sent: the reservation reversed, the money available again. */
export const payoutCancelledLegs = (sellerId: string, amountIdr: bigint): Leg[] => [leg(seller(LedgerAccountKind.SELLER_IN_PAYOUT, sellerId), amountIdr), leg(seller(LedgerAccountKind.SELLER_AVAILABLE, sellerId), -amountIdr)];

/** Payout sent: her payable debited, the payout clearing of its method credited. */
export const payoutSentLegs = (sellerId: string, amountIdr: bigint, method: PayoutMethod): Leg[] => [leg(seller(LedgerAccountKind.SELLER_IN_PAYOUT, sellerId), amountIdr), leg({ kind: LedgerAccountKind.PAYOUT_CLEARING, method }, -amountIdr)];

/** The bank returned a payout already sent: the sending reversed, the money back in her available balance. */
export const payoutReturnedLegs = (sellerId: string, amountIdr: bigint, method: PayoutMethod): Leg[] => [leg({ kind: LedgerAccountKind.PAYOUT_CLEARING, method }, amountIdr), leg(seller(LedgerAccountKind.SELLER_AVAILABLE, sellerId), -amountIdr)];
