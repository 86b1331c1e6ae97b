/** Bahasa Indonesia messages of the seller pages (kept apart so the storefront dictionary stays readable). */
export const sellerId = {
  'seller.title': 'Toko saya'
} as const;
