import { BatikTechnique, MAX_PRICE_FILTER_IDR, ProductCategory, ProductSort, SEARCH_MAX_LENGTH, type ProductFilter } from '@karya-ibu/types';
import { readRupiahInput, rupiahProblemKey } from '$lib/format/money';
import type { MessageKey } from '$lib/i18n';

/** Query-string names of the catalog (`/produk?q=…&kategori=…`). */
export const PARAM = {
  search: 'q',
  category: 'kategori',
  technique: 'teknik',
  kampung: 'kampung',
  minPrice: 'min',
  maxPrice: 'maks',
  sort: 'urut',
  after: 'after',
  prev: 'prev'
} as const;

export type CatalogField = 'search' | 'category' | 'technique' | 'kampung' | 'minPrice' | 'maxPrice' | 'sort' | 'page';

export const PAGE_SIZE = 12;
const MAX_PREV = 50;
const CURSOR = /^[A-Za-z0-9+/=_\-:.]{1,200}$/;

export const CATEGORIES = Object.values(ProductCategory) as ProductCategory[];
export const TECHNIQUES = Object.values(BatikTechnique) as BatikTechnique[];
export const SORTS = Object.values(ProductSort) as ProductSort[];

export interface KampungRef {
  id: string;
  slug: string;
}

/** What the form shows back to the buyer: exactly what they sent, trimmed. */
export interface CatalogValues {
  search: string;
  category: string;
  technique: string;
  kampung: string;
  minPrice: string;
  maxPrice: string;
  sort: string;
}

export interface CatalogQuery {
  values: CatalogValues;
  /** Only the valid parts of the request: an invalid field is reported and left out. */
  filter: ProductFilter;
  sort: ProductSort;
  after: string | null;
  /** `after` cursors of the pages before this one (page 1 has none), so "Sebelumnya" works without JavaScript. */
  prev: string[];
  errors: Partial<Record<CatalogField, MessageKey>>;
}

function pick<T extends string>(allowed: readonly T[], raw: string): T | undefined {
  const upper = raw.toUpperCase();
  return allowed.find((value) => value === upper);
}

/** A price filter: its amount, nothing asked, or the words for why it is not a price. */
function parsePrice(raw: string): bigint | null | { error: MessageKey } {
  if (raw === '') return null;
  const read = readRupiahInput(raw);
  if ('problem' in read) return { error: rupiahProblemKey(read.problem) ?? 'catalog.error.price' };
  return read.value > MAX_PRICE_FILTER_IDR ? { error: 'catalog.error.price' } : read.value;
}

export function parseCatalogParams(params: URLSearchParams, kampungs: readonly KampungRef[]): CatalogQuery {
  const raw = (name: string) => (params.get(name) ?? '').trim();
  const values: CatalogValues = {
    search: raw(PARAM.search).replace(/\s+/g, ' '),
    category: raw(PARAM.category),
    technique: raw(PARAM.technique),
    kampung: raw(PARAM.kampung),
    minPrice: raw(PARAM.minPrice),
    maxPrice: raw(PARAM.maxPrice),
    sort: raw(PARAM.sort)
  };
  const errors: CatalogQuery['errors'] = {};
  const filter: ProductFilter = {};

  if (values.search.length > SEARCH_MAX_LENGTH) errors.search = 'catalog.error.search';
  else if (values.search) filter.search = values.search;

  if (values.category) {
    const category = pick(CATEGORIES, values.category);
    if (category) filter.category = category;
    else errors.category = 'catalog.error.category';
  }

  if (values.technique) {
    const technique = pick(TECHNIQUES, values.technique);
    if (technique) filter.technique = technique;
    else errors.technique = 'catalog.error.technique';
  }

  if (values.kampung) {
    const kampung = kampungs.find((k) => k.slug === values.kampung.toLowerCase());
    if (kampung) filter.kampungId = kampung.id;
    else errors.kampung = 'catalog.error.kampung';
  }

  const min = parsePrice(values.minPrice);
  const max = parsePrice(values.maxPrice);
  if (min !== null && typeof min === 'object') errors.minPrice = min.error;
  if (max !== null && typeof max === 'object') errors.maxPrice = max.error;
  if (typeof min === 'bigint' && typeof max === 'bigint' && min > max) {
    errors.minPrice = 'catalog.error.priceRange';
  } else {
    if (typeof min === 'bigint') filter.minPriceIdr = min.toString();
    if (typeof max === 'bigint') filter.maxPriceIdr = max.toString();
  }

  let sort: ProductSort = filter.search ? ProductSort.Relevance : ProductSort.Newest;
  if (values.sort) {
    const chosen = pick(SORTS, values.sort);
    if (!chosen) errors.sort = 'catalog.error.sort';
    // Relevance only means something when there is a search text.
    else if (chosen !== ProductSort.Relevance || filter.search) sort = chosen;
  }

  let after: string | null = raw(PARAM.after) || null;
  let prev = params.getAll(PARAM.prev).map((c) => c.trim()).filter(Boolean);
  if ((after && !CURSOR.test(after)) || prev.length > MAX_PREV || prev.some((c) => !CURSOR.test(c))) {
    errors.page = 'catalog.error.cursor';
    after = null;
    prev = [];
  }
  if (!after) prev = [];

  return { values, filter, sort, after, prev, errors };
}

