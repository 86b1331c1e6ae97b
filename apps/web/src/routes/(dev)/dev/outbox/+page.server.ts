import { error, redirect } from '@sveltejs/kit';
import { DevOutboxDocument } from '@karya-ibu/types';
import { withNext } from '$lib/account/next';
import { t } from '$lib/i18n';
import { ApiError, query } from '$lib/server/api/client';
import { caller } from '$lib/server/session';
import type { PageServerLoad } from './$types';

/**
 * For people testing the local start: reset codes land here instead of a real SMS/email. A code takes
 * over an account, so the API shows them to an admin only (or to this machine with DEV_OUTBOX_LOCAL).
 */
export const load: PageServerLoad = async (event) => {
  const { locals, setHeaders, url } = event;
  setHeaders({ 'cache-control': 'no-store' });
  try {
    const { devOutbox } = await query(event.fetch, DevOutboxDocument, { first: 50 }, caller(event));
    return { messages: devOutbox };
  } catch (err) {
    if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') redirect(303, withNext('/masuk', url.pathname));
    // Not an admin, or production: the page is not there for her.
    if (err instanceof ApiError && (err.code === 'FORBIDDEN' || err.code === 'NOT_FOUND')) error(404, t(locals.lang, 'error.notFound'));
    throw err;
  }
};
