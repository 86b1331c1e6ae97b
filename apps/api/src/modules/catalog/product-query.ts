import { MAX_PRICE_FILTER_IDR, SEARCH_MAX_LENGTH } from '@karya-ibu/types/rules';
import { badInput } from '../../common/errors/user-errors.js';
import { decodeCursor, InvalidCursorError, type CursorPayload } from '../../common/graphql/cursor.js';
import { isUuid } from '../../common/graphql/ids.js';
import type { ProductsArgs } from './dto/products.args.js';
import { BatikTechnique, ProductCategory, ProductSort, ProductStatus } from './models/catalog.enums.js';

export const MAX_PAGE_SIZE = 100;

// The shape of each sort's key inside a cursor, checked before it reaches SQL.
const CURSOR_KEY: Record<ProductSort, RegExp> = {
  [ProductSort.NEWEST]: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?\+00$/,
  [ProductSort.PRICE_ASC]: /^\d{1,20}$/,
  [ProductSort.PRICE_DESC]: /^\d{1,20}$/,
  [ProductSort.RELEVANCE]: /^\d{1,6}(\.\d{1,6})?$/,
};

/** A products query after validation: what the repository needs, nothing a person can get wrong. */
export interface ProductQuery {
  first: number;
  after: CursorPayload | null;
  sort: ProductSort;
  search: string | null;
  category: ProductCategory | null;
  technique: BatikTechnique | null;
  kampungId: string | null;
  sellerId: string | null;
  minPriceIdr: bigint | null;
  maxPriceIdr: bigint | null;
  /** The storefront shows ACTIVE products of verified sellers; a seller's own list shows every status. */
  statuses: ProductStatus[];
  verifiedSellersOnly: boolean;
}

/** Validates the public products arguments; throws BAD_USER_INPUT naming the argument. */
export function toProductQuery(args: ProductsArgs): ProductQuery {
  const filter = args.filter ?? {};
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE_SIZE) {
    throw badInput('first', `must be between 1 and ${MAX_PAGE_SIZE} (got ${args.first})`);
  }
  const search = filter.search?.trim() || null;
  if (search && search.length > SEARCH_MAX_LENGTH) {
    throw badInput('filter.search', `must be at most ${SEARCH_MAX_LENGTH} characters`);
  }
  for (const field of ['kampungId', 'sellerId'] as const) {
    const id = filter[field];
    if (id != null && !isUuid(id)) throw badInput(`filter.${field}`, `"${id}" is not an id returned by this API`);
  }
  for (const field of ['minPriceIdr', 'maxPriceIdr'] as const) {
    const price = filter[field];
    if (price != null && (price < 0n || price > MAX_PRICE_FILTER_IDR)) {
      throw badInput(`filter.${field}`, `must be between 0 and ${MAX_PRICE_FILTER_IDR} rupiah`);
    }
  }
  if (filter.minPriceIdr != null && filter.maxPriceIdr != null && filter.minPriceIdr > filter.maxPriceIdr) {
    throw badInput('filter.maxPriceIdr', 'must not be lower than filter.minPriceIdr');
  }
  // Relevance needs words to be relevant to; without them the newest come first.
  const sort = args.sort === ProductSort.RELEVANCE && !search ? ProductSort.NEWEST : args.sort;
  let after: CursorPayload | null = null;
  if (args.after != null) {
    try {
      after = decodeCursor(args.after, sort);
      if (!CURSOR_KEY[sort].test(after.key)) throw new InvalidCursorError('is not a cursor returned by this API');
    } catch (error) {
      if (error instanceof InvalidCursorError) throw badInput('after', error.message);
      throw error;
    }
  }
  return {
    first: args.first,
    after,
    sort,
    search,
    category: filter.category ?? null,
    technique: filter.technique ?? null,
    kampungId: filter.kampungId ?? null,
    sellerId: filter.sellerId ?? null,
    minPriceIdr: filter.minPriceIdr ?? null,
    maxPriceIdr: filter.maxPriceIdr ?? null,
    statuses: [ProductStatus.ACTIVE],
    verifiedSellersOnly: true,
  };
}
