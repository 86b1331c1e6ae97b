/**
 * Headers every storefront response carries (the CSP comes from svelte.config.js). HSTS only in
 * production: on the one-machine start the storefront is plain http on localhost.
 */
export function securityHeaders(production: boolean): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    // Links to WhatsApp or a courier site get our origin, never the page path (a product, an order).
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'geolocation=(), microphone=(), payment=()',
    ...(production ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {})
  };
}
