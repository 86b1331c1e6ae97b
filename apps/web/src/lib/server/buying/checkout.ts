import type { RequestEvent } from '@sveltejs/kit';
import {
  CartDocument,
  CartLineProblem,
  CheckoutAddressesDocument,
  CheckoutQuoteDocument,
  type CartFieldsFragment,
  type CheckoutAddressesQuery,
  type CheckoutQuoteQuery
} from '@karya-ibu/types';
import { chosenShipping, orderTotal } from '$lib/buying/checkout';
import { formatRupiah } from '$lib/format/money';
import { t, type Lang } from '$lib/i18n';
import { query } from '$lib/server/api/client';
import { cartCaller } from './cart';
import { NEW_ADDRESS, type CheckoutDraft } from './checkout-draft';

type Event = Pick<RequestEvent, 'cookies' | 'fetch' | 'locals'>;
type Quote = Extract<CheckoutQuoteQuery['checkoutQuote'], { __typename: 'CheckoutQuote' }>;
type QuoteOption = Quote['groups'][number]['shippingOptions'][number];
export type SavedAddress = CheckoutAddressesQuery['myAddresses'][number];

export interface CheckoutGroup {
  seller: CartFieldsFragment['sellerGroups'][number]['seller'];
  lines: CartFieldsFragment['sellerGroups'][number]['lines'];
  subtotalIdr: string;
  pieces: number;
  options: QuoteOption[];
  chosen: string | null;
}

export interface CheckoutContext {
  cart: CartFieldsFragment;
  signedIn: boolean;
  me: CheckoutAddressesQuery['me'];
  saved: SavedAddress[];
  /** The saved address used, or null for the address typed in the form. */
  savedAddress: SavedAddress | null;
  villageCode: string | null;
  groups: CheckoutGroup[];
  /** Why there are no shipping options although an address is chosen (a piece sold out meanwhile…). */
  quoteProblem: string | null;
  itemsTotalIdr: string;
  shippingTotalIdr: string | null;
  totalIdr: string;
  cod: { open: boolean; reason: string | null };
}

/** Which saved address applies: the one she picked, else her default on a first visit; null for a typed one. */
function savedAddressOf(saved: SavedAddress[], draft: CheckoutDraft): SavedAddress | null {
  if (draft.addressId === NEW_ADDRESS) return null;
  return saved.find((address) => address.id === draft.addressId) ?? (draft.village ? null : (saved.find((a) => a.isDefault) ?? saved[0] ?? null));
}

/**
 * Everything checkout shows and checks for this visitor: her cart by seller, the address that
 * applies, the shipping options quoted per seller for it with her choices, totals and whether COD is
 * open. null when the cart is empty.
 */
export async function checkoutContext(event: Event, draft: CheckoutDraft): Promise<CheckoutContext | null> {
  const { cartId, options } = cartCaller(event);
  const signedIn = !!event.locals.actor;
  if (!signedIn && !cartId) return null;
  const [{ cart }, addresses] = await Promise.all([
    query(event.fetch, CartDocument, { cartId }, options),
    signedIn ? query(event.fetch, CheckoutAddressesDocument, {}, options) : null
  ]);
  if (!cart || cart.itemCount === 0) return null;
  const saved = addresses?.myAddresses ?? [];
  const savedAddress = savedAddressOf(saved, draft);
  const villageCode = savedAddress?.villageCode ?? (draft.village || null);

  const quoted = villageCode ? (await query(event.fetch, CheckoutQuoteDocument, { input: { cartId, villageCode } }, options)).checkoutQuote : null;
  const quote = quoted?.__typename === 'CheckoutQuote' ? quoted : null;
  const lang = event.locals.lang;

  const groups: CheckoutGroup[] = cart.sellerGroups.map((group) => {
    const offered = quote?.groups.find((g) => g.seller.id === group.seller.id)?.shippingOptions ?? [];
    return {
      seller: group.seller,
      lines: group.lines,
      subtotalIdr: group.subtotalIdr,
      pieces: group.lines.reduce((sum, line) => sum + line.quantity, 0),
      options: offered,
      chosen: chosenShipping(offered, draft.shipping[group.seller.id])?.code ?? null
    };
  });
  const shipping = groups.map((group) => group.options.find((option) => option.code === group.chosen) ?? null);
  const totalIdr = orderTotal(cart.subtotalIdr, shipping);
  const overLimit = quote ? BigInt(totalIdr) > BigInt(quote.codMaxTotalIdr) : false;
  const codReason = !quote ? t(lang, 'checkout.cod.unknown') : quote.codUnavailableReason ? codReasonText(lang, quote.codUnavailableReason, quote.codMaxTotalIdr) : overLimit ? codReasonText(lang, 'OVER_LIMIT', quote.codMaxTotalIdr) : null;

  return {
    cart,
    signedIn,
    me: addresses?.me ?? null,
    saved,
    savedAddress,
    villageCode,
    groups,
    quoteProblem: quoted && quoted.__typename !== 'CheckoutQuote' ? quoteProblemText(lang, quoted, cart) : null,
    itemsTotalIdr: cart.subtotalIdr,
    shippingTotalIdr: quote && shipping.every(Boolean) ? orderTotal('0', shipping) : null,
    totalIdr,
    cod: { open: codReason === null, reason: codReason }
  };
}

function codReasonText(lang: Lang, reason: string, maxIdr: string): string {
  if (reason === 'NOT_IN_BALIKPAPAN') return t(lang, 'checkout.cod.NOT_IN_BALIKPAPAN');
  if (reason === 'SELLER_DOES_NOT_ALLOW') return t(lang, 'checkout.cod.SELLER_DOES_NOT_ALLOW');
  return t(lang, 'checkout.cod.OVER_LIMIT', { max: formatRupiah(maxIdr) });
}

/** A product's title in the cart, for messages about it. */
export function titleIn(cart: CartFieldsFragment, productId: string): string {
  return cart.sellerGroups.flatMap((group) => group.lines).find((line) => line.product.id === productId)?.product.title ?? '';
}

/** Words for a refusal that names a product (sold out, no longer for sale) or an input. */
export function productProblemText(lang: Lang, result: { __typename: string; productId?: string; available?: number }, cart: CartFieldsFragment): string {
  if (result.__typename === 'InsufficientStockError') return t(lang, 'checkout.error.stock', { title: titleIn(cart, result.productId ?? ''), available: result.available ?? 0 });
  if (result.__typename === 'ProductUnavailableError') return t(lang, 'checkout.error.unavailable', { title: titleIn(cart, result.productId ?? '') });
  return t(lang, 'checkout.error.retry');
}

function quoteProblemText(lang: Lang, result: Exclude<CheckoutQuoteQuery['checkoutQuote'], Quote>, cart: CartFieldsFragment): string {
  if (result.__typename === 'InvalidInputError' && result.field === 'input.villageCode') return t(lang, 'checkout.error.villageRequired');
  if (result.__typename === 'InvalidInputError' && result.field === 'input.cartId') return t(lang, 'checkout.error.cartEmpty');
  return productProblemText(lang, result as { __typename: string; productId?: string; available?: number }, cart);
}

/** Lines whose price or stock changed since they were added, or that are no longer for sale: said at checkout, never dropped. */
export function changedLines(cart: CartFieldsFragment) {
  return cart.sellerGroups.flatMap((group) => group.lines).filter((line) => line.problem !== null) as (CartFieldsFragment['sellerGroups'][number]['lines'][number] & { problem: CartLineProblem })[];
}
