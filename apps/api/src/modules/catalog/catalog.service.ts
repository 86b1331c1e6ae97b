import { Injectable } from '@nestjs/common';
import { PRODUCT_STOCK, within } from '@karya-ibu/types/rules';
import type { Connection } from '../../common/graphql/connection.js';
import { encodeCursor } from '../../common/graphql/cursor.js';
import { isUuid } from '../../common/graphql/ids.js';
import { SellersService } from '../sellers/sellers.service.js';
import type { ProductsArgs } from './dto/products.args.js';
import type { MotifEntity } from './entities/motif.entity.js';
import type { ProductEntity } from './entities/product.entity.js';
import { toMotifModel, type Motif } from './models/motif.model.js';
import { toProductModel, type Product } from './models/product.model.js';
import { toProductQuery, type ProductQuery } from './product-query.js';
import { validateProductFields, todayInWita, type ProductFields } from './product-fields.js';
import { changeProductStatus } from './product-status.js';
import type { CreateProductInput, UpdateProductInput } from './dto/product.input.js';
import { ProductStatus } from './models/catalog.enums.js';
import { AuditService } from '../audit/audit.service.js';
import { actingAudit, type ActingSeller } from '../sellers/sellers.service.js';
import { badInput, userError } from '../../common/errors/user-errors.js';
import type { Actor } from '../../common/auth/actor.js';
import { uniqueSlug } from '../../common/text/slug.js';
import { DataSource, type EntityManager } from 'typeorm';
import { ProductRepository } from './product.repository.js';
import { ProductViewRepository } from './product-view.repository.js';
import { addressKey, MAX_VISITOR_ID_LENGTH, MAX_VISITORS_PER_ADDRESS, saltedHash, visitorKey, type ViewRequest } from './product-views.js';

