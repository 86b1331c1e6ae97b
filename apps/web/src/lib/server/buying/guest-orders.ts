import type { Cookies } from '@sveltejs/kit';
import { buyingCookieOptions } from './cookies';

/**
 * A guest opens her order with its code and phone. The orders she placed or looked up in this
 * browser are remembered here (HTTP-only, only sent to /pesanan), so the order page after checkout,
 * after Stripe's page and from the WhatsApp link opens without typing the phone again.
 */
export const GUEST_ORDERS_COOKIE = 'karya_pesanan';
const PATH = '/pesanan';
const DAYS = 60;
const MAX = 10;
const CODE = /^KI-[0-9A-Z]{4,12}$/;

interface Remembered {
  code: string;
  phone: string;
}

function parse(raw: string | undefined): Remembered[] {
  if (!raw) return [];
  try {
    const value = JSON.parse(raw) as unknown;
    if (!Array.isArray(value)) return [];
    return value
      .filter((item): item is Remembered => typeof item?.code === 'string' && typeof item?.phone === 'string' && CODE.test(item.code) && item.phone.length <= 20)
      .slice(0, MAX);
  } catch {
    return [];
  }
}

export function normalizeOrderCode(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, '');
}

export function isOrderCode(code: string): boolean {
  return CODE.test(code);
}

/** The phone this browser used for the order, or null. */
export function rememberedPhone(cookies: Pick<Cookies, 'get'>, code: string): string | null {
  return parse(cookies.get(GUEST_ORDERS_COOKIE)).find((item) => item.code === code)?.phone ?? null;
}

export function rememberGuestOrder(cookies: Cookies, site: URL, code: string, phone: string): void {
  const others = parse(cookies.get(GUEST_ORDERS_COOKIE)).filter((item) => item.code !== code);
  cookies.set(GUEST_ORDERS_COOKIE, JSON.stringify([{ code, phone }, ...others].slice(0, MAX)), buyingCookieOptions(site, DAYS * 86_400, PATH));
}
