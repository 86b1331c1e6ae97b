import { error, fail, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import { AdminOrderDocument, AdminRefundSellerOrderDocument, AdminResolveOrderFlagDocument, CANCEL_REASON_LENGTH, parseRupiahInput, PaymentMethod, SellerOrderStatus, within } from '@karya-ibu/types';
import { t } from '$lib/i18n';
import { query } from '$lib/server/api/client';
import { normalizeOrderCode } from '$lib/server/buying/guest-orders';
import { isFailure, submit } from '$lib/server/forms/result';
import { caller } from '$lib/server/session';
import { MONEY_STAFF, requireStaff } from '$lib/server/staff/guard';
import type { Actions, PageServerLoad } from './$types';

/** Cash on delivery is paid part by part, when her parcel's cash is recorded. */
const CASH_PAID: readonly string[] = [SellerOrderStatus.Delivered, SellerOrderStatus.Completed];

/** One order for staff: what the buyer sees, its flag, every step with who made it; admins and finance refund and clear the flag. */
export const load: PageServerLoad = async (event) => {
  const { roles } = requireStaff(event);
  const code = normalizeOrderCode(event.params.code);
  const { order } = await query(event.fetch, AdminOrderDocument, { code }, caller(event));
  if (!order) error(404, t(event.locals.lang, 'staff.order.notFound', { code }));
  const paid = (status: string) => order.paidAt !== null || (order.paymentMethod === PaymentMethod.Cod && CASH_PAID.includes(status));
  return {
    order,
    handlesMoney: roles.some((role) => MONEY_STAFF.includes(role)),
    // What each seller order can still give back, and the key of the refund its form would make.
    refunds: Object.fromEntries(
      order.sellerOrders.map((so) => [so.id, { refundableIdr: paid(so.status) ? (BigInt(so.totalIdr) - BigInt(so.refundedIdr)).toString() : '0', key: crypto.randomUUID() }])
    ),
    refunded: event.url.searchParams.get('dikembalikan'),
    refunding: event.url.searchParams.get('diproses'),
    resolved: event.url.searchParams.has('ditangani')
  };
};

/** A failure with the fields that say which of the page's forms it belongs to. */
const ofForm = <T extends object, M extends object>(failure: ActionFailure<T>, form: M) => fail(failure.status, { ...form, ...failure.data });

const orderPath = (event: RequestEvent) => `/admin/pesanan/${encodeURIComponent(normalizeOrderCode(event.params.code ?? ''))}`;

export const actions: Actions = {
  /** Gives back (part of) one seller order: by Stripe for a card, recorded as done for a transfer or cash. */
  kembalikan: async (event) => {
    requireStaff(event, MONEY_STAFF);
    const form = await event.request.formData();
    const lang = event.locals.lang;
    const sellerOrderId = String(form.get('sellerOrderId') ?? '');
    // The same key again, after an error, is the same refund: never two.
    const key = String(form.get('key') ?? '');
    const values = { amount: String(form.get('amount') ?? '').trim(), reason: String(form.get('reason') ?? '').trim() };
    const amount = parseRupiahInput(values.amount);
    const fieldErrors: Partial<Record<'amount' | 'reason', string>> = {};
    if (amount === null || amount <= 0n) fieldErrors.amount = t(lang, 'staff.order.refund.error.amount');
    if (!within(values.reason.length, CANCEL_REASON_LENGTH)) fieldErrors.reason = t(lang, 'staff.order.refund.error.reason', CANCEL_REASON_LENGTH);
    if (amount === null || Object.keys(fieldErrors).length) return fail(400, { form: 'refund' as const, sellerOrderId, key, values, fieldErrors, formError: undefined });
    const outcome = await submit(
      event,
      query(event.fetch, AdminRefundSellerOrderDocument, { id: sellerOrderId, amountIdr: amount.toString(), reason: values.reason, idempotencyKey: key }, caller(event)).then((data) => data.refundSellerOrder),
      { fields: { amountIdr: 'amount', reason: 'reason' }, values, messages: { NOT_ALLOWED_NOW: 'staff.order.refund.error.notAllowed' } }
    );
    if (isFailure(outcome)) return ofForm(outcome, { form: 'refund' as const, sellerOrderId, key });
    // Stripe not answering yet: recorded and asked again on its own, so the page says so rather than "done".
    const done = BigInt(outcome.refundedIdr) > BigInt(/^\d+$/.exec(String(form.get('refundedBefore') ?? ''))?.[0] ?? '0');
    redirect(303, `${orderPath(event)}?${done ? 'dikembalikan' : 'diproses'}=${encodeURIComponent(outcome.code)}`);
  },

  /** She dealt with what the order was flagged for and says how: the flag goes, the timeline keeps it. */
  selesai: async (event) => {
    requireStaff(event, MONEY_STAFF);
    const form = await event.request.formData();
    const lang = event.locals.lang;
    const values = { note: String(form.get('note') ?? '').trim() };
    if (!within(values.note.length, CANCEL_REASON_LENGTH)) return fail(400, { form: 'flag' as const, values, fieldErrors: { note: t(lang, 'staff.order.flag.error.note', CANCEL_REASON_LENGTH) }, formError: undefined });
    const outcome = await submit(
      event,
      query(event.fetch, AdminResolveOrderFlagDocument, { orderId: String(form.get('orderId') ?? ''), note: values.note }, caller(event)).then((data) => data.resolveOrderFlag),
      { fields: { note: 'note' }, values, messages: { NOT_ALLOWED_NOW: 'staff.order.flag.error.notFlagged' } }
    );
    if (isFailure(outcome)) return ofForm(outcome, { form: 'flag' as const });
    redirect(303, `${orderPath(event)}?ditangani=1`);
  }
};
