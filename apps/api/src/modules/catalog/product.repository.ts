import { Injectable } from '@nestjs/common';
import { In, type SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { MotifEntity } from './entities/motif.entity.js';
import { ProductEntity } from './entities/product.entity.js';
import { ProductSort, ProductStatus } from './models/catalog.enums.js';
import type { ProductQuery } from './product-query.js';

export interface ProductPage {
  totalCount: number;
  rows: { entity: ProductEntity; cursorKey: string }[];
  hasNextPage: boolean;
}

// Full-text with Indonesian stemming, plain words for names, and trigram word similarity for typos.
const MATCHES_SEARCH = `(p.search_vector @@ websearch_to_tsquery('indonesian', :search)
  OR p.search_vector @@ websearch_to_tsquery('simple', :search)
  OR :search <% p.search_text)`;
const RELEVANCE = `round((ts_rank(p.search_vector, websearch_to_tsquery('indonesian', :search))
  + ts_rank(p.search_vector, websearch_to_tsquery('simple', :search))
  + word_similarity(:search, p.search_text))::numeric, 6)`;

const ORDER: Record<ProductSort, { key: string; keyType: string; direction: 'ASC' | 'DESC' }> = {
  [ProductSort.NEWEST]: { key: 'p.created_at', keyType: 'timestamptz', direction: 'DESC' },
  [ProductSort.PRICE_ASC]: { key: 'p.price_idr', keyType: 'bigint', direction: 'ASC' },
  [ProductSort.PRICE_DESC]: { key: 'p.price_idr', keyType: 'bigint', direction: 'DESC' },
  [ProductSort.RELEVANCE]: { key: RELEVANCE, keyType: 'numeric', direction: 'DESC' },
};

// The cursor carries the key as text that casts back exactly (microseconds, UTC).
const CURSOR_TEXT: Record<ProductSort, string> = {
  [ProductSort.NEWEST]: `to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00'`,
  [ProductSort.PRICE_ASC]: 'p.price_idr::text',
  [ProductSort.PRICE_DESC]: 'p.price_idr::text',
  [ProductSort.RELEVANCE]: `(${RELEVANCE})::text`,
};

@Injectable()
export class ProductRepository {
  constructor(private readonly db: TransactionalConnection) {}

  private products(ctx: RequestContext) {
    return this.db.getRepository(ctx, ProductEntity);
  }

  private motifs(ctx: RequestContext) {
    return this.db.getRepository(ctx, MotifEntity);
  }

  /** One keyset page of ACTIVE products plus the total: two queries whatever the page size. */
  async findPage(ctx: RequestContext, query: ProductQuery, sellerIds: string[] | null): Promise<ProductPage> {
    const filtered = this.filtered(ctx, query, sellerIds);
    const totalCount = await filtered.clone().getCount();

    const order = ORDER[query.sort];
    const page = filtered.clone().addSelect(CURSOR_TEXT[query.sort], 'cursor_key');
    if (query.after) {
      const comparison = order.direction === 'DESC' ? '<' : '>';
      page.andWhere(`(${order.key}, p.id) ${comparison} (CAST(:afterKey AS ${order.keyType}), CAST(:afterId AS uuid))`, {
        afterKey: query.after.key,
        afterId: query.after.id,
      });
    }
    page.orderBy(order.key, order.direction).addOrderBy('p.id', order.direction).limit(query.first + 1);

    const { entities, raw } = await page.getRawAndEntities<{ p_id: string; cursor_key: string }>();
    const keyById = new Map(raw.map((row) => [row.p_id, row.cursor_key]));
    const rows = entities.slice(0, query.first).map((entity) => ({ entity, cursorKey: keyById.get(entity.id)! }));
    return { totalCount, rows, hasNextPage: entities.length > query.first };
  }

  private filtered(ctx: RequestContext, query: ProductQuery, sellerIds: string[] | null): SelectQueryBuilder<ProductEntity> {
    const qb = this.products(ctx).createQueryBuilder('p').where('p.status IN (:...statuses)', { statuses: query.statuses });
    // Read-only look at the sellers table: an unverified shop stays out of the storefront.
    if (query.verifiedSellersOnly) qb.andWhere(`p.seller_id IN (SELECT s.id FROM sellers s WHERE s.status = 'VERIFIED')`);
    if (query.search) qb.andWhere(MATCHES_SEARCH, { search: query.search });
    if (query.category) qb.andWhere('p.category = :category', { category: query.category });
    if (query.technique) qb.andWhere('p.technique = :technique', { technique: query.technique });
    if (query.sellerId) qb.andWhere('p.seller_id = :sellerId', { sellerId: query.sellerId });
    if (sellerIds) qb.andWhere('p.seller_id = ANY(:sellerIds)', { sellerIds });
    if (query.minPriceIdr != null) qb.andWhere('p.price_idr >= :minPrice', { minPrice: query.minPriceIdr.toString() });
    if (query.maxPriceIdr != null) qb.andWhere('p.price_idr <= :maxPrice', { maxPrice: query.maxPriceIdr.toString() });
    return qb;
  }

  /** On sale: ACTIVE and from a verified seller. */
  findActiveBySlug(ctx: RequestContext, slug: string): Promise<ProductEntity | null> {
    return this.products(ctx)
      .createQueryBuilder('p')
      .where('p.slug = :slug AND p.status = :active', { slug, active: ProductStatus.ACTIVE })
      .andWhere(`p.seller_id IN (SELECT s.id FROM sellers s WHERE s.status = 'VERIFIED')`)
      .getOne();
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

  async countActiveBySellerIds(ctx: RequestContext, sellerIds: readonly string[]): Promise<Map<string, number>> {
    const rows: { seller_id: string; count: string }[] = await this.products(ctx)
      .createQueryBuilder('p')
      .select('p.seller_id', 'seller_id')
      .addSelect('count(*)', 'count')
      .where('p.status = :active', { active: ProductStatus.ACTIVE })
      .andWhere('p.seller_id IN (:...sellerIds)', { sellerIds })
      .groupBy('p.seller_id')
      .getRawMany();
    return new Map(rows.map((row) => [row.seller_id, Number(row.count)]));
  }

  findMotifs(ctx: RequestContext): Promise<MotifEntity[]> {
    return this.motifs(ctx).find({ order: { name: 'ASC' } });
  }

  findMotifsByIds(ctx: RequestContext, ids: readonly string[]): Promise<MotifEntity[]> {
    return this.motifs(ctx).findBy({ id: In([...ids]) });
  }
}
