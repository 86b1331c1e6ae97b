import { fail, redirect } from '@sveltejs/kit';
import { CART_LINE_QUANTITY, CartDocument, CartLineProblem } from '@karya-ibu/types';
import { t } from '$lib/i18n';
import { query } from '$lib/server/api/client';
import { cartCaller, parseQuantity, removeFromCart, setCartQuantity } from '$lib/server/buying/cart';
import type { Actions, PageServerLoad } from './$types';

/** Problems that stop checkout (a changed price only needs saying). */
const BLOCKING: readonly (CartLineProblem | null)[] = [CartLineProblem.NotEnoughStock, CartLineProblem.SoldOut, CartLineProblem.Unavailable];

export const load: PageServerLoad = async (event) => {
  const { cartId, options } = cartCaller(event);
  // A guest without a cart cookie has no cart: no call.
  if (!event.locals.actor && !cartId) return { cart: null, blocked: false };
  const { cart } = await query(event.fetch, CartDocument, { cartId }, options);
  if (!cart || cart.itemCount === 0) return { cart: null, blocked: false };
  return { cart, blocked: cart.sellerGroups.some((group) => group.lines.some((line) => BLOCKING.includes(line.problem))) };
};

export const actions: Actions = {
  ubah: async (event) => {
    const form = await event.request.formData();
    const productId = String(form.get('productId') ?? '');
    const quantity = parseQuantity(form.get('quantity'), { allowZero: true });
    const lang = event.locals.lang;
    if (quantity === null) return fail(400, { productId, lineError: t(lang, 'cart.error.quantity', CART_LINE_QUANTITY) });
    const problem = await setCartQuantity(event, productId, quantity);
    if (problem) return fail(400, { productId, lineError: problem });
    redirect(303, '/keranjang');
  },
  hapus: async (event) => {
    const form = await event.request.formData();
    const productId = String(form.get('productId') ?? '');
    const problem = await removeFromCart(event, productId);
    if (problem) return fail(400, { productId, lineError: problem });
    redirect(303, '/keranjang');
  }
};
