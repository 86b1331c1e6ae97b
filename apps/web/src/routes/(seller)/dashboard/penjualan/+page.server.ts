import { fail, redirect } from '@sveltejs/kit';
import { ImpactParticipantDocument, ImpactRecordOfflineSaleDocument, isCalendarDate, OfflineSaleChannel, parseRupiahInput } from '@karya-ibu/types';
import { t } from '$lib/i18n';
import { ApiError, query } from '$lib/server/api/client';
import { caller } from '$lib/server/session';
import { sellerParam, withSeller } from '$lib/seller/acting';
import { requireShop, requireSignedIn } from '$lib/seller/dashboard.server';
import type { Actions, PageServerLoad } from './$types';

const CHANNELS = Object.values(OfflineSaleChannel) as string[];

/** Her sales outside the marketplace (self-reported): the form, and what she or her pendamping recorded. */
export const load: PageServerLoad = async (event) => {
  const { dashboard } = await event.parent();
  const shop = requireShop(dashboard);
  const impact = await query(event.fetch, ImpactParticipantDocument, { sellerId: shop.id }, caller(event))
    .then((r) => r.participantImpact)
    // Not on any cohort's roster yet: she can still record sales; there is no impact page to show.
    .catch((cause) => {
      if (cause instanceof ApiError && cause.code === 'NOT_FOUND') return null;
      throw cause;
    });
  return { impact, channels: CHANNELS };
};

export const actions: Actions = {
  default: async (event) => {
    requireSignedIn(event);
    const lang = event.locals.lang;
    const form = await event.request.formData();
    const values = { soldOn: String(form.get('soldOn') ?? ''), amount: String(form.get('amount') ?? ''), channel: String(form.get('channel') ?? ''), note: String(form.get('note') ?? '') };
    const amount = parseRupiahInput(values.amount);
    if (!isCalendarDate(values.soldOn)) return fail(400, { field: 'soldOn', message: t(lang, 'impact.sales.badDate'), values });
    if (amount === null || amount < 1n) return fail(400, { field: 'amount', message: t(lang, 'impact.sales.badAmount'), values });
    if (!CHANNELS.includes(values.channel)) return fail(400, { field: 'channel', message: t(lang, 'impact.sales.badChannel'), values });
    const sellerId = sellerParam(event.url);
    const { recordOfflineSale: result } = await query(
      event.fetch,
      ImpactRecordOfflineSaleDocument,
      { input: { sellerId, soldOn: values.soldOn, amountIdr: String(amount), channel: values.channel as OfflineSaleChannel, note: values.note || null } },
      caller(event)
    );
    if (result.__typename === 'InvalidInputError') {
      const field = result.field.replace('input.', '').replace('amountIdr', 'amount');
      return fail(400, { field, message: t(lang, field === 'soldOn' ? 'impact.sales.badDate' : field === 'amount' ? 'impact.sales.badAmount' : 'impact.sales.badNote'), values });
    }
    redirect(303, withSeller('/dashboard/penjualan?tersimpan=1', sellerId));
  }
};