/** The page number shown to the buyer: 1 without a cursor, then one more per cursor kept. */
export function pageNumber(query: Pick<CatalogQuery, 'after' | 'prev'>): number {
  return query.after ? query.prev.length + 2 : 1;
}

/** Link to another page of the same search; keeps every filter the buyer sent. */
export function catalogPageHref(params: URLSearchParams, after: string | null, prev: readonly string[] = []): string {
  const next = new URLSearchParams(params);
  next.delete(PARAM.after);
  next.delete(PARAM.prev);
  next.delete('lang');
  for (const [key, value] of [...next.entries()]) if (value.trim() === '') next.delete(key);
  if (after) {
    for (const cursor of prev) next.append(PARAM.prev, cursor);
    next.set(PARAM.after, after);
  }
  const qs = next.toString();
  return qs ? `/produk?${qs}` : '/produk';
}

/** Next / previous / first links for cursor pagination over a forward-only connection. */
export function paginationLinks(
  params: URLSearchParams,
  query: Pick<CatalogQuery, 'after' | 'prev'>,
  pageInfo: { hasNextPage: boolean; endCursor: string | null }
) {
  const next =
    pageInfo.hasNextPage && pageInfo.endCursor
      ? catalogPageHref(params, pageInfo.endCursor, query.after ? [...query.prev, query.after] : [])
      : null;
  let previous: string | null = null;
  if (query.after) {
    const back = query.prev.at(-1) ?? null;
    previous = catalogPageHref(params, back, query.prev.slice(0, -1));
  }
  const first = query.after ? catalogPageHref(params, null) : null;
  return { next, previous, first, page: pageNumber(query) };
}

/** The order a catalog without `urut` gets: relevance for a search, else the newest first. */
export function defaultSort(filter: Pick<ProductFilter, 'search'>): ProductSort {
  return filter.search ? ProductSort.Relevance : ProductSort.Newest;
}

/**
 * The sort menu. Its first option sends no `urut` ("") and stands for the default order, so a form
 * sent with it never pins an order: a search typed on a page sorted by newest, or a filter applied
 * after a search, still gets relevance. Relevance is offered only for a search.
 */
export function sortOptions(filter: Pick<ProductFilter, 'search'>, sort: ProductSort): { value: string; sort: ProductSort; selected: boolean }[] {
  const fallback = defaultSort(filter);
  return [
    { value: '', sort: fallback, selected: sort === fallback },
    ...SORTS.filter((s) => s !== fallback && (s !== ProductSort.Relevance || filter.search)).map((s) => ({ value: s, sort: s, selected: s === sort }))
  ];
}

export type ActiveKind = 'search' | 'category' | 'technique' | 'kampung' | 'minPrice' | 'maxPrice' | 'sort';

/** A filter in force, shown as a chip whose link is the same catalog without it. */
export interface ActiveFilter {
  kind: ActiveKind;
  /** What to show: the search text, an enum value, a kampung slug, a rupiah amount or a sort. */
  value: string;
  removeHref: string;
}

/** The filters the results are filtered by (only the valid ones), each with its link to drop it; first page again. */
export function activeFilters(params: URLSearchParams, query: Pick<CatalogQuery, 'values' | 'filter' | 'sort'>): ActiveFilter[] {
  const without = (...names: string[]) => {
    const next = new URLSearchParams(params);
    for (const name of names) next.delete(name);
    return catalogPageHref(next, null);
  };
  const { filter, values } = query;
  const active: ActiveFilter[] = [];
  // Dropping the search also drops a relevance order, which means nothing without it.
  if (filter.search) active.push({ kind: 'search', value: filter.search, removeHref: query.sort === ProductSort.Relevance ? without(PARAM.search, PARAM.sort) : without(PARAM.search) });
  if (filter.category) active.push({ kind: 'category', value: filter.category, removeHref: without(PARAM.category) });
  if (filter.technique) active.push({ kind: 'technique', value: filter.technique, removeHref: without(PARAM.technique) });
  if (filter.kampungId) active.push({ kind: 'kampung', value: values.kampung.toLowerCase(), removeHref: without(PARAM.kampung) });
  if (filter.minPriceIdr) active.push({ kind: 'minPrice', value: filter.minPriceIdr, removeHref: without(PARAM.minPrice) });
  if (filter.maxPriceIdr) active.push({ kind: 'maxPrice', value: filter.maxPriceIdr, removeHref: without(PARAM.maxPrice) });
  if (query.sort !== defaultSort(filter)) active.push({ kind: 'sort', value: query.sort, removeHref: without(PARAM.sort) });
  return active;
}

/** Below this many results a corrected search ("Maksud Anda: …") is offered. */
export const SUGGEST_BELOW = 5;

/** The same catalog searching the corrected text instead, when the search found little. */
export function suggestionLink(params: URLSearchParams, suggestion: string | null | undefined, totalCount: number): { text: string; href: string } | null {
  if (!suggestion || totalCount >= SUGGEST_BELOW) return null;
  const next = new URLSearchParams(params);
  next.set(PARAM.search, suggestion);
  return { text: suggestion, href: catalogPageHref(next, null) };
}
