import { CatalogOptionsDocument, CatalogProductsDocument } from '@karya-ibu/types';
import { activeFilters, PAGE_SIZE, paginationLinks, parseCatalogParams, sortOptions, suggestionLink } from '$lib/catalog/filters';
import { query } from '$lib/server/api/client';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url }) => {
  const { kampungs } = await query(fetch, CatalogOptionsDocument, {});
  // Invalid parameters are reported beside their field; the valid ones still filter.
  const catalog = parseCatalogParams(url.searchParams, kampungs);

  const { products } = await query(fetch, CatalogProductsDocument, {
    first: PAGE_SIZE,
    after: catalog.after,
    filter: catalog.filter,
    sort: catalog.sort
  });

  return {
    kampungs: kampungs.map(({ slug, name }) => ({ slug, name })),
    values: catalog.values,
    errors: catalog.errors,
    sortOptions: sortOptions(catalog.filter, catalog.sort),
    active: activeFilters(url.searchParams, catalog),
    totalCount: products.totalCount,
    /** False: more than totalCount ("1.000+"). */
    totalCountExact: products.totalCountExact,
    suggestion: suggestionLink(url.searchParams, products.searchSuggestion, products.totalCount),
    products: products.edges.map((edge) => edge.node),
    pagination: paginationLinks(url.searchParams, catalog, products.pageInfo)
  };
};
