import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { MotifEntity } from './entities/motif.entity.js';
import { CHECKOUT_COLUMNS, toCheckoutProduct, type CheckoutProduct, type CheckoutProductRow } from './models/checkout-product.js';
import { ProductEntity } from './entities/product.entity.js';
import { ProductSort } from './models/catalog.enums.js';
import type { ProductQuery } from './product-query.js';
import { countableFromCounts, isDense, keptCountStatement, matchCountStatement, pageStatement, PRODUCT_COLUMNS, RANKED_MATCHES, RankedCandidates, type ListingFilter, type Statement } from './product-listing.sql.js';

export interface ProductCount {
  count: number;
  /** False when `count` is a lower bound: a search or price range with more than RANKED_MATCHES matches. */
  exact: boolean;
}

/** With, for a ranked search past RANKED_MATCHES, how many of the newest products matched (product-listing.sql.ts). */
interface SampledCount extends ProductCount {
  sampleMatches?: number | null;
}

export interface ProductPage {
  rows: { entity: ProductEntity; cursorKey: string }[];
  hasNextPage: boolean;
  /** Counted only when asked for (a page without totalCount costs no count). */
  count: () => Promise<ProductCount>;
  /** The search with its misspelt words corrected, when any were. */
  suggestion: string | null;
}

@Injectable()
export class ProductRepository {
  constructor(private readonly db: TransactionalConnection) {}

  private products(ctx: RequestContext) {
    return this.db.getRepository(ctx, ProductEntity);
  }

  private motifs(ctx: RequestContext) {
    return this.db.getRepository(ctx, MotifEntity);
  }

  private run<T>(ctx: RequestContext, statement: Statement): Promise<T[]> {
    return this.db.manager(ctx).query(statement.sql, statement.parameters);
  }

  /**
   * One keyset page: one statement for the page, plus, for a search, one to turn its words into a
   * query (typos corrected) and one or two to count and size its matches; the total on demand.
   */
  async findPage(ctx: RequestContext, query: ProductQuery, sellerIds: string[] | null): Promise<ProductPage> {
    let tsquery: string | null = null;
    let suggestion: string | null = null;
    if (query.search) {
      const [words] = await this.run<{ tsquery: string | null; suggestion: string | null }>(ctx, {
        sql: 'SELECT catalog_search_query($1)::text AS tsquery, catalog_search_suggestion($1) AS suggestion',
        parameters: [query.search],
      });
      // Nothing but punctuation: nothing to look for.
      if (!words.tsquery) return { rows: [], hasNextPage: false, count: async () => ({ count: 0, exact: true }), suggestion: null };
      ({ tsquery, suggestion } = words);
    }
    const filter: ListingFilter = { query, sellerIds, tsquery };
    const rankedSearch = query.sort === ProductSort.RELEVANCE && tsquery !== null;
    let counted: Promise<SampledCount> | undefined;
    const count = () => (counted ??= this.count(ctx, filter, rankedSearch));

    // Ranked by relevance, a search counts first: with more than RANKED_MATCHES matches only the newest are ranked.
    let candidates = RankedCandidates.ALL;
    if (rankedSearch) {
      const { exact, sampleMatches } = await count();
      if (!exact) candidates = isDense(sampleMatches ?? 0) ? RankedCandidates.NEWEST_DENSE : RankedCandidates.NEWEST_SPARSE;
    }
    const found = await this.run<Record<string, unknown> & { cursor_key: string; total_count?: number }>(ctx, pageStatement(filter, candidates));
    const toEntity = this.db.hydrator(ProductEntity);
    const rows = found.slice(0, query.first).map((row) => ({ entity: toEntity(row), cursorKey: row.cursor_key }));
    // A kept total came with the page's rows (none past the last page: then it is counted on demand).
    const total = found[0]?.total_count;
    return { rows, hasNextPage: found.length > query.first, count: total === undefined ? count : async () => ({ count: total, exact: true }), suggestion };
  }

  private async count(ctx: RequestContext, filter: ListingFilter, density: boolean): Promise<SampledCount> {
    if (countableFromCounts(filter)) return { count: (await this.run<{ n: number }>(ctx, keptCountStatement(filter)))[0].n, exact: true };
    const [{ n, sample_matches: sampleMatches }] = await this.run<{ n: number; sample_matches?: number | null }>(ctx, matchCountStatement(filter, { density }));
    return filter.query.verifiedSellersOnly && n > RANKED_MATCHES ? { count: RANKED_MATCHES, exact: false, sampleMatches } : { count: n, exact: true };
  }

