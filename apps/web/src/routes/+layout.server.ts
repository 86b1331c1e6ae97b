import { headerCartCount } from '$lib/server/buying/cart';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => ({
  lang: event.locals.lang,
  // Name and roles for the header; the session token never leaves the server.
  actor: event.locals.actor ? { displayName: event.locals.actor.displayName, roles: event.locals.actor.roles, hasShop: event.locals.actor.hasShop } : null,
  cartCount: await headerCartCount(event)
});
