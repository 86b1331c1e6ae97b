import { Injectable } from '@nestjs/common';
import type { Connection } from '../../common/graphql/connection.js';
import { encodeCursor } from '../../common/graphql/cursor.js';
import { isUuid } from '../../common/graphql/ids.js';
import { SellersService } from '../sellers/sellers.service.js';
import type { ProductsArgs } from './dto/products.args.js';
import type { MotifEntity } from './entities/motif.entity.js';
import type { ProductEntity } from './entities/product.entity.js';
import { toMotifModel, type Motif } from './models/motif.model.js';
import { toProductModel, type Product } from './models/product.model.js';
import { toProductQuery } from './product-query.js';
import { ProductRepository } from './product.repository.js';

@Injectable()
export class CatalogService {
  constructor(
    private readonly products: ProductRepository,
    private readonly sellers: SellersService,
  ) {}

  async listProducts(args: ProductsArgs): Promise<Connection<Product>> {
    const query = toProductQuery(args);
    const sellerIds = query.kampungId ? await this.sellers.idsInKampung(query.kampungId) : null;
    const page = await this.products.findPage(query, sellerIds);
    const edges = page.rows.map(({ entity, cursorKey }) => ({
      cursor: encodeCursor({ sort: query.sort, key: cursorKey, id: entity.id }),
      node: toProductModel(entity),
    }));
    return {
      totalCount: page.totalCount,
      edges,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: query.after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  async findProductBySlug(slug: string): Promise<Product | null> {
    const entity = await this.products.findActiveBySlug(slug);
    return entity ? toProductModel(entity) : null;
  }

  async listMotifs(): Promise<Motif[]> {
    return (await this.products.findMotifs()).map(toMotifModel);
  }

  async findMotifsByIds(ids: readonly string[]): Promise<Map<string, Motif>> {
    const valid = ids.filter(isUuid);
    const motifs = valid.length ? await this.products.findMotifsByIds(valid) : [];
    return new Map(motifs.map((motif) => [motif.id, toMotifModel(motif)]));
  }

  countActiveBySellerIds(sellerIds: readonly string[]): Promise<Map<string, number>> {
    return this.products.countActiveBySellerIds(sellerIds);
  }

  async countActiveByKampungIds(kampungIds: readonly string[]): Promise<Map<string, number>> {
    const sellersByKampung = await this.sellers.listByKampungIds(kampungIds);
    const sellerIds = [...sellersByKampung.values()].flat().map((seller) => seller.id);
    const bySeller = sellerIds.length ? await this.products.countActiveBySellerIds(sellerIds) : new Map<string, number>();
    return new Map(
      [...sellersByKampung].map(([kampungId, sellers]) => [kampungId, sellers.reduce((sum, seller) => sum + (bySeller.get(seller.id) ?? 0), 0)]),
    );
  }

  async saveSeedMotif(motif: Omit<MotifEntity, 'id' | 'createdAt' | 'updatedAt'>): Promise<Motif> {
    return toMotifModel(await this.products.upsertMotifBySlug(motif));
  }

  /** Idempotent by slug: an existing product is left as it is. Returns it and whether it was created now. */
  async saveSeedProduct(product: Omit<ProductEntity, 'id' | 'updatedAt' | 'searchText' | 'searchVector'>): Promise<{ product: Product; created: boolean }> {
    const existing = await this.products.findBySlug(product.slug);
    if (existing) return { product: toProductModel(existing), created: false };
    return { product: toProductModel(await this.products.save(product)), created: true };
  }
}
