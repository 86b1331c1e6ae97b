import type { Cookies } from '@sveltejs/kit';
import type { MessageKey } from '$lib/i18n';

/** A one-time message shown after a form's redirect (Post/Redirect/Get), without JavaScript too. */
export interface Flash {
  key: Extract<MessageKey, `agency.flash.${string}`>;
  params: Record<string, string>;
  /** A link to follow up, e.g. her storefront page after verifying a seller. */
  href?: string;
}

const COOKIE = 'karya_agency_flash';
const OPTIONS = { path: '/dinas', httpOnly: true, sameSite: 'lax' as const, maxAge: 60 };

export function setFlash(cookies: Cookies, flash: Flash, secure: boolean): void {
  cookies.set(COOKIE, JSON.stringify(flash), { ...OPTIONS, secure });
}

export function takeFlash(cookies: Cookies): Flash | null {
  const raw = cookies.get(COOKIE);
  if (!raw) return null;
  cookies.delete(COOKIE, { path: OPTIONS.path });
  try {
    const value = JSON.parse(raw) as Partial<Flash>;
    if (typeof value.key !== 'string' || !value.key.startsWith('agency.flash.')) return null;
    const params = Object.fromEntries(
      Object.entries(value.params ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    );
    const href = typeof value.href === 'string' && value.href.startsWith('/') && !value.href.startsWith('//') ? value.href : undefined;
    return { key: value.key as Flash['key'], params, href };
  } catch {
    return null;
  }
}
