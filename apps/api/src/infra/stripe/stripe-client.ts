import Stripe from 'stripe';
import type { StripeConfig } from '../../config/env.js';

/**
 * Pinned, not left to the SDK: the SDK's types describe only its own latest version, so upgrading the
 * SDK fails to compile here until this is moved on deliberately (webhook payloads change with it).
 */
export const STRIPE_API_VERSION: Stripe.LatestApiVersion = '2026-10-28.endive';

/** The one place that constructs the Stripe SDK: Stripe itself, or a Stripe-compatible server (the local test server). */
export function createStripeClient(config: StripeConfig): Stripe {
  return new Stripe(config.secretKey, {
    apiVersion: STRIPE_API_VERSION,
    // The SDK sends an idempotency key with every POST, so a retried request never pays or refunds twice.
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    appInfo: { name: 'karya-ibu' },
    ...(config.apiBase ?? {}),
  });
}
