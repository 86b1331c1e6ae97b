import { error } from '@sveltejs/kit';
import { CatalogProductsDocument, ProductSort, SellerProfileDocument } from '@karya-ibu/types';
import { t } from '$lib/i18n';
import { query } from '$lib/server/api/client';
import { whatsappHref } from '$lib/whatsapp';
import type { PageServerLoad } from './$types';

const PRODUCTS = 24;

export const load: PageServerLoad = async ({ fetch, params, locals }) => {
  const lang = locals.lang;
  const { seller } = await query(fetch, SellerProfileDocument, { slug: params.slug });
  if (!seller) error(404, t(lang, 'error.sellerNotFound'));

  const { products } = await query(fetch, CatalogProductsDocument, {
    first: PRODUCTS,
    filter: { sellerId: seller.id },
    sort: ProductSort.Newest
  });

  return {
    seller,
    whatsapp: whatsappHref(
      seller.whatsappUrl,
      t(lang, 'seller.whatsappText', { name: seller.displayName.replace(/^ibu\s+/i, '') })
    ),
    products: products.edges.map((edge) => edge.node),
    totalProducts: products.totalCount
  };
};
