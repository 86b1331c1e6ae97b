import type { Cookies, RequestEvent } from '@sveltejs/kit';
import type { QueryOptions } from './api/client';

/** The session token lives only here: an HTTP-only cookie that page JavaScript cannot read. */
export const SESSION_COOKIE = 'karya_session';

export interface SessionCookieOptions {
  path: string;
  httpOnly: true;
  sameSite: 'lax';
  secure: boolean;
  expires: Date;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `Secure` whenever the site is served over https, and in production on any real host (a session
 * token must never travel in clear there); plain http stays usable for the local start on localhost.
 */
export function sessionCookieOptions(
  site: URL,
  expiresAt: string | Date,
  { production = false }: { production?: boolean } = {}
): SessionCookieOptions {
  const expires = expiresAt instanceof Date ? expiresAt : new Date(expiresAt);
  if (Number.isNaN(expires.getTime())) throw new RangeError(`Session expiry is not a date: "${String(expiresAt)}"`);
  const secure = site.protocol === 'https:' || (production && !LOOPBACK_HOSTS.has(site.hostname));
  return { path: '/', httpOnly: true, sameSite: 'lax', secure, expires };
}

/** The phone/email a reset code was asked for, to fill in the code form; lives as long as the code. */
export const RESET_IDENTIFIER_COOKIE = 'karya_reset';
const RESET_CODE_SECONDS = 15 * 60;

export function resetIdentifierCookieOptions(site: URL) {
  return {
    path: '/lupa-sandi',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: site.protocol === 'https:',
    maxAge: RESET_CODE_SECONDS
  };
}

export function setSessionCookie(
  cookies: Cookies,
  site: URL,
  session: { token: string; expiresAt: string },
  production: boolean
): void {
  cookies.set(SESSION_COOKIE, session.token, sessionCookieOptions(site, session.expiresAt, { production }));
}

export function clearSessionCookie(cookies: Cookies): void {
  cookies.delete(SESSION_COOKIE, { path: '/' });
}

/** Options for `query()` when acting for the person behind this request: her token (her address goes in hooks `handleFetch`). */
export function caller(event: Pick<RequestEvent, 'cookies'>): QueryOptions {
  return { token: event.cookies.get(SESSION_COOKIE) || null };
}
