import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  compilerOptions: { runes: true },
  kit: {
    // Static assets get .br/.gz files at build time, served as they are; pages are compressed by server.js.
    adapter: adapter({ precompress: true }),
    // Photos come from the S3 server, data only from our own server: keep the CSP tight.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'img-src': ['self', 'data:', 'http:', 'https:'],
        // Sellers' photos are PUT straight to storage (presigned URLs): https, or the local embedded S3.
        'connect-src': ['self', 'https:', 'http://localhost:*', 'http://127.0.0.1:*'],
        'style-src': ['self', 'unsafe-inline'],
        'script-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        // A card order's form redirects to Stripe's hosted page (the local Stripe test server on this machine).
        'form-action': ['self', 'https://checkout.stripe.com', 'http://localhost:*', 'http://127.0.0.1:*'],
        'frame-ancestors': ['none']
      }
    }
  }
};

export default config;
