import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { agencyAccess, QUEUE_PATH } from '$lib/agency/access';
import { withNext } from '$lib/account/next';
import { t } from '$lib/i18n';

/**
 * The agency pages' door: anonymous → sign in and come back; a pendamping only to the queue;
 * anyone else → 403. Called by the layout load AND by every action (actions do not run layout loads).
 */
export function requireAgency(event: Pick<RequestEvent, 'locals' | 'url'>): NonNullable<App.Locals['actor']> {
  const { locals, url } = event;
  switch (agencyAccess(locals.actor?.roles, url.pathname)) {
    case 'signIn':
      return redirect(303, withNext('/masuk', `${url.pathname}${url.search}`));
    case 'toQueue':
      return redirect(303, QUEUE_PATH);
    case 'forbidden':
      return error(403, t(locals.lang, 'agency.forbidden.message'));
    case 'allowed':
      return locals.actor!;
  }
}
