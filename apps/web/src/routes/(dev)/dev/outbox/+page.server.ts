import { error } from '@sveltejs/kit';
import { DevOutboxDocument } from '@karya-ibu/types';
import { t } from '$lib/i18n';
import { ApiError, query } from '$lib/server/api/client';
import type { PageServerLoad } from './$types';

/** For people testing the local start: reset codes land here instead of a real SMS/email. */
export const load: PageServerLoad = async ({ fetch, locals, setHeaders }) => {
  setHeaders({ 'cache-control': 'no-store' });
  try {
    const { devOutbox } = await query(fetch, DevOutboxDocument, { first: 50 });
    return { messages: devOutbox };
  } catch (err) {
    // The API answers NOT_FOUND in production: so does this page.
    if (err instanceof ApiError && err.code === 'NOT_FOUND') error(404, t(locals.lang, 'error.notFound'));
    throw err;
  }
};
