import { error } from '@sveltejs/kit';
import { DashboardSellerOrderDocument } from '@karya-ibu/types';
import { t } from '$lib/i18n';
import { query } from '$lib/server/api/client';
import { caller } from '$lib/server/session';
import { asPageError, requireShop } from '$lib/seller/dashboard.server';
import { drawQrSvg } from '$lib/server/qr';
import type { PageServerLoad } from './$types';

/** A printable packing slip: from her kampung to the buyer, what is inside, and a QR code to the order's page. */
export const load: PageServerLoad = async (event) => {
  const { dashboard } = await event.parent();
  const shop = requireShop(dashboard);
  const lang = event.locals.lang;
  const { sellerOrder } = await query(event.fetch, DashboardSellerOrderDocument, { id: event.params.id }, caller(event)).catch(asPageError(lang, 'sellerOrder.error.notFound'));
  if (!sellerOrder || sellerOrder.seller.id !== shop.id) error(404, t(lang, 'sellerOrder.error.notFound'));
  const url = `${event.url.origin}/pesanan/${sellerOrder.orderCode}`;
  const qrSvg = await drawQrSvg(url);
  return { order: sellerOrder, url, qrSvg };
};
