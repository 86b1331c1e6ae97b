import type { Bounds } from './limits.js';

/**
 * Checkout's rules, applied by the API and shown by the storefront (the amount of a COD order, how
 * long a buyer has to pay, the lengths of what she types).
 */

/** Cash on delivery only up to this total (the pendamping or courier carries the cash). */
export const COD_MAX_TOTAL_IDR = 2_000_000n;
/** A bank transfer must arrive within this many hours of placing the order (deadline shown in WITA). */
export const BANK_TRANSFER_HOURS = 24;
/** A card payment (Stripe Checkout) is open this long; Stripe takes 30 minutes to 24 hours. */
export const CARD_PAYMENT_MINUTES = 60;
/** A shipped parcel counts as delivered this many days after shipping when the buyer has not said so. */
export const AUTO_DELIVER_DAYS = 7;
/** A delivered seller order completes this many days later (the buyer's window to complain). */
export const AUTO_COMPLETE_DAYS = 3;

/** Pieces of one product in one cart line or order line. */
export const CART_LINE_QUANTITY: Bounds = { min: 1, max: 100 };
/** Different products in one cart. */
export const CART_MAX_LINES = 50;
/** A street address: street, number, RT/RW, landmarks. */
export const STREET_LENGTH: Bounds = { min: 5, max: 300 };
/** A label of a saved address ("Rumah", "Kantor"). */
export const ADDRESS_LABEL_LENGTH: Bounds = { min: 1, max: 40 };
export const SAVED_ADDRESSES_MAX = 10;
/** Kode pos: five digits. */
export const POSTAL_CODE_PATTERN = /^\d{5}$/;
/** Why a seller cancels her part of an order, or why a refund is made: said to the buyer. */
export const CANCEL_REASON_LENGTH: Bounds = { min: 5, max: 500 };
/** A courier's tracking number (resi). */
export const TRACKING_NUMBER_LENGTH: Bounds = { min: 6, max: 40 };
/** A bank's reference of a transfer, as the finance officer reads it from the statement. */
export const BANK_REFERENCE_LENGTH: Bounds = { min: 4, max: 80 };
/** A client's idempotency key for a payment-moving mutation (a UUID fits). */
export const IDEMPOTENCY_KEY_LENGTH: Bounds = { min: 16, max: 100 };
