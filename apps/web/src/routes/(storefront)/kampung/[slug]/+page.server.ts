import { error } from '@sveltejs/kit';
import { CatalogProductsDocument, KampungPageDocument, ProductSort } from '@karya-ibu/types';
import { t } from '$lib/i18n';
import { query } from '$lib/server/api/client';
import type { PageServerLoad } from './$types';

const PRODUCTS = 12;

export const load: PageServerLoad = async ({ fetch, params, locals }) => {
  const lang = locals.lang;
  const { kampung } = await query(fetch, KampungPageDocument, { slug: params.slug });
  if (!kampung) error(404, t(lang, 'error.kampungNotFound'));

  const { products } = await query(fetch, CatalogProductsDocument, {
    first: PRODUCTS,
    filter: { kampungId: kampung.id },
    sort: ProductSort.Newest
  });

  return {
    kampung: {
      ...kampung,
      sellers: [...kampung.sellers].sort((a, b) => a.displayName.localeCompare(b.displayName, 'id'))
    },
    products: products.edges.map((edge) => edge.node),
    totalProducts: products.totalCount
  };
};
