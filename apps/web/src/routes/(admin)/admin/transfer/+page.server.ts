import { fail, redirect } from '@sveltejs/kit';
import { AdminBankTransferQueueDocument, AdminConfirmBankTransferDocument, AdminRecordRefundReturnedDocument, BANK_REFERENCE_LENGTH, parseRupiahInput, within } from '@karya-ibu/types';
import { formatRupiah } from '$lib/format/money';
import { t } from '$lib/i18n';
import { query } from '$lib/server/api/client';
import { caller } from '$lib/server/session';
import { requireStaff, TRANSFER_STAFF } from '$lib/server/staff/guard';
import type { Actions, PageServerLoad } from './$types';

const QUEUE_SIZE = 50;

/**
 * Finance's bank account: transfers waiting, the nearest deadline first, each confirmed with the
 * statement's amount and reference; card refunds the buyer's bank turned down, sent back by transfer;
 * and refunds not finished yet, which their jobs are still at (the order is flagged if one gives up).
 */
export const load: PageServerLoad = async (event) => {
  requireStaff(event, TRANSFER_STAFF);
  const { bankTransferQueue, refundsOwedByHand, refundsInProgress } = await query(event.fetch, AdminBankTransferQueueDocument, { first: QUEUE_SIZE }, caller(event));
  return {
    queue: bankTransferQueue.map((order) => ({ ...order, key: crypto.randomUUID() })),
    owed: refundsOwedByHand,
    inProgress: refundsInProgress,
    confirmed: event.url.searchParams.get('dikonfirmasi'),
    returned: event.url.searchParams.get('dikembalikan')
  };
};

export const actions: Actions = {
  konfirmasi: async (event) => {
    requireStaff(event, TRANSFER_STAFF);
    const form = await event.request.formData();
    const lang = event.locals.lang;
    const orderId = String(form.get('orderId') ?? '');
    const values = { amount: String(form.get('amount') ?? '').trim(), reference: String(form.get('reference') ?? '').trim() };
    const amount = parseRupiahInput(values.amount);
    const fieldErrors: Partial<Record<'amount' | 'reference', string>> = {};
    if (amount === null) fieldErrors.amount = t(lang, 'staff.transfers.error.amountInvalid');
    if (!within(values.reference.length, BANK_REFERENCE_LENGTH)) fieldErrors.reference = t(lang, 'staff.transfers.error.reference', BANK_REFERENCE_LENGTH);
    if (amount === null || Object.keys(fieldErrors).length) return fail(400, { orderId, values, fieldErrors, formError: null });

    const { confirmBankTransfer: result } = await query(
      event.fetch,
      AdminConfirmBankTransferDocument,
      { orderId, amountIdr: amount.toString(), bankReference: values.reference, idempotencyKey: String(form.get('key') ?? '') },
      caller(event)
    );
    switch (result.__typename) {
      case 'Order':
        return redirect(303, `/admin/transfer?dikonfirmasi=${encodeURIComponent(result.code)}`);
      case 'AmountMismatchError':
        fieldErrors.amount = t(lang, 'staff.transfers.error.amount', { amount: formatRupiah(result.expectedIdr) });
        return fail(400, { orderId, values, fieldErrors, formError: null });
      case 'InvalidInputError':
        fieldErrors.reference = t(lang, 'staff.transfers.error.reference', BANK_REFERENCE_LENGTH);
        return fail(400, { orderId, values, fieldErrors, formError: null });
      default:
        return fail(409, { orderId, values, fieldErrors, formError: t(lang, 'staff.transfers.error.notPending') });
    }
  },

  kembalikan: async (event) => {
    requireStaff(event, TRANSFER_STAFF);
    const form = await event.request.formData();
    const lang = event.locals.lang;
    const refundId = String(form.get('refundId') ?? '');
    const values = { reference: String(form.get('reference') ?? '').trim() };
    const fieldErrors: Partial<Record<'reference', string>> = {};
    if (!within(values.reference.length, BANK_REFERENCE_LENGTH)) fieldErrors.reference = t(lang, 'staff.transfers.error.reference', BANK_REFERENCE_LENGTH);
    if (fieldErrors.reference) return fail(400, { refundId, values, fieldErrors, formError: null });
    const { recordRefundReturned: result } = await query(event.fetch, AdminRecordRefundReturnedDocument, { refundId, bankReference: values.reference }, caller(event));
    switch (result.__typename) {
      case 'SellerOrder':
        return redirect(303, `/admin/transfer?dikembalikan=${encodeURIComponent(result.code)}`);
      case 'InvalidInputError':
        fieldErrors.reference = t(lang, 'staff.transfers.error.reference', BANK_REFERENCE_LENGTH);
        return fail(400, { refundId, values, fieldErrors, formError: null });
      default:
        return fail(409, { refundId, values, fieldErrors, formError: t(lang, 'staff.refundsOwed.error.notOwed') });
    }
  }
};
