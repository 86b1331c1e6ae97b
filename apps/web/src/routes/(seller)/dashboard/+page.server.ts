import { fail } from '@sveltejs/kit';
import { DashboardActivityDocument, DashboardProductsDocument, DashboardSetProductStockDocument, PhotoStatus, PRODUCT_STOCK } from '@karya-ibu/types';
import { query } from '$lib/server/api/client';
import { isFailure, submit } from '$lib/server/forms/result';
import { backTo, redirectWithFlash } from '$lib/server/flash';
import { caller } from '$lib/server/session';
import { asPageError, requireSignedIn } from '$lib/seller/dashboard.server';
import { parseStock } from '$lib/seller/stock';
import { t } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 30;
const RECENT = 5;

export const load: PageServerLoad = async (event) => {
  const { dashboard } = await event.parent();
  if (!dashboard.shop) return { products: null, activity: [], titles: {} };

  const sellerId = dashboard.sellerParam;
  const after = event.url.searchParams.get('setelah') || null;
  const [{ sellerProducts }, { sellerActivity }] = await Promise.all([
    query(event.fetch, DashboardProductsDocument, { sellerId, first: PAGE_SIZE, after }, caller(event)),
    query(event.fetch, DashboardActivityDocument, { sellerId, first: RECENT }, caller(event))
  ]).catch(asPageError(event.locals.lang));

  const products = sellerProducts.edges.map(({ node }) => {
    const photos = [...node.managedPhotos].sort((a, b) => a.position - b.position);
    const cover = photos.find((photo) => photo.status === PhotoStatus.Ready) ?? null;
    return {
      id: node.id,
      slug: node.slug,
      title: node.title,
      priceIdr: node.priceIdr,
      stock: node.stock,
      status: node.status,
      viewCount: node.viewCount,
      cover: cover ? { url: cover.thumbUrl, alt: cover.alt || node.title } : null,
      processing: photos.some((photo) => photo.status === PhotoStatus.Processing)
    };
  });
  return {
    products,
    totalCount: sellerProducts.totalCount,
    nextCursor: sellerProducts.pageInfo.hasNextPage ? sellerProducts.pageInfo.endCursor : null,
    activity: sellerActivity,
    titles: Object.fromEntries(products.map((p) => [p.id, p.title]))
  };
};

export const actions: Actions = {
  /** − / + beside a product: posts the new stock (a plain form, so it works without JavaScript). */
  stock: async (event) => {
    requireSignedIn(event);
    const form = await event.request.formData();
    const id = String(form.get('id') ?? '');
    const stock = parseStock(form.get('stock'));
    const lang = event.locals.lang;
    // The failure names the product: each row of the list shows its own.
    const values = { id };
    if (!id || stock === null) {
      const stockError = t(lang, 'seller.error.whole', { min: PRODUCT_STOCK.min, max: PRODUCT_STOCK.max.toLocaleString('id-ID') });
      return fail(400, { fieldErrors: { stock: stockError }, formError: undefined, values });
    }
    const saved = await submit(event, query(event.fetch, DashboardSetProductStockDocument, { id, stock }, caller(event)).then((data) => data.setProductStock), {
      fields: { stock: 'stock' },
      values
    });
    if (isFailure(saved)) return saved;
    // Back to her list at the same row, as a GET: a reload does not post the stock again.
    redirectWithFlash(event, { key: 'seller.flash.stockSaved', params: { title: saved.title, stock: String(saved.stock) } }, backTo(event.url, `produk-${id}`));
  }
};
