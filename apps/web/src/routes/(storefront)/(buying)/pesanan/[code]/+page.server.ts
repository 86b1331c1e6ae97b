import { fail, redirect } from '@sveltejs/kit';
import { CancelOrderDocument, ConfirmSellerOrderDeliveredDocument, StartCardPaymentDocument } from '@karya-ibu/types';
import { t } from '$lib/i18n';
import { query } from '$lib/server/api/client';
import { normalizeOrderCode, rememberedPhone } from '$lib/server/buying/guest-orders';
import { findOrder, lookUpAndRemember } from '$lib/server/buying/orders';
import { caller } from '$lib/server/session';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
  const code = normalizeOrderCode(event.params.code);
  const found = await findOrder(event, code);
  return {
    code,
    order: found.order,
    tooMany: !found.order && found.tooMany,
    placed: event.url.searchParams.has('baru'),
    // Back from Stripe's page: the webhook may still be on its way.
    returnedFromCard: event.url.searchParams.get('bayar') === 'selesai'
  };
};

/** The buyer's own actions: signed in, or the guest whose phone this browser remembers for the order. */
function who(event: RequestEvent) {
  const code = normalizeOrderCode(event.params.code);
  return { code, phone: rememberedPhone(event.cookies, code), options: caller(event) };
}

const notAllowed = (event: RequestEvent) => fail(409, { actionError: t(event.locals.lang, 'order.error.notAllowed') });

export const actions: Actions = {
  /** A guest opens the order with its phone. */
  buka: async (event) => {
    const form = await event.request.formData();
    const phone = String(form.get('phone') ?? '');
    const result = await lookUpAndRemember(event, event.params.code, phone);
    if ('code' in result) redirect(303, `/pesanan/${result.code}`);
    const lang = event.locals.lang;
    return fail(result.tooMany ? 429 : 400, { phone, lookupError: result.tooMany ? t(lang, 'order.lookup.tooMany') : t(lang, result.fieldErrors.phone ?? result.fieldErrors.code ?? 'order.lookup.notFound') });
  },

  /** (Re)opens Stripe's hosted page for an unpaid card order. */
  bayar: async (event) => {
    const { code, phone, options } = who(event);
    const { startCardPayment: result } = await query(event.fetch, StartCardPaymentDocument, { code, phone }, options);
    if (result.__typename !== 'Order') return notAllowed(event);
    if (!result.payment?.checkoutUrl) return fail(503, { actionError: t(event.locals.lang, 'order.card.unavailable') });
    redirect(303, result.payment.checkoutUrl);
  },

  batal: async (event) => {
    const { code, phone, options } = who(event);
    const { cancelOrder: result } = await query(event.fetch, CancelOrderDocument, { code, phone }, options);
    if (result.__typename !== 'Order') return notAllowed(event);
    redirect(303, `/pesanan/${code}?dibatalkan=1`);
  },

  /** "Pesanan diterima" for one seller's parcel. */
  diterima: async (event) => {
    const { code, phone, options } = who(event);
    const id = String((await event.request.formData()).get('id') ?? '');
    const { confirmSellerOrderDelivered: result } = await query(event.fetch, ConfirmSellerOrderDeliveredDocument, { id, phone }, options);
    if (result.__typename !== 'SellerOrder') return notAllowed(event);
    redirect(303, `/pesanan/${code}?diterima=${encodeURIComponent(result.id)}#penjual-${result.id}`);
  }
};