@Injectable()
export class CatalogService {
  constructor(
    private readonly products: ProductRepository,
    private readonly views: ProductViewRepository,
    private readonly sellers: SellersService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  async listProducts(args: ProductsArgs): Promise<Connection<Product>> {
    const query = toProductQuery(args);
    const sellerIds = query.kampungId ? await this.sellers.idsInKampung(query.kampungId) : null;
    return this.toConnection(query, sellerIds);
  }

  private async toConnection(query: ProductQuery, sellerIds: string[] | null): Promise<Connection<Product>> {
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
  async saveSeedProduct(
    product: Omit<ProductEntity, 'id' | 'updatedAt' | 'searchText' | 'searchVector' | 'hoursOfWork' | 'madeOn'> & Partial<Pick<ProductEntity, 'hoursOfWork' | 'madeOn'>>,
  ): Promise<{ product: Product; created: boolean }> {
    const existing = await this.products.findBySlug(product.slug);
    if (existing) return { product: toProductModel(existing), created: false };
    return { product: toProductModel(await this.products.save({ hoursOfWork: null, madeOn: null, ...product })), created: true };
  }

  // --- Managing products: the seller herself, a pendamping of her kampung KB, or an admin.

  /** A seller's own list: every status, newest first. */
  async listSellerProducts(actor: Actor, sellerId: string | null | undefined, args: ProductsArgs): Promise<Connection<Product>> {
    const { seller } = await this.sellers.actingSeller(actor, sellerId);
    const query = toProductQuery({ ...args, filter: { ...args.filter, sellerId: seller.id, kampungId: null } });
    return this.toConnection({ ...query, statuses: Object.values(ProductStatus), verifiedSellersOnly: false }, null);
  }

  async createProduct(actor: Actor, input: CreateProductInput): Promise<Product> {
    const acting = await this.sellers.actingSeller(actor, input.sellerId);
    const fields = validateProductFields(input, 'create', todayInWita()) as ProductFields;
    await this.assertMotifExists(fields.motifId);
    const slug = await uniqueSlug(fields.title, (candidate) => this.products.slugExists(candidate), 'produk');
    const created = await this.dataSource.transaction(async (manager) => {
      const product = await this.products.saveIn(manager, { ...fields, sellerId: acting.seller.id, slug });
      await this.audit.record(manager, { ...actingAudit(actor, acting, 'PRODUCT', product.id), action: 'PRODUCT_CREATED', before: null, after: snapshot(product) });
      return product;
    });
    return toProductModel(created);
  }

  async updateProduct(actor: Actor, productId: string, input: UpdateProductInput): Promise<Product> {
    const fields = validateProductFields(input, 'update', todayInWita());
    if (fields.motifId) await this.assertMotifExists(fields.motifId);
    // The status is checked against the locked row: a concurrent archive is seen, not overwritten.
    return this.change(actor, productId, 'PRODUCT_UPDATED', (product) =>
      Object.assign(product, fields, { status: changeProductStatus(product.status, fields.status ?? product.status) }),
    );
  }

  /** Takes it off sale for good (idempotent); it stays in her list and in past orders. */
  archiveProduct(actor: Actor, productId: string): Promise<Product> {
    return this.change(actor, productId, 'PRODUCT_ARCHIVED', (product) => {
      product.status = changeProductStatus(product.status, ProductStatus.ARCHIVED);
    });
  }

  setProductStock(actor: Actor, productId: string, stock: number): Promise<Product> {
    if (!Number.isInteger(stock) || !within(stock, PRODUCT_STOCK)) throw badInput('stock', `Stok harus bilangan bulat ${PRODUCT_STOCK.min}–${PRODUCT_STOCK.max.toLocaleString('id-ID')}. (Stock must be a whole number from ${PRODUCT_STOCK.min} to ${PRODUCT_STOCK.max.toLocaleString('en-US')}.)`);
    return this.change(actor, productId, 'PRODUCT_STOCK_SET', (product) => {
      product.stock = stock;
    });
  }

  /** A product the caller may manage (her own, her kampung's as pendamping, any as admin). */
  async managedProduct(actor: Actor, productId: string): Promise<{ product: Product; acting: ActingSeller }> {
    const existing = isUuid(productId) ? await this.products.findById(productId) : null;
    if (!existing) throw userError('NOT_FOUND', 'Produk tidak ditemukan. (Product not found.)');
    return { product: toProductModel(existing), acting: await this.sellers.actingSeller(actor, existing.sellerId) };
  }

  /**
   * Of these products, the ids the caller may manage: one product query and one access check per
   * distinct seller, however many products (a dashboard page of photos).
   */
  async manageableProductIds(actor: Actor, productIds: readonly string[]): Promise<Set<string>> {
    const products = await this.products.findByIds(productIds.filter(isUuid));
    const allowedSellers = new Set<string>();
    for (const sellerId of new Set(products.map((product) => product.sellerId))) {
      const allowed = await this.sellers.actingSeller(actor, sellerId).then(
        () => true,
        () => false,
      );
      if (allowed) allowedSellers.add(sellerId);
    }
    return new Set(products.filter((product) => allowedSellers.has(product.sellerId)).map((product) => product.id));
  }

  /**
   * Locks the product row until the caller's transaction ends, so that changes to what hangs off it
   * (its photos) apply one after the other, even while it has none yet.
   */
  async lockProductForUpdate(manager: EntityManager, productId: string): Promise<void> {
    if (!(await this.products.findByIdForUpdate(manager, productId))) throw userError('NOT_FOUND', 'Produk tidak ditemukan. (Product not found.)');
  }

  /** One view per visitor per product per day (WITA): see `visitorKey` for who counts as one visitor. */
  async recordProductView(actor: Actor | null, slug: string, request: Omit<ViewRequest, 'userId'>, now = new Date()): Promise<boolean> {
    if (request.visitorId && request.visitorId.length > MAX_VISITOR_ID_LENGTH) {
      throw badInput('visitorId', `Paling banyak ${MAX_VISITOR_ID_LENGTH} huruf. (At most ${MAX_VISITOR_ID_LENGTH} characters.)`);
    }
    const visitor: ViewRequest = { ...request, userId: actor?.userId ?? null };
    const day = todayInWita(now);
    const salt = await this.views.daySalt(day);
    return this.views.recordView(slug, day, saltedHash(salt, visitorKey(visitor)), saltedHash(salt, addressKey(visitor)), MAX_VISITORS_PER_ADDRESS);
  }

  /** Views of the last 30 days, for the products the caller manages (others: null). */
  async recentViews(actor: Actor, productIds: readonly string[]): Promise<Map<string, number | null>> {
    const allowed = [...(await this.manageableProductIds(actor, productIds))];
    const since = todayInWita(new Date(Date.now() - 29 * 86_400_000));
    const views = await this.views.viewsSince(allowed, since);
    return new Map(productIds.map((id) => [id, allowed.includes(id) ? (views.get(id) ?? 0) : null]));
  }

  /** Applies one change under a row lock, with its audit entry, in one transaction; no entry when nothing changed. */
  private async change(actor: Actor, productId: string, action: string, apply: (product: ProductEntity) => void): Promise<Product> {
    const { acting } = await this.managedProduct(actor, productId);
    const saved = await this.dataSource.transaction(async (manager) => {
      const product = (await this.products.findByIdForUpdate(manager, productId))!;
      const before = snapshot(product);
      apply(product);
      const after = snapshot(product);
      if (JSON.stringify(before) === JSON.stringify(after)) return product;
      const updated = await this.products.saveIn(manager, product);
      await this.audit.record(manager, { ...actingAudit(actor, acting, 'PRODUCT', product.id), action, before, after });
      return updated;
    });
    return toProductModel(saved);
  }

  private async assertMotifExists(motifId: string | null): Promise<void> {
    if (motifId && !(await this.products.motifExists(motifId))) throw badInput('input.motifId', 'Motif tidak dikenal. (Unknown motif.)');
  }
}


/** The audited state of a product (money as a string: JSON has no bigint). */
const snapshot = (product: ProductEntity) => ({
  title: product.title,
  description: product.description,
  category: product.category,
  technique: product.technique,
  motifId: product.motifId,
  material: product.material,
  dye: product.dye,
  size: product.size,
  weightGrams: product.weightGrams,
  priceIdr: product.priceIdr.toString(),
  stock: product.stock,
  hoursOfWork: product.hoursOfWork,
  madeOn: product.madeOn,
  status: product.status,
});
