// Rules both the API and the storefront apply; no framework imports, so either side can load them.
export * from './checkout.js';
export * from './dates.js';
export * from './email.js';
export * from './limits.js';
export * from './phone.js';
export * from './payouts.js';
