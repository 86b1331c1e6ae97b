/**
 * Which shop the dashboard shows: her own, or (for a pendamping) the seller she helps, kept in the
 * URL as `?penjual=<sellerId>` so every link and form keeps acting for the same person.
 */
export const SELLER_PARAM = 'penjual';

/** `/dashboard/produk/baru` → `/dashboard/produk/baru?penjual=…` when acting for someone. */
export function withSeller(path: string, sellerId: string | null | undefined): string {
  if (!sellerId) return path;
  const [base, hash = ''] = path.split('#');
  const separator = base.includes('?') ? '&' : '?';
  return `${base}${separator}${SELLER_PARAM}=${encodeURIComponent(sellerId)}${hash ? `#${hash}` : ''}`;
}

/** A named form action that keeps the seller: `?/stock&penjual=…`. */
export function actionFor(name: string, sellerId: string | null | undefined): string {
  return withSeller(`?/${name}`, sellerId);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `penjual` value from a URL, only when it looks like an id (anything else: her own shop). */
export function sellerParam(url: URL): string | null {
  const value = url.searchParams.get(SELLER_PARAM)?.trim();
  return value && UUID.test(value) ? value.toLowerCase() : null;
}
