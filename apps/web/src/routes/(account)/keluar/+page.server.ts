import { redirect } from '@sveltejs/kit';
import { LogoutDocument } from '@karya-ibu/types';
import { ApiError, query } from '$lib/server/api/client';
import { caller, clearSessionCookie } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

/** A plain visit only offers the button: signing out changes state, so it is a POST (SvelteKit checks the origin). */
export const load: PageServerLoad = ({ locals }) => {
  if (!locals.actor) redirect(303, '/');
  return {};
};

export const actions: Actions = {
  default: async (event) => {
    const options = caller(event);
    if (options.token) {
      try {
        await query(event.fetch, LogoutDocument, {}, options);
      } catch (error) {
        // Already ended (expired, revoked) is fine. Otherwise still forget the token here: on a shared
        // phone, "Keluar" must leave no usable session behind even when the API is unreachable.
        if (!(error instanceof ApiError && error.code === 'UNAUTHENTICATED')) {
          console.error(JSON.stringify({ level: 'warn', path: '/keluar', message: `logout failed: ${(error as Error).message}` }));
        }
      }
    }
    clearSessionCookie(event.cookies);
    redirect(303, '/');
  }
};
