import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
  lang: locals.lang,
  // Name and roles for the header; the session token never leaves the server.
  actor: locals.actor ? { displayName: locals.actor.displayName, roles: locals.actor.roles, hasShop: locals.actor.hasShop } : null
});
