import { DashboardArchiveProductDocument } from '@karya-ibu/types';
import { query } from '$lib/server/api/client';
import { isFailure, submit } from '$lib/server/forms/result';
import { redirectWithFlash } from '$lib/server/flash';
import { caller } from '$lib/server/session';
import { sellerParam, withSeller } from '$lib/seller/acting';
import { findManagedProduct, requireShop, requireSignedIn } from '$lib/seller/dashboard.server';
import type { Actions, PageServerLoad } from './$types';

/** Archiving asks first, on a page of its own: the confirmation works without JavaScript. */
export const load: PageServerLoad = async (event) => {
  const { dashboard } = await event.parent();
  requireShop(dashboard);
  const product = await findManagedProduct(event, event.params.id);
  return { product: { id: product.id, title: product.title, status: product.status } };
};

export const actions: Actions = {
  default: async (event) => {
    requireSignedIn(event);
    const archived = await submit(event, query(event.fetch, DashboardArchiveProductDocument, { id: event.params.id }, caller(event)).then((data) => data.archiveProduct), {
      values: { id: event.params.id }
    });
    if (isFailure(archived)) return archived;
    redirectWithFlash(event, { key: 'seller.flash.archived', params: { title: archived.title } }, withSeller('/dashboard', sellerParam(event.url)));
  }
};
