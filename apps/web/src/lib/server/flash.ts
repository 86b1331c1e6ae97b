import { redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { dictionaries, type MessageKey } from '$lib/i18n';

/**
 * Post/Redirect/Get for every form of the dashboard and the agency pages: after a successful post
 * the browser is sent (303) to a plain GET URL, so a reload only reads, and the confirmation rides
 * along once in a short-lived cookie (it works without JavaScript too).
 */
export interface Flash {
  key: Extract<MessageKey, `agency.flash.${string}` | `seller.flash.${string}`>;
  params: Record<string, string>;
  /** A link to follow up, e.g. her storefront page after verifying a seller. */
  href?: string;
}

const COOKIE = 'karya_flash';
const OPTIONS = { path: '/', httpOnly: true, sameSite: 'lax' as const, maxAge: 60 };
const isFlashKey = (key: string): key is Flash['key'] => /^(agency|seller)\.flash\./.test(key) && key in dictionaries.id;
const isLocalPath = (href: string) => href.startsWith('/') && !href.startsWith('//') && !href.startsWith('/\\');

/**
 * The page she posted from, as a GET URL: `/dashboard?/stock&penjual=…` → `/dashboard?penjual=…`.
 * Only the named action (`?/stock`) goes: the seller she acts for and the page of the list stay.
 */
export function backTo(url: URL, hash?: string): string {
  const params = new URLSearchParams(url.search);
  for (const name of [...params.keys()]) if (name.startsWith('/')) params.delete(name);
  const search = params.toString();
  return `${url.pathname}${search ? `?${search}` : ''}${hash ? `#${encodeURIComponent(hash)}` : ''}`;
}

/** Keeps the confirmation for the next page and sends her there (by default back where she was). */
export function redirectWithFlash(event: Pick<RequestEvent, 'cookies' | 'url'>, flash: Flash, to: string = backTo(event.url)): never {
  event.cookies.set(COOKIE, JSON.stringify(flash), { ...OPTIONS, secure: event.url.protocol === 'https:' });
  redirect(303, isLocalPath(to) ? to : backTo(event.url));
}

/** The confirmation waiting for this page, once: it is gone on the next load. */
export function takeFlash(cookies: Cookies): Flash | null {
  const raw = cookies.get(COOKIE);
  if (!raw) return null;
  cookies.delete(COOKIE, { path: OPTIONS.path });
  try {
    const value = JSON.parse(raw) as Partial<Flash>;
    if (typeof value.key !== 'string' || !isFlashKey(value.key)) return null;
    const params = Object.fromEntries(
      Object.entries(value.params ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    );
    const href = typeof value.href === 'string' && isLocalPath(value.href) ? value.href : undefined;
    return { key: value.key, params, href };
  } catch {
    return null;
  }
}
