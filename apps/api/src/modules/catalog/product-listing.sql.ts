import { ProductSort } from './models/catalog.enums.js';
import type { ProductQuery } from './product-query.js';

/**
 * The SQL of a products page, built from a validated query. The storefront reads on-sale products
 * only (`on_sale`, kept by a trigger) along partial indexes; a seller's own list reads hers in every
 * status. Values are always parameters; only the fixed fragments below are spliced into the text.
 */

/** Searches rank at most this many matches (the newest ones when more match) and count exactly up to it. */
export const RANKED_MATCHES = 1000;
/** How many of the newest products a search with many matches samples, to tell "nearly everything" from "a few percent". */
const DENSITY_SAMPLE = 500;
/** From this share of matches in the sample on, walking the newest products finds the newest matches fastest. */
const DENSE_SHARE = 0.05;

/**
 * Which matches a relevance page ranks: all of them (up to RANKED_MATCHES match), or the newest
 * RANKED_MATCHES, found by walking the newest products when the search matches a good share of them
 * (DENSE), or from the search index's matches when it matches a few percent (SPARSE).
 */
export enum RankedCandidates {
  ALL = 'ALL',
  NEWEST_DENSE = 'NEWEST_DENSE',
  NEWEST_SPARSE = 'NEWEST_SPARSE',
}

