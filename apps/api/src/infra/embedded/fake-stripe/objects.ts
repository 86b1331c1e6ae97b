import { randomBytes } from 'node:crypto';
import type Stripe from 'stripe';

/**
 * The part of each Stripe object this server returns, typed by the SDK itself: a field it has is spelt
 * and shaped as Stripe's, and the payments module reads these through the same SDK types.
 */
export type CheckoutSession = Pick<
  Stripe.Checkout.Session,
  | 'id' | 'object' | 'amount_subtotal' | 'amount_total' | 'cancel_url' | 'client_reference_id' | 'created' | 'currency'
  | 'customer' | 'customer_details' | 'customer_email' | 'expires_at' | 'livemode' | 'locale' | 'metadata' | 'mode'
  | 'payment_intent' | 'payment_method_types' | 'payment_status' | 'status' | 'success_url' | 'total_details' | 'ui_mode' | 'url'
>;

export type PaymentIntent = Pick<
  Stripe.PaymentIntent,
  | 'id' | 'object' | 'amount' | 'amount_capturable' | 'amount_received' | 'canceled_at' | 'cancellation_reason' | 'capture_method'
  | 'client_secret' | 'confirmation_method' | 'created' | 'currency' | 'customer' | 'description' | 'last_payment_error'
  | 'latest_charge' | 'livemode' | 'metadata' | 'payment_method' | 'payment_method_types' | 'receipt_email' | 'status'
>;

export type Charge = Pick<
  Stripe.Charge,
  | 'id' | 'object' | 'amount' | 'amount_captured' | 'amount_refunded' | 'balance_transaction' | 'captured' | 'created' | 'currency'
  | 'description' | 'livemode' | 'metadata' | 'paid' | 'payment_intent' | 'payment_method' | 'receipt_email' | 'refunded' | 'status'
>;

export type Refund = Pick<
  Stripe.Refund,
  | 'id' | 'object' | 'amount' | 'balance_transaction' | 'charge' | 'created' | 'currency' | 'failure_balance_transaction' | 'failure_reason'
  | 'metadata' | 'payment_intent' | 'reason' | 'status'
>;

export type BalanceTransaction = Pick<
  Stripe.BalanceTransaction,
  | 'id' | 'object' | 'amount' | 'available_on' | 'created' | 'currency' | 'description' | 'exchange_rate' | 'fee' | 'fee_details'
  | 'net' | 'reporting_category' | 'source' | 'status' | 'type'
>;

export type StripeObject = CheckoutSession | PaymentIntent | Charge | Refund | BalanceTransaction;

export interface StripeEvent extends Pick<Stripe.Event, 'id' | 'object' | 'api_version' | 'created' | 'livemode' | 'pending_webhooks' | 'request'> {
  type: string;
  data: { object: StripeObject; previous_attributes?: Record<string, unknown> };
}

export interface ListResponse<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Stripe-looking ids: `cs_test_…` for Checkout Sessions, `pi_…`, `ch_…`, `txn_…`, `evt_…` and so on. */
export function newId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return `${prefix}_${id}`;
}

export const unixNow = () => Math.floor(Date.now() / 1000);
