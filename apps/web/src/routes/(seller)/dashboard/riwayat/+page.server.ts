import { DashboardActivityDocument, DashboardProductsDocument } from '@karya-ibu/types';
import { query } from '$lib/server/api/client';
import { caller } from '$lib/server/session';
import { asPageError, requireShop } from '$lib/seller/dashboard.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { dashboard } = await event.parent();
  requireShop(dashboard);
  const sellerId = dashboard.sellerParam;
  const [{ sellerActivity }, { sellerProducts }] = await Promise.all([
    query(event.fetch, DashboardActivityDocument, { sellerId, first: 100 }, caller(event)),
    // Names for entries about photos, whose snapshots carry no title.
    query(event.fetch, DashboardProductsDocument, { sellerId, first: 100 }, caller(event))
  ]).catch(asPageError(event.locals.lang));
  return {
    activity: sellerActivity,
    titles: Object.fromEntries(sellerProducts.edges.map(({ node }) => [node.id, node.title]))
  };
};