export class SqlParameters {
  readonly values: unknown[] = [];

  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

export interface Statement {
  sql: string;
  parameters: unknown[];
}

const RANK = (tsquery: string) => `round(ts_rank(p.search_vector, ${tsquery})::numeric, 6)`;

const ORDER: Record<Exclude<ProductSort, ProductSort.RELEVANCE>, { key: string; keyType: string; cursorText: string; direction: 'ASC' | 'DESC' }> = {
  [ProductSort.NEWEST]: { key: 'p.created_at', keyType: 'timestamptz', cursorText: `to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00'`, direction: 'DESC' },
  [ProductSort.PRICE_ASC]: { key: 'p.price_idr', keyType: 'bigint', cursorText: 'p.price_idr::text', direction: 'ASC' },
  [ProductSort.PRICE_DESC]: { key: 'p.price_idr', keyType: 'bigint', cursorText: 'p.price_idr::text', direction: 'DESC' },
};

/** Every column of the product a page shows (not the search document); a date as its text. */
export const PRODUCT_COLUMNS = `p.id, p.created_at, p.updated_at, p.seller_id, p.slug, p.title, p.description, p.category, p.technique, p.motif_id,
  p.material, p.dye, p.size, p.weight_grams, p.price_idr, p.stock, p.hours_of_work, p.made_on::text AS made_on, p.status,
  p.cod_allowed, p.length_cm, p.width_cm, p.height_cm`;

export interface ListingFilter {
  query: ProductQuery;
  /** The verified sellers of the kampung asked for, or null. */
  sellerIds: string[] | null;
  /** The search as a tsquery (catalog_search_query), or null for no search. */
  tsquery: string | null;
}

function conditions(filter: ListingFilter, parameters: SqlParameters, { search = true } = {}): string {
  const { query, sellerIds, tsquery } = filter;
  const where = query.verifiedSellersOnly ? ['p.on_sale'] : [`p.status = ANY(${parameters.add(query.statuses, 'product_status[]')})`];
  if (query.sellerId) where.push(`p.seller_id = ${parameters.add(query.sellerId, 'uuid')}`);
  if (sellerIds) where.push(`p.seller_id = ANY(${parameters.add(sellerIds, 'uuid[]')})`);
  if (query.category) where.push(`p.category = ${parameters.add(query.category, 'product_category')}`);
  if (query.technique) where.push(`p.technique = ${parameters.add(query.technique, 'batik_technique')}`);
  if (query.minPriceIdr != null) where.push(`p.price_idr >= ${parameters.add(query.minPriceIdr.toString(), 'bigint')}`);
  if (query.maxPriceIdr != null) where.push(`p.price_idr <= ${parameters.add(query.maxPriceIdr.toString(), 'bigint')}`);
  if (search && tsquery) where.push(`p.search_vector @@ ${parameters.add(tsquery, 'tsquery')}`);
  return where.join(' AND ');
}

/**
 * One page (first + 1 rows, to tell whether another follows). A relevance page ranks its candidates
 * (RankedCandidates) by their id and search document alone; only the page's rows are read whole.
 */
export function pageStatement(filter: ListingFilter, candidates: RankedCandidates): Statement {
  const { query, tsquery } = filter;
  const parameters = new SqlParameters();
  const limit = query.first + 1;
  if (query.sort === ProductSort.RELEVANCE && tsquery) {
    const where = conditions(filter, parameters);
    const rank = RANK(parameters.add(tsquery, 'tsquery'));
    const after = query.after ? `AND (c.rank, c.id) < (${parameters.add(query.after.key, 'numeric')}, ${parameters.add(query.after.id, 'uuid')})` : '';
    const ranked = {
      [RankedCandidates.ALL]: `SELECT p.id, ${rank} AS rank FROM products p WHERE ${where}`,
      [RankedCandidates.NEWEST_DENSE]: `SELECT p.id, ${rank} AS rank FROM products p WHERE ${where} ORDER BY p.created_at DESC, p.id DESC LIMIT ${RANKED_MATCHES}`,
      // Materialized: the planner would otherwise walk the newest products past thousands that do not match.
      [RankedCandidates.NEWEST_SPARSE]: `WITH matches AS MATERIALIZED (SELECT p.id, p.created_at FROM products p WHERE ${where}),
        newest AS (SELECT id FROM matches ORDER BY created_at DESC, id DESC LIMIT ${RANKED_MATCHES})
        SELECT p.id, ${rank} AS rank FROM newest JOIN products p ON p.id = newest.id`,
    }[candidates];
    const top = `SELECT c.id, c.rank FROM (${ranked}) c WHERE true ${after} ORDER BY c.rank DESC, c.id DESC LIMIT ${limit}`;
    return { sql: `SELECT ${PRODUCT_COLUMNS}, top.rank::text AS cursor_key FROM (${top}) top JOIN products p ON p.id = top.id ORDER BY top.rank DESC, p.id DESC`, parameters: parameters.values };
  }
  const order = ORDER[query.sort === ProductSort.RELEVANCE ? ProductSort.NEWEST : query.sort];
  const where = conditions(filter, parameters);
  const comparison = order.direction === 'DESC' ? '<' : '>';
  const after = query.after ? `AND (${order.key}, p.id) ${comparison} (${parameters.add(query.after.key, order.keyType)}, ${parameters.add(query.after.id, 'uuid')})` : '';
  // The kept total rides along (computed once, not per row): no second round trip for totalCount.
  const total = countableFromCounts(filter) ? `, ${keptCount(filter, parameters)} AS total_count` : '';
  return {
    sql: `SELECT ${PRODUCT_COLUMNS}, ${order.cursorText} AS cursor_key${total} FROM products p WHERE ${where} ${after} ORDER BY ${order.key} ${order.direction}, p.id ${order.direction} LIMIT ${limit}`,
    parameters: parameters.values,
  };
}

/** Whether the kept counts answer this listing: the storefront, without search or price range. */
export function countableFromCounts({ query, tsquery }: ListingFilter): boolean {
  return query.verifiedSellersOnly && !tsquery && query.minPriceIdr == null && query.maxPriceIdr == null;
}

/** The total from catalog_counts, as a scalar subquery: a sum over a few rows, whatever the catalogue's size. */
function keptCount({ query, sellerIds }: ListingFilter, parameters: SqlParameters): string {
  const where = ['true'];
  if (query.sellerId) where.push(`seller_id = ${parameters.add(query.sellerId, 'uuid')}`);
  if (sellerIds) where.push(`seller_id = ANY(${parameters.add(sellerIds, 'uuid[]')})`);
  if (query.category) where.push(`category = ${parameters.add(query.category, 'product_category')}`);
  if (query.technique) where.push(`technique = ${parameters.add(query.technique, 'text')}`);
  return `(SELECT coalesce(sum(products), 0)::int FROM catalog_counts WHERE ${where.join(' AND ')})`;
}

export function keptCountStatement(filter: ListingFilter): Statement {
  const parameters = new SqlParameters();
  return { sql: `SELECT ${keptCount(filter, parameters)} AS n`, parameters: parameters.values };
}

/**
 * A count of the matching rows. The storefront's stops after RANKED_MATCHES + 1 (exact up to
 * RANKED_MATCHES, "more" beyond); a seller's own list, a few hundred products at most, counts them all.
 * With `density` (a storefront search ranked by relevance), the same round trip also tells, only when
 * more than RANKED_MATCHES match, how many of the newest DENSITY_SAMPLE products match (`sample_matches`):
 * PostgreSQL runs that subquery only when the CASE reaches it.
 */
export function matchCountStatement(filter: ListingFilter, { density = false } = {}): Statement {
  const parameters = new SqlParameters();
  const limit = filter.query.verifiedSellersOnly ? `LIMIT ${RANKED_MATCHES + 1}` : '';
  const count = `SELECT count(*)::int AS n FROM (SELECT 1 FROM products p WHERE ${conditions(filter, parameters)} ${limit}) matches`;
  if (!(density && filter.query.verifiedSellersOnly && filter.tsquery)) return { sql: count, parameters: parameters.values };
  const where = conditions(filter, parameters, { search: false });
  const matches = parameters.add(filter.tsquery, 'tsquery');
  const sample = `SELECT count(*) FILTER (WHERE sample.search_vector @@ ${matches})::int
      FROM (SELECT p.search_vector FROM products p WHERE ${where} ORDER BY p.created_at DESC, p.id DESC LIMIT ${DENSITY_SAMPLE}) sample`;
  return { sql: `SELECT counted.n, CASE WHEN counted.n > ${RANKED_MATCHES} THEN (${sample}) END AS sample_matches FROM (${count}) counted`, parameters: parameters.values };
}

export const isDense = (matchesInSample: number) => matchesInSample >= DENSITY_SAMPLE * DENSE_SHARE;
