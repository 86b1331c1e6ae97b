import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { Role } from '@karya-ibu/types';
import { withNext } from '$lib/account/next';
import { t } from '$lib/i18n';

/** Who sees every order: the platform's admins and finance, and DP3AKB's officers. */
export const ORDER_STAFF: readonly Role[] = [Role.Admin, Role.Finance, Role.Officer];
/** Who confirms bank transfers (money in): admins and finance only. */
export const TRANSFER_STAFF: readonly Role[] = [Role.Admin, Role.Finance];
/** Who moves money out and reads it: payouts, refunds, the reconciliation, clearing an order's flag: admins and finance. */
export const MONEY_STAFF: readonly Role[] = [Role.Admin, Role.Finance];
/** Who chooses the commission: admins only. */
export const COMMISSION_STAFF: readonly Role[] = [Role.Admin];

/**
 * The staff pages' door: anonymous → sign in and come back; anyone without one of `roles` → 403.
 * Called by the layout load and by every action (actions do not run layout loads). The API checks again.
 */
export function requireStaff(event: Pick<RequestEvent, 'locals' | 'url'>, roles: readonly Role[] = ORDER_STAFF): NonNullable<App.Locals['actor']> {
  const actor = event.locals.actor;
  if (!actor) redirect(303, withNext('/masuk', `${event.url.pathname}${event.url.search}`));
  if (!actor.roles.some((role) => roles.includes(role))) error(403, t(event.locals.lang, 'staff.forbidden'));
  return actor;
}
