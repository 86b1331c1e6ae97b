import type { RequestEvent } from '@sveltejs/kit';
import { normalizeIndonesianPhone, OrderDocument, type OrderFieldsFragment } from '@karya-ibu/types';
import { ApiError, query } from '$lib/server/api/client';
import { caller } from '$lib/server/session';
import { isOrderCode, normalizeOrderCode, rememberedPhone, rememberGuestOrder } from './guest-orders';

type Event = Pick<RequestEvent, 'cookies' | 'fetch' | 'locals' | 'url'>;

export type OrderLookup = { order: OrderFieldsFragment } | { order: null; tooMany: boolean };

/**
 * An order as this visitor may see it: her own when signed in, or a guest's with the phone this
 * browser remembers for it (or the one just typed). The API counts failed look-ups per address.
 */
export async function findOrder(event: Event, code: string, typedPhone?: string): Promise<OrderLookup> {
  const phone = typedPhone ?? rememberedPhone(event.cookies, code);
  if (!isOrderCode(code) || (!event.locals.actor && !phone)) return { order: null, tooMany: false };
  try {
    const { order } = await query(event.fetch, OrderDocument, { code, phone }, caller(event));
    return order ? { order } : { order: null, tooMany: false };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'TOO_MANY_REQUESTS') return { order: null, tooMany: true };
    throw error;
  }
}

export type LookupField = 'code' | 'phone';

/** "Lacak pesanan": a code and phone that find an order are remembered, so its page opens. */
export async function lookUpAndRemember(event: Event, rawCode: string, rawPhone: string): Promise<{ code: string } | { fieldErrors: Partial<Record<LookupField, MessageKeyOf>>; tooMany?: boolean }> {
  const code = normalizeOrderCode(rawCode);
  const fieldErrors: Partial<Record<LookupField, MessageKeyOf>> = {};
  if (!isOrderCode(code)) fieldErrors.code = 'order.lookup.codeRequired';
  if (!normalizeIndonesianPhone(rawPhone)) fieldErrors.phone = 'checkout.error.phoneInvalid';
  if (fieldErrors.code || fieldErrors.phone) return { fieldErrors };
  const found = await findOrder(event, code, rawPhone);
  if (!found.order) return found.tooMany ? { fieldErrors: {}, tooMany: true } : { fieldErrors: { phone: 'order.lookup.notFound' } };
  rememberGuestOrder(event.cookies, event.url, code, rawPhone.trim());
  return { code };
}

type MessageKeyOf = 'order.lookup.codeRequired' | 'checkout.error.phoneInvalid' | 'order.lookup.notFound';
