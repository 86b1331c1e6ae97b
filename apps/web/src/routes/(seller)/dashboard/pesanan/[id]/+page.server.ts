import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import {
  AUTO_DELIVER_DAYS,
  CANCEL_REASON_LENGTH,
  DashboardCancelSellerOrderDocument,
  DashboardCompleteSellerOrderDocument,
  DashboardMarkSellerOrderShippedDocument,
  DashboardRecordCodPaymentDocument,
  DashboardSellerOrderDocument,
  DashboardStartSellerOrderProcessingDocument,
  parseRupiahInput,
  TRACKING_NUMBER_LENGTH,
  within
} from '@karya-ibu/types';
import { formatRupiah } from '$lib/format/money';
import { t, type Lang } from '$lib/i18n';
import { query } from '$lib/server/api/client';
import { caller } from '$lib/server/session';
import { sellerParam, withSeller } from '$lib/seller/acting';
import { asPageError, requireShop, requireSignedIn } from '$lib/seller/dashboard.server';
import type { Actions, PageServerLoad } from './$types';

/** One of her orders with what she may do next; only in the shop the dashboard manages now. */
export const load: PageServerLoad = async (event) => {
  const { dashboard } = await event.parent();
  const shop = requireShop(dashboard);
  const lang = event.locals.lang;
  const { sellerOrder } = await query(event.fetch, DashboardSellerOrderDocument, { id: event.params.id }, caller(event)).catch(asPageError(lang, 'sellerOrder.error.notFound'));
  // The API also shows a buyer her own part of an order: here only the shop's own orders.
  if (!sellerOrder || sellerOrder.seller.id !== shop.id) error(404, t(lang, 'sellerOrder.error.notFound'));
  return {
    order: sellerOrder,
    done: event.url.searchParams.get('selesai'),
    // recordCodPayment's idempotency key: a resent form records the cash once.
    cashKey: crypto.randomUUID(),
    autoDeliverDays: AUTO_DELIVER_DAYS
  };
};

type Result = { __typename: string; errorCode?: string; field?: string; expectedIdr?: string };

/** Back to the order with a message of what was done (Post/Redirect/Get), keeping `?penjual=`. */
function done(event: RequestEvent, what: string): never {
  redirect(303, withSeller(`/dashboard/pesanan/${event.params.id}?selesai=${what}`, sellerParam(event.url)));
}

function refusal(lang: Lang, result: Result) {
  const key = result.__typename === 'NotFoundError' ? 'sellerOrder.error.notFound' : 'sellerOrder.error.notAllowed';
  return fail(result.__typename === 'NotFoundError' ? 404 : 409, { action: null, fieldErrors: {} as Record<string, string>, formError: t(lang, key), values: {} as Record<string, string> });
}

function invalid(action: string, fieldErrors: Record<string, string>, values: Record<string, string>) {
  return fail(400, { action, fieldErrors, formError: null, values });
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export const actions: Actions = {
  mulai: async (event) => {
    requireSignedIn(event);
    const { startSellerOrderProcessing: result } = await query(event.fetch, DashboardStartSellerOrderProcessingDocument, { id: event.params.id }, caller(event));
    if (result.__typename !== 'SellerOrder') return refusal(event.locals.lang, result);
    done(event, 'start');
  },

  /** Courier and resi for a courier parcel; a pick-up or the pendamping's delivery needs neither. */
  kirim: async (event) => {
    requireSignedIn(event);
    const form = await event.request.formData();
    const lang = event.locals.lang;
    const courier = text(form, 'courier');
    const trackingNumber = text(form, 'trackingNumber');
    const needsResi = form.get('kind') === 'COURIER';
    const values = { courier, trackingNumber };
    if (needsResi) {
      const fieldErrors: Record<string, string> = {};
      if (!courier) fieldErrors.courier = t(lang, 'sellerOrder.error.courierRequired');
      const resi = trackingNumber.replace(/\s+/g, '');
      if (!resi) fieldErrors.trackingNumber = t(lang, 'sellerOrder.error.resiRequired');
      else if (!within(resi.length, TRACKING_NUMBER_LENGTH) || !/^[A-Za-z0-9-]+$/.test(resi)) fieldErrors.trackingNumber = t(lang, 'sellerOrder.error.resiInvalid', TRACKING_NUMBER_LENGTH);
      if (Object.keys(fieldErrors).length) return invalid('kirim', fieldErrors, values);
    }
    const { markSellerOrderShipped: result } = await query(
      event.fetch,
      DashboardMarkSellerOrderShippedDocument,
      { id: event.params.id, courier: needsResi ? courier : null, trackingNumber: needsResi ? trackingNumber : null },
      caller(event)
    );
    if (result.__typename === 'InvalidInputError') {
      const field = result.field === 'courier' ? 'courier' : 'trackingNumber';
      return invalid('kirim', { [field]: t(lang, field === 'courier' ? 'sellerOrder.error.courierRequired' : 'sellerOrder.error.resiInvalid', TRACKING_NUMBER_LENGTH) }, values);
    }
    if (result.__typename !== 'SellerOrder') return refusal(lang, result);
    done(event, 'ship');
  },

  /** Cash on delivery: the exact total, recorded once (the form's key). */
  tunai: async (event) => {
    requireSignedIn(event);
    const form = await event.request.formData();
    const lang = event.locals.lang;
    const typed = text(form, 'amount');
    const amount = parseRupiahInput(typed);
    if (amount === null) return invalid('tunai', { amount: t(lang, 'sellerOrder.error.amountInvalid') }, { amount: typed });
    const { recordCodPayment: result } = await query(
      event.fetch,
      DashboardRecordCodPaymentDocument,
      { id: event.params.id, amountIdr: amount.toString(), idempotencyKey: text(form, 'key') },
      caller(event)
    );
    if (result.__typename === 'AmountMismatchError') return invalid('tunai', { amount: t(lang, 'sellerOrder.error.amount', { amount: formatRupiah(result.expectedIdr) }) }, { amount: typed });
    if (result.__typename !== 'SellerOrder') return refusal(lang, result);
    done(event, 'cash');
  },

  batal: async (event) => {
    requireSignedIn(event);
    const form = await event.request.formData();
    const lang = event.locals.lang;
    const reason = text(form, 'reason').replace(/\s+/g, ' ');
    if (!within(reason.length, CANCEL_REASON_LENGTH)) return invalid('batal', { reason: t(lang, 'sellerOrder.error.reasonLength', CANCEL_REASON_LENGTH) }, { reason });
    const { cancelSellerOrder: result } = await query(event.fetch, DashboardCancelSellerOrderDocument, { id: event.params.id, reason }, caller(event));
    if (result.__typename === 'InvalidInputError') return invalid('batal', { reason: t(lang, 'sellerOrder.error.reasonLength', CANCEL_REASON_LENGTH) }, { reason });
    if (result.__typename !== 'SellerOrder') return refusal(lang, result);
    done(event, 'cancel');
  },

  selesai: async (event) => {
    requireSignedIn(event);
    const { completeSellerOrder: result } = await query(event.fetch, DashboardCompleteSellerOrderDocument, { id: event.params.id }, caller(event));
    if (result.__typename !== 'SellerOrder') return refusal(event.locals.lang, result);
    done(event, 'complete');
  }
};
