import { fail, redirect } from '@sveltejs/kit';
import { MyOrdersDocument } from '@karya-ibu/types';
import { t } from '$lib/i18n';
import { query } from '$lib/server/api/client';
import { lookUpAndRemember } from '$lib/server/buying/orders';
import { caller } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 20;

/** Her orders when signed in; for everyone, "Lacak pesanan" by code and WhatsApp number. */
export const load: PageServerLoad = async (event) => {
  if (!event.locals.actor) return { orders: null, next: null };
  const after = event.url.searchParams.get('setelah') || null;
  const { myOrders } = await query(event.fetch, MyOrdersDocument, { first: PAGE_SIZE, after }, caller(event));
  return { orders: myOrders.edges.map((edge) => edge.node), next: myOrders.pageInfo.hasNextPage ? myOrders.pageInfo.endCursor : null };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = { code: String(form.get('code') ?? ''), phone: String(form.get('phone') ?? '') };
    const result = await lookUpAndRemember(event, values.code, values.phone);
    if ('code' in result) redirect(303, `/pesanan/${result.code}`);
    const lang = event.locals.lang;
    const fieldErrors = Object.fromEntries(Object.entries(result.fieldErrors).map(([field, key]) => [field, t(lang, key)])) as Partial<Record<'code' | 'phone', string>>;
    return fail(result.tooMany ? 429 : 400, { values, fieldErrors, formError: result.tooMany ? t(lang, 'order.lookup.tooMany') : undefined });
  }
};
