import type { Bounds } from './limits.js';

// --- Money: commissions and payouts -------------------------------------------------------------

/** A commission rate in basis points: 1000 is 10 %, 0 a full subsidy, 10000 the whole price. */
export const COMMISSION_RATE_BASIS_POINTS: Bounds = { min: 0, max: 10_000 };
/** Digits of a bank account number (Indonesian banks use 10 to 16; some older accounts 7). */
export const BANK_ACCOUNT_DIGITS: Bounds = { min: 6, max: 20 };
/** The account holder's name as the bank has it. */
export const ACCOUNT_HOLDER_NAME_LENGTH: Bounds = { min: 2, max: 80 };
/** Why a payout failed, or the bank's transfer reference: shown to the seller and to finance. */
export const PAYOUT_REASON_LENGTH: Bounds = { min: 3, max: 300 };
export const PAYOUT_REFERENCE_LENGTH: Bounds = { min: 3, max: 100 };
/** A payout run pays only balances of at least this much unless finance sets another minimum. */
export const DEFAULT_PAYOUT_MINIMUM_IDR = 50_000n;
/** Days after delivery before a sale can be paid out (time for a buyer to ask for a refund). */
export const PAYOUT_HOLD_DAYS = 7;
/** Hours payouts wait after her payout details change (time for her to notice a change she did not make). */
export const PAYOUT_DETAILS_HOLD_HOURS = 24;

/** A holder's name: letters, spaces and the marks names carry (no digits, no formulas). */
export function isAccountHolderName(name: string): boolean {
  return /^[\p{L}][\p{L}\p{M} .,'’-]*$/u.test(name);
}
