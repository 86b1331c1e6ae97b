import type { MessageKey } from '$lib/i18n';

/** What the header and the sign-in need to know of the signed-in person. */
export interface Who {
  roles: readonly string[];
  /** She has a seller profile, whatever its status (an applicant too). */
  hasShop: boolean;
}

const isAgency = (roles: readonly string[]) => roles.includes('OFFICER') || roles.includes('ADMIN');

/**
 * Where signing in goes: back to where she was headed (`next`, a checked local path: a guarded page,
 * or the page she signed in from); otherwise to what is hers: the agency's pages for an officer or
 * admin, the dashboard for a seller or pendamping, the storefront for a buyer.
 */
export function landingAfterSignIn(who: Who, next: string): string {
  if (next !== '/') return next;
  if (isAgency(who.roles)) return '/dinas';
  if (who.roles.includes('SELLER') || who.roles.includes('PENDAMPING') || who.hasShop) return '/dashboard';
  return '/';
}

export interface NavLink {
  href: string;
  label: MessageKey;
  /** Marked as the current page under this path. */
  section: string;
}

/**
 * The header's links of her own: her shop for a seller or applicant, the shops she helps and the
 * applicants of her kampung for a pendamping, the agency's pages for an officer or admin, and for a
 * buyer an invitation to sell (a trained ibu registers as a buyer first).
 */
export function accountLinks(who: Who): NavLink[] {
  const links: NavLink[] = [];
  if (who.hasShop || who.roles.includes('SELLER')) links.push({ href: '/dashboard', label: 'nav.dashboard', section: '/dashboard' });
  else if (who.roles.includes('PENDAMPING')) links.push({ href: '/dashboard', label: 'nav.assisted', section: '/dashboard' });
  if (isAgency(who.roles)) links.push({ href: '/dinas', label: 'nav.agency', section: '/dinas' });
  else if (who.roles.includes('PENDAMPING')) links.push({ href: '/dinas/verifikasi', label: 'nav.review', section: '/dinas' });
  if (links.length === 0) links.push({ href: '/dashboard/daftar-penjual', label: 'nav.sell', section: '/dashboard' });
  return links;
}
