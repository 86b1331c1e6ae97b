import type { Cookies } from '@sveltejs/kit';

/**
 * A random id for this browser, so a seller's "dilihat" counts people, not page loads: the API counts
 * one view per visitor per product per day (WITA). It means nothing beyond that, so it lives only
 * until midnight WITA; the API keeps only a hash of it keyed with that day's salt.
 */
export const VISITOR_COOKIE = 'karya_visitor';

const WITA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The next midnight in Balikpapan (WITA, UTC+8, no daylight saving). */
export function nextWitaMidnight(now = new Date()): Date {
  return new Date((Math.floor((now.getTime() + WITA_OFFSET_MS) / DAY_MS) + 1) * DAY_MS - WITA_OFFSET_MS);
}

/** This browser's visitor id for today, set on first use; anything but an id we made is replaced. */
export function visitorId(cookies: Pick<Cookies, 'get' | 'set'>, site: URL, now = new Date()): string {
  const existing = cookies.get(VISITOR_COOKIE);
  if (existing && UUID.test(existing)) return existing;
  const id = crypto.randomUUID();
  cookies.set(VISITOR_COOKIE, id, { path: '/', httpOnly: true, sameSite: 'lax', secure: site.protocol === 'https:', expires: nextWitaMidnight(now) });
  return id;
}