  /** On sale: ACTIVE and from a verified seller; with its motif, which its page shows, in the same round trip. */
  async findActiveBySlug(ctx: RequestContext, slug: string): Promise<{ product: ProductEntity; motif: MotifEntity | null } | null> {
    const [row] = await this.run<Record<string, unknown> & { motif_slug: string | null; motif_name: string | null; motif_story: string | null }>(ctx, {
      sql: `SELECT ${PRODUCT_COLUMNS}, m.slug AS motif_slug, m.name AS motif_name, m.story AS motif_story
        FROM products p LEFT JOIN motifs m ON m.id = p.motif_id WHERE p.slug = $1 AND p.on_sale`,
      parameters: [slug],
    });
    if (!row) return null;
    const product = this.db.hydrator(ProductEntity)(row);
    const motif = product.motifId && row.motif_name !== null ? Object.assign(new MotifEntity(), { id: product.motifId, slug: row.motif_slug, name: row.motif_name, story: row.motif_story }) : null;
    return { product, motif };
  }

  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<ProductEntity[]> {
    return ids.length ? this.products(ctx).findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  findById(ctx: RequestContext, id: string): Promise<ProductEntity | null> {
    return this.products(ctx).findOneBy({ id });
  }

  /** Locks the product for the rest of the transaction: concurrent edits apply one after the other. */
  findByIdForUpdate(ctx: RequestContext, id: string): Promise<ProductEntity | null> {
    return this.products(ctx).createQueryBuilder('p').setLock('pessimistic_write').where('p.id = :id', { id }).getOne();
  }

  slugExists(ctx: RequestContext, slug: string): Promise<boolean> {
    return this.products(ctx).existsBy({ slug });
  }

  motifExists(ctx: RequestContext, id: string): Promise<boolean> {
    return this.motifs(ctx).existsBy({ id });
  }

  save(ctx: RequestContext, product: Partial<ProductEntity>): Promise<ProductEntity> {
    const products = this.products(ctx);
    return products.save(products.create(product));
  }

  /** On-sale products per seller, from the kept counts. */
  async countOnSaleBySellerIds(ctx: RequestContext, sellerIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.run<{ seller_id: string; n: number }>(ctx, {
      sql: 'SELECT seller_id, sum(products)::int AS n FROM catalog_counts WHERE seller_id = ANY($1::uuid[]) GROUP BY seller_id',
      parameters: [sellerIds],
    });
    return new Map(rows.map((row) => [row.seller_id, row.n]));
  }

  async findForCheckout(ctx: RequestContext, ids: readonly string[]): Promise<CheckoutProduct[]> {
    if (!ids.length) return [];
    return (await this.run<CheckoutProductRow>(ctx, { sql: `SELECT ${CHECKOUT_COLUMNS} FROM products WHERE id = ANY($1::uuid[])`, parameters: [ids] })).map(toCheckoutProduct);
  }

  /**
   * One conditional UPDATE, never read-then-write: takes the pieces only when that many are left and
   * the product is on sale, and answers the row as it is at that moment (its price now). Only stock
   * changes, so no search or count trigger has work to do.
   */
  async takeStock(ctx: RequestContext, id: string, quantity: number): Promise<CheckoutProduct | null> {
    const [rows] = await this.db.manager(ctx).query(
      `UPDATE products SET stock = stock - $2 WHERE id = $1 AND on_sale AND stock >= $2 RETURNING ${CHECKOUT_COLUMNS}`,
      [id, quantity],
    );
    return rows[0] ? toCheckoutProduct(rows[0] as CheckoutProductRow) : null;
  }

  async returnStock(ctx: RequestContext, id: string, quantity: number): Promise<void> {
    await this.db.manager(ctx).query('UPDATE products SET stock = stock + $2 WHERE id = $1', [id, quantity]);
  }

  findMotifs(ctx: RequestContext): Promise<MotifEntity[]> {
    return this.motifs(ctx).find({ order: { name: 'ASC' } });
  }

  findMotifsByIds(ctx: RequestContext, ids: readonly string[]): Promise<MotifEntity[]> {
    return this.motifs(ctx).findBy({ id: In([...ids]) });
  }
}
