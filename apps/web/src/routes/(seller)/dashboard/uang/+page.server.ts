import { fail, redirect } from '@sveltejs/kit';
import { MoneyBalanceDocument, MoneyConfirmCashReceivedDocument, MoneyCreateCashReceiptUploadDocument, MoneyRecordCashHandoverDocument } from '@karya-ibu/types';
import { t } from '$lib/i18n';
import { query } from '$lib/server/api/client';
import { isFailure, submit } from '$lib/server/forms/result';
import { caller } from '$lib/server/session';
import { putToStorage } from '$lib/server/storage';
import { sellerParam, withSeller } from '$lib/seller/acting';
import { asPageError, PHOTO_PROBLEM_KEYS, requireShop, requireSignedIn } from '$lib/seller/dashboard.server';
import { checkPhoto, chosenFiles, photoContentType } from '$lib/seller/upload';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 20;

/** "Uang saya": her balance, her lines (keyset pages), her months and her payouts; her pendamping's view of it with `?penjual=`. */
export const load: PageServerLoad = async (event) => {
  const { dashboard } = await event.parent();
  requireShop(dashboard);
  const after = event.url.searchParams.get('setelah') || null;
  const { sellerBalance: balance } = await query(event.fetch, MoneyBalanceDocument, { sellerId: dashboard.sellerParam, after, first: PAGE_SIZE }, caller(event)).catch(
    asPageError(event.locals.lang, 'seller.error.sellerNotFound', 'seller.error.notYourShop')
  );
  return {
    balance,
    lines: balance.lines.edges.map((edge) => edge.node),
    next: balance.lines.pageInfo.hasNextPage ? balance.lines.pageInfo.endCursor : null,
    paged: after !== null,
    // Only she confirms cash she was handed; only her pendamping hands it over.
    herself: !dashboard.onBehalf,
    handsOver: dashboard.onBehalf && dashboard.isPendamping,
    done: event.url.searchParams.get('selesai')
  };
};

const back = (event: { url: URL }, done: string) => withSeller(`/dashboard/uang?selesai=${done}#pencairan`, sellerParam(event.url));

export const actions: Actions = {
  /** She confirms the cash her pendamping handed her. */
  terima: async (event) => {
    requireSignedIn(event);
    const payoutId = String((await event.request.formData()).get('payoutId') ?? '');
    const values = { payoutId };
    const payout = await submit(event, query(event.fetch, MoneyConfirmCashReceivedDocument, { payoutId }, caller(event)).then((r) => r.confirmCashReceived), { values });
    if (isFailure(payout)) return payout;
    redirect(303, back(event, 'diterima'));
  },

  /** Her pendamping hands the cash over: the signed receipt's photo (sent from here without JavaScript), then the record. */
  serahkan: async (event) => {
    requireSignedIn(event);
    const lang = event.locals.lang;
    const form = await event.request.formData();
    const payoutId = String(form.get('payoutId') ?? '');
    const values = { payoutId };
    const [file] = chosenFiles<File>(form.getAll('receipt'));
    if (!file) return fail(400, { fieldErrors: { receipt: t(lang, 'money.handover.noPhoto') }, formError: undefined, values });
    const problem = checkPhoto(file);
    if (problem) return fail(400, { fieldErrors: { receipt: t(lang, PHOTO_PROBLEM_KEYS[problem]) }, formError: undefined, values });
    const contentType = photoContentType(file);
    const fields = { PHOTO_FILE_REJECTED: 'receipt', receiptPhotoKey: 'receipt' } as const;
    const upload = await submit(
      event,
      query(event.fetch, MoneyCreateCashReceiptUploadDocument, { payoutId, contentType, byteSize: file.size }, caller(event)).then((r) => r.createCashReceiptUpload),
      { fields, values }
    );
    if (isFailure(upload)) return upload;
    await putToStorage(upload.uploadUrl, file, contentType);
    const payout = await submit(
      event,
      query(event.fetch, MoneyRecordCashHandoverDocument, { payoutId, receiptPhotoKey: upload.key }, caller(event)).then((r) => r.recordCashHandover),
      { fields, values }
    );
    if (isFailure(payout)) return payout;
    redirect(303, back(event, 'diserahkan'));
  }
};
