import { config } from '$lib/server/env';
import { sessionCookieOptions } from '$lib/server/session';

/** Options of the buying cookies (cart, checkout draft, a guest's orders): HTTP-only, SameSite=Lax, Secure exactly when the session cookie is. */
export function buyingCookieOptions(site: URL, maxAgeSeconds: number, path = '/') {
  const { httpOnly, sameSite, secure } = sessionCookieOptions(site, new Date(0), { production: config().production });
  return { path, httpOnly, sameSite, secure, maxAge: maxAgeSeconds };
}
