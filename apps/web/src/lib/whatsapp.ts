/** Adds a prefilled message to a `https://wa.me/<number>` link; returns null for a link we cannot trust. */
export function whatsappHref(base: string, text: string): string | null {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  url.searchParams.set('text', text);
  return url.toString();
}
