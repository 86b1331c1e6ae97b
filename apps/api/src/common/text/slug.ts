/**
 * URL slug: lowercase ASCII words joined by single hyphens.
 * Diacritics are stripped ("Batik Café" → "batik-cafe"); "&" reads as "dan" because the
 * catalogue is in Bahasa Indonesia; "×" in sizes becomes "x".
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/×/g, ' x ')
    .replace(/&/g, ' dan ')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Returns a function that hands out unique slugs, suffixing "-2", "-3"… on collisions. */
export function uniqueSlugger(): (text: string) => string {
  const seen = new Set<string>();
  return (text: string) => {
    const base = slugify(text) || 'item';
    let slug = base;
    for (let n = 2; seen.has(slug); n++) slug = `${base}-${n}`;
    seen.add(slug);
    return slug;
  };
}

/** The slug of `text`, or `<slug>-2`, `-3`… when `exists` says it is taken (checked against the database). */
export async function uniqueSlug(text: string, exists: (slug: string) => Promise<boolean>, fallback = 'item'): Promise<string> {
  const base = slugify(text).slice(0, 80).replace(/-+$/, '') || fallback;
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await exists(slug))) return slug;
  }
}
