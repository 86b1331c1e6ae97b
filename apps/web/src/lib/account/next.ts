/** Where to go after signing in: only a path on this site, anything else falls back to `/`. */
export function safeNext(raw: string | null | undefined, fallback = '/'): string {
  if (!raw) return fallback;
  const value = raw.trim();
  // `//evil.example` and `/\evil.example` are protocol-relative to browsers; control characters hide tricks.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  if (value.length > 1000) return fallback;
  try {
    const base = new URL('http://karya-ibu.invalid');
    const url = new URL(value, base);
    if (url.origin !== base.origin) return fallback;
    // Coming back to a sign-in page after signing in would loop.
    if (ACCOUNT_PAGES.some((p) => url.pathname === p || url.pathname.startsWith(`${p}/`))) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

const ACCOUNT_PAGES = ['/masuk', '/daftar', '/keluar', '/lupa-sandi'];

/** `/masuk` or `/masuk?next=%2Fproduk` : keeps `next` across the account pages. */
export function withNext(path: string, next: string): string {
  return next === '/' ? path : `${path}?${new URLSearchParams({ next })}`;
}
