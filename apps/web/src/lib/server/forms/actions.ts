import { redirect, type Cookies } from '@sveltejs/kit';
import { config } from '$lib/server/env';
import { setSessionCookie } from '$lib/server/session';

/** Keeps the new session in the HTTP-only cookie and goes on to `next` (a same-site path). */
export function signedIn(
  cookies: Cookies,
  url: URL,
  session: { token: string; expiresAt: string },
  next: string
): never {
  setSessionCookie(cookies, url, session, config().production);
  redirect(303, next);
}
