import { BatikTechnique, MAX_PRICE_FILTER_IDR, ProductCategory, ProductSort, SEARCH_MAX_LENGTH, type ProductFilter } from '@karya-ibu/types';
import { parseRupiahInput } from '$lib/format/money';
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

function parsePrice(raw: string): bigint | null | 'invalid' {
  if (raw === '') return null;
  const amount = parseRupiahInput(raw);
  if (amount === null || amount > MAX_PRICE_FILTER_IDR) return 'invalid';
  return amount;
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
  if (min === 'invalid') errors.minPrice = 'catalog.error.price';
  if (max === 'invalid') errors.maxPrice = 'catalog.error.price';
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
