import { RecordProductViewDocument } from '@karya-ibu/types';
import { query } from '$lib/server/api/client';
import { caller } from '$lib/server/session';
import { visitorId } from '$lib/server/visitor';
import type { RequestHandler } from './$types';

/** A transparent 1×1 GIF. */
const PIXEL = Uint8Array.from(atob('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'), (c) => c.charCodeAt(0));

/**
 * The product page's view beacon, an image the page shows: browsers fetch it only when the page is
 * really shown (a hover or tap prefetch loads data, never images), with or without JavaScript, and
 * the page's HTML never waits for it. The API counts one view per visitor per product per day: her
 * account, else this browser's id, else her address and browser (vouched for in hooks `handleFetch`).
 */
export const GET: RequestHandler = async (event) => {
  const visitor = { slug: event.params.slug, visitorId: visitorId(event.cookies, event.url) };
  try {
    await query(event.fetch, RecordProductViewDocument, visitor, caller(event));
  } catch (error) {
    // A view not counted costs the buyer nothing; say so in the log and answer the image anyway.
    console.error(JSON.stringify({ level: 'warn', path: event.url.pathname, message: `view not counted: ${error instanceof Error ? error.message : String(error)}` }));
  }
  return new Response(PIXEL, {
    headers: { 'content-type': 'image/gif', 'cache-control': 'no-store', 'x-robots-tag': 'noindex' }
  });
};
