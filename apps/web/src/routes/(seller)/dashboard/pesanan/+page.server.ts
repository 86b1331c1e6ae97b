import { DashboardSellerOrdersDocument } from '@karya-ibu/types';
import { query } from '$lib/server/api/client';
import { caller } from '$lib/server/session';
import { asPageError, requireShop } from '$lib/seller/dashboard.server';
import { ORDER_TABS, orderTab } from '$lib/seller/orders';
import type { PageServerLoad } from './$types';

/** Her orders, newest first, by tab (to pack first); a pendamping's for the seller she helps (`?penjual=`). */
export const load: PageServerLoad = async (event) => {
  const { dashboard } = await event.parent();
  requireShop(dashboard);
  const tab = orderTab(event.url);
  const after = event.url.searchParams.get('setelah') || null;
  const { sellerOrders } = await query(
    event.fetch,
    DashboardSellerOrdersDocument,
    { sellerId: dashboard.sellerParam, statuses: ORDER_TABS[tab] ? [...ORDER_TABS[tab]] : null, after },
    caller(event)
  ).catch(asPageError(event.locals.lang, 'sellerOrder.error.notFound'));
  return {
    tab,
    orders: sellerOrders.edges.map((edge) => edge.node),
    next: sellerOrders.pageInfo.hasNextPage ? sellerOrders.pageInfo.endCursor : null
  };
};
