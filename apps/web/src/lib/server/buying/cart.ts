import type { Cookies, RequestEvent } from '@sveltejs/kit';
import {
  AddToCartDocument,
  CART_LINE_QUANTITY,
  CART_MAX_LINES,
  CartCountDocument,
  MergeCartDocument,
  RemoveCartLineDocument,
  UpdateCartLineDocument,
  within
} from '@karya-ibu/types';
import { t, type Lang } from '$lib/i18n';
import { query, type QueryOptions } from '$lib/server/api/client';
import { log } from '$lib/server/log';
import { caller } from '$lib/server/session';
import { buyingCookieOptions } from './cookies';

/**
 * A guest's cart lives on the API; her browser keeps only its id, in this HTTP-only cookie. A
 * signed-in buyer's cart is her own (the API ignores the id), and the guest cart joins it on sign-in.
 */
export const CART_COOKIE = 'karya_cart';
const CART_DAYS = 90;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Event = Pick<RequestEvent, 'cookies' | 'fetch' | 'locals' | 'url'>;

/** The guest cart's id from the cookie, only when it looks like one. */
export function guestCartId(cookies: Pick<Cookies, 'get'>): string | null {
  const value = cookies.get(CART_COOKIE)?.trim();
  return value && UUID.test(value) ? value : null;
}

export function keepGuestCart(cookies: Cookies, site: URL, cartId: string): void {
  cookies.set(CART_COOKIE, cartId, buyingCookieOptions(site, CART_DAYS * 86_400));
}

export function forgetGuestCart(cookies: Cookies): void {
  cookies.delete(CART_COOKIE, { path: '/' });
}

/** What to send for the visitor's cart: her token when signed in (her own cart), else the guest cart's id. */
export function cartCaller(event: Pick<RequestEvent, 'cookies' | 'locals'>): { cartId: string | null; options: QueryOptions } {
  return { cartId: event.locals.actor ? null : guestCartId(event.cookies), options: caller(event) };
}

/**
 * The header's count. Signed in, it came with the session check (hooks.server.ts); a guest costs a
 * call only when she has a cart cookie, so browsing without one adds nothing to any page.
 */
export async function headerCartCount(event: Event): Promise<number> {
  if (event.locals.actor) return event.locals.cartCount ?? 0;
  const cartId = guestCartId(event.cookies);
  if (!cartId) return 0;
  try {
    const { cart } = await query(event.fetch, CartCountDocument, { cartId });
    if (!cart) forgetGuestCart(event.cookies);
    return cart?.itemCount ?? 0;
  } catch (error) {
    log().warn(`cart count failed: ${error instanceof Error ? error.message : String(error)}`);
    return 0;
  }
}

/**
 * Right after signing in (or registering): the guest cart joins hers, and the cookie goes. A failure
 * never stops the sign-in; the cookie then stays, to try again next time.
 */
export async function mergeGuestCart(event: Pick<RequestEvent, 'cookies' | 'fetch'>, token: string): Promise<void> {
  const guest = guestCartId(event.cookies);
  if (!guest) return;
  try {
    await query(event.fetch, MergeCartDocument, { guestCartId: guest }, { token });
    forgetGuestCart(event.cookies);
  } catch (error) {
    log().warn(`cart merge failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

type CartResult =
  | { __typename: 'Cart'; id: string; itemCount: number }
  | { __typename: string; errorCode?: string; message?: string; available?: number; field?: string };

/** A cart mutation's refusal in her words; null when it changed the cart. */
function cartProblem(result: CartResult, lang: Lang): string | null {
  switch (result.__typename) {
    case 'Cart':
      return null;
    case 'InsufficientStockError':
      return t(lang, 'cart.error.stock', { available: 'available' in result ? (result.available ?? 0) : 0 });
    case 'ProductUnavailableError':
      return t(lang, 'cart.error.unavailable');
    case 'InvalidInputError':
      return 'field' in result && result.field === 'productId' ? t(lang, 'cart.error.full', { max: CART_MAX_LINES }) : t(lang, 'cart.error.quantity', CART_LINE_QUANTITY);
    default:
      return t(lang, 'cart.error.gone');
  }
}

/** A quantity typed in a cart form: a whole number of pieces within the rule, else null. */
export function parseQuantity(value: FormDataEntryValue | null, { allowZero = false } = {}): number | null {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!/^\d{1,4}$/.test(text)) return null;
  const quantity = Number(text);
  if (allowZero && quantity === 0) return 0;
  return within(quantity, CART_LINE_QUANTITY) ? quantity : null;
}

type MutationEvent = Pick<RequestEvent, 'cookies' | 'fetch' | 'locals' | 'url'>;

/** Puts pieces in the visitor's cart (a guest's first one makes her cart and its cookie); her words for a refusal. */
export async function addToCart(event: MutationEvent, productId: string, quantity: number): Promise<string | null> {
  const { cartId, options } = cartCaller(event);
  const { addToCart: result } = await query(event.fetch, AddToCartDocument, { cartId, productId, quantity }, options);
  if (result.__typename === 'Cart' && !event.locals.actor && result.id !== cartId) keepGuestCart(event.cookies, event.url, result.id);
  // A guest whose cookie names a cart that is gone starts a new one.
  if (result.__typename === 'NotFoundError' && cartId) {
    forgetGuestCart(event.cookies);
    return addToCart(event, productId, quantity);
  }
  return cartProblem(result, event.locals.lang);
}

/** Sets a line's pieces (0 removes it). */
export async function setCartQuantity(event: MutationEvent, productId: string, quantity: number): Promise<string | null> {
  const { cartId, options } = cartCaller(event);
  const { updateCartLine: result } = await query(event.fetch, UpdateCartLineDocument, { cartId, productId, quantity }, options);
  return cartProblem(result, event.locals.lang);
}

export async function removeFromCart(event: MutationEvent, productId: string): Promise<string | null> {
  const { cartId, options } = cartCaller(event);
  const { removeCartLine: result } = await query(event.fetch, RemoveCartLineDocument, { cartId, productId }, options);
  return cartProblem(result, event.locals.lang);
}
