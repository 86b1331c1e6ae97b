/** Bahasa Indonesia messages of the agency pages (kept apart so the storefront dictionary stays readable). */
export const agencyId = {
  'agency.title': 'Dinas'
} as const;
