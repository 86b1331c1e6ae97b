import type { MessageKey } from '$lib/i18n';

/** What the header and the sign-in need to know of the signed-in person. */
export interface Who {
  roles: readonly string[];
  /** She has a seller profile, whatever its status (an applicant too). */
  hasShop: boolean;
}

const isAgency = (roles: readonly string[]) => roles.includes('OFFICER') || roles.includes('ADMIN');
/** Who sees every order (lib/server/staff/guard ORDER_STAFF). */
const isOrderStaff = (roles: readonly string[]) => isAgency(roles) || roles.includes('FINANCE');

/**
 * Where signing in goes: back to where she was headed (`next`, a checked local path: a guarded page,
 * or the page she signed in from); otherwise to what is hers: the agency's pages for an officer or
 * admin, the transfers to confirm for finance, the dashboard for a seller or pendamping, the storefront
 * for a buyer.
 */
export function landingAfterSignIn(who: Who, next: string): string {
  if (next !== '/') return next;
  if (who.roles.includes('FINANCE') && !isAgency(who.roles)) return '/admin';
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
 * applicants of her kampung for a pendamping, the agency's pages for an officer or admin, every order
 * for staff, for a buyer an invitation to sell (a trained ibu registers as a buyer first); and her own
 * orders for everyone signed in.
 */
export function accountLinks(who: Who): NavLink[] {
  const links: NavLink[] = [];
  if (who.hasShop || who.roles.includes('SELLER')) links.push({ href: '/dashboard', label: 'nav.dashboard', section: '/dashboard' });
  else if (who.roles.includes('PENDAMPING')) links.push({ href: '/dashboard', label: 'nav.assisted', section: '/dashboard' });
  if (isAgency(who.roles)) links.push({ href: '/dinas', label: 'nav.agency', section: '/dinas' });
  else if (who.roles.includes('PENDAMPING')) links.push({ href: '/dinas/verifikasi', label: 'nav.review', section: '/dinas' });
  if (isOrderStaff(who.roles)) links.push({ href: '/admin', label: 'nav.staffOrders', section: '/admin' });
  if (links.length === 0) links.push({ href: '/dashboard/daftar-penjual', label: 'nav.sell', section: '/dashboard' });
  links.push({ href: '/pesanan', label: 'nav.orders', section: '/pesanan' });
  return links;
}
