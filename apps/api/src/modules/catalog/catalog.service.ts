import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context.js';
import { EntityKind, InvalidInputError, isErrorResult, NotFoundError, rangeError, type ErrorResult } from '../../common/errors/error-result.js';
import { badInput } from '../../common/errors/user-errors.js';
import { PRODUCT_STOCK } from '@karya-ibu/types/rules';
import { encodeCursor } from '../../common/graphql/cursor.js';
import { isUuid } from '../../common/graphql/ids.js';
import { uniqueSlug } from '../../common/text/slug.js';
import { AuditService } from '../audit/audit.service.js';
import { SellerAccessService, thrownRefusal, type ActingSeller } from '../sellers/seller-access.service.js';
import type { SellerAccessRefusal } from '../sellers/sellers.errors.js';
import { SellerDirectoryService } from '../sellers/seller-directory.service.js';
import type { ArchiveProductResult, CreateProductResult, SetProductStockResult, UpdateProductResult } from './catalog.errors.js';
import type { CreateProductInput, UpdateProductInput } from './dto/product.input.js';
import type { ProductsArgs } from './dto/products.args.js';
import type { ProductEntity } from './entities/product.entity.js';
import type { CheckoutProduct } from './models/checkout-product.js';
import { ProductStatus } from './models/catalog.enums.js';
import { toMotifModel, type Motif } from './models/motif.model.js';
import { toProductModel, type Product, type ProductConnectionResult } from './models/product.model.js';
import { validateProductFields, todayInWita, type ProductFields } from './product-fields.js';
import { toProductQuery, type ProductQuery } from './product-query.js';
import { changeProductStatus } from './product-status.js';
import { ProductViewRepository } from './product-view.repository.js';
import { addressKey, MAX_VISITOR_ID_LENGTH, MAX_VISITORS_PER_ADDRESS, saltedHash, visitorKey, type ViewRequest } from './product-views.js';
import { ProductRepository } from './product.repository.js';

@Injectable()
export class CatalogService {
  constructor(
    private readonly products: ProductRepository,
    private readonly views: ProductViewRepository,
    private readonly sellers: SellerDirectoryService,
    private readonly access: SellerAccessService,
    private readonly audit: AuditService,
  ) {}

  async listProducts(ctx: RequestContext, args: ProductsArgs): Promise<ProductConnectionResult> {
    const query = toProductQuery(args);
    const sellerIds = query.kampungId ? await this.sellers.idsInKampung(ctx, query.kampungId) : null;
    return this.toConnection(ctx, query, sellerIds);
  }

  private async toConnection(ctx: RequestContext, query: ProductQuery, sellerIds: string[] | null): Promise<ProductConnectionResult> {
    const page = await this.products.findPage(ctx, query, sellerIds);
    const edges = page.rows.map(({ entity, cursorKey }) => ({
      cursor: encodeCursor({ sort: query.sort, key: cursorKey, id: entity.id }),
      node: toProductModel(entity),
    }));
    return {
      count: page.count,
      searchSuggestion: page.suggestion,
      edges,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: query.after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  /** A product on sale, with its motif (null without one). */
  async findProductBySlug(ctx: RequestContext, slug: string): Promise<{ product: Product; motif: Motif | null } | null> {
    const found = await this.products.findActiveBySlug(ctx, slug);
    return found ? { product: toProductModel(found.product), motif: found.motif ? toMotifModel(found.motif) : null } : null;
  }

  async listMotifs(ctx: RequestContext): Promise<Motif[]> {
    return (await this.products.findMotifs(ctx)).map(toMotifModel);
  }

  async findMotifsByIds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, Motif>> {
    const valid = ids.filter(isUuid);
    const motifs = valid.length ? await this.products.findMotifsByIds(ctx, valid) : [];
    return new Map(motifs.map((motif) => [motif.id, toMotifModel(motif)]));
  }

  countActiveBySellerIds(ctx: RequestContext, sellerIds: readonly string[]): Promise<Map<string, number>> {
    return this.products.countOnSaleBySellerIds(ctx, sellerIds);
  }

  async countActiveByKampungIds(ctx: RequestContext, kampungIds: readonly string[]): Promise<Map<string, number>> {
    const sellersByKampung = await this.sellers.listByKampungIds(ctx, kampungIds);
    const sellerIds = [...sellersByKampung.values()].flat().map((seller) => seller.id);
    const bySeller = sellerIds.length ? await this.products.countOnSaleBySellerIds(ctx, sellerIds) : new Map<string, number>();
    return new Map(
      [...sellersByKampung].map(([kampungId, sellers]) => [kampungId, sellers.reduce((sum, seller) => sum + (bySeller.get(seller.id) ?? 0), 0)]),
    );
  }

  // --- Checkout: what it needs of products, and their stock, in the caller's transaction.

  /** These products as they are now, in any status (a cart shows an archived one as such). */
  async checkoutProducts(ctx: RequestContext, productIds: readonly string[]): Promise<Map<string, CheckoutProduct>> {
    const products = await this.products.findForCheckout(ctx, [...new Set(productIds.filter(isUuid))]);
    return new Map(products.map((product) => [product.id, product]));
  }

  /** Products in any status by id: a cart or an order shows what it holds, whatever became of it since. */
  async productsByIds(ctx: RequestContext, productIds: readonly string[]): Promise<Map<string, Product>> {
    const products = await this.products.findByIds(ctx, productIds.filter(isUuid));
    return new Map(products.map((product) => [product.id, toProductModel(product)]));
  }

  /** Takes `quantity` pieces if that many are left and it is on sale: the product at that moment, else null (nothing taken). */
  takeStock(ctx: RequestContext, productId: string, quantity: number): Promise<CheckoutProduct | null> {
    return this.products.takeStock(ctx, productId, quantity);
  }

  /** Puts back what an order took and no longer needs (expired, cancelled before payment). */
  returnStock(ctx: RequestContext, productId: string, quantity: number): Promise<void> {
    return this.products.returnStock(ctx, productId, quantity);
  }

  // --- Managing products: the seller herself, a pendamping of her kampung KB, or an admin.

  /** A seller's own list: every status, newest first. */
  async listSellerProducts(ctx: RequestContext, sellerId: string | null | undefined, args: ProductsArgs): Promise<ProductConnectionResult> {
    const { seller } = await this.access.actingSeller(ctx, sellerId);
    const query = toProductQuery({ ...args, filter: { ...args.filter, sellerId: seller.id, kampungId: null } });
    return this.toConnection(ctx, { ...query, statuses: Object.values(ProductStatus), verifiedSellersOnly: false }, null);
  }

  /** The product and its audit entry, in the caller's transaction. */
  async createProduct(ctx: RequestContext, input: CreateProductInput): Promise<typeof CreateProductResult> {
    const acting = await this.access.actingSellerOrRefusal(ctx, input.sellerId, 'input.sellerId');
    if (isErrorResult(acting)) return acting;
    const validated = validateProductFields(input, 'create', todayInWita());
    if (isErrorResult(validated)) return validated;
    // On create every required field is there (checked above).
    const fields = validated as ProductFields;
    const unknownMotif = await this.motifError(ctx, fields.motifId ?? null);
    if (unknownMotif) return unknownMotif;
    const slug = await uniqueSlug(fields.title, (candidate) => this.products.slugExists(ctx, candidate), 'produk');
    const product = await this.products.save(ctx, { ...fields, sellerId: acting.seller.id, slug });
    await this.audit.recordForSeller(ctx, acting, { action: 'PRODUCT_CREATED', ...productSubject(product.id), before: null, after: snapshot(product) });
    return toProductModel(product);
  }

  async updateProduct(ctx: RequestContext, productId: string, input: UpdateProductInput): Promise<typeof UpdateProductResult> {
    const fields = validateProductFields(input, 'update', todayInWita());
    if (isErrorResult(fields)) return fields;
    const unknownMotif = await this.motifError(ctx, fields.motifId ?? null);
    if (unknownMotif) return unknownMotif;
    // The status is checked against the locked row: a concurrent archive is seen, not overwritten.
    return this.change(ctx, productId, 'PRODUCT_UPDATED', (product) => {
      const status = changeProductStatus(product.status, fields.status ?? product.status);
      if (isErrorResult(status)) return status;
      Object.assign(product, fields, { status });
    });
  }

  /** Takes it off sale for good (idempotent); it stays in her list and in past orders. */
  archiveProduct(ctx: RequestContext, productId: string): Promise<typeof ArchiveProductResult> {
    return this.change(ctx, productId, 'PRODUCT_ARCHIVED', (product) => {
      // Every status may be archived, ARCHIVED itself included.
      product.status = ProductStatus.ARCHIVED;
    });
  }

  async setProductStock(ctx: RequestContext, productId: string, stock: number): Promise<typeof SetProductStockResult> {
    const invalid = rangeError('stock', stock, PRODUCT_STOCK);
    if (invalid) return invalid;
    return this.change(ctx, productId, 'PRODUCT_STOCK_SET', (product) => {
      product.stock = stock;
    });
  }

  /**
   * A product the caller may manage (her own, her kampung's as pendamping, any as admin), or why
   * not as a result (for mutations; `field` names the argument holding the id).
   */
  async managedProductOrRefusal(ctx: RequestContext, productId: string, field = 'id'): Promise<{ product: Product; acting: ActingSeller } | SellerAccessRefusal> {
    if (!isUuid(productId)) throw badInput(field, `"${productId}" is not an id returned by this API`);
    const existing = await this.products.findById(ctx, productId);
    if (!existing) return new NotFoundError(EntityKind.PRODUCT);
    const acting = await this.access.actingSellerOrRefusal(ctx, existing.sellerId);
    return isErrorResult(acting) ? acting : { product: toProductModel(existing), acting };
  }

  /** The same for queries: a refusal is thrown (NOT_FOUND or FORBIDDEN). */
  async managedProduct(ctx: RequestContext, productId: string): Promise<{ product: Product; acting: ActingSeller }> {
    const managed = isUuid(productId) ? await this.managedProductOrRefusal(ctx, productId) : new NotFoundError(EntityKind.PRODUCT);
    if (isErrorResult(managed)) throw thrownRefusal(managed);
    return managed;
  }

  /** Of these products, the ids the caller may manage: one query for the products and the bulk access check, however many. */
  async manageableProductIds(ctx: RequestContext, productIds: readonly string[]): Promise<Set<string>> {
    const products = await this.products.findByIds(ctx, productIds.filter(isUuid));
    const allowed = await this.access.actingSellers(ctx, products.map((product) => product.sellerId));
    return new Set(products.filter((product) => allowed.has(product.sellerId)).map((product) => product.id));
  }

  /**
   * Locks the product row until the caller's transaction ends, so that changes to what hangs off it
   * (its photos) apply one after the other, even while it has none yet.
   */
  async lockProductForUpdate(ctx: RequestContext, productId: string): Promise<void> {
    // Products are never deleted: one found a moment ago is still there.
    if (!(await this.products.findByIdForUpdate(ctx, productId))) throw new Error(`product ${productId} vanished`);
  }

  /** One view per visitor per product per day (WITA): see `visitorKey` for who counts as one visitor. */
  async recordProductView(ctx: RequestContext, slug: string, request: Omit<ViewRequest, 'userId'>, now = new Date()): Promise<boolean> {
    if (request.visitorId && request.visitorId.length > MAX_VISITOR_ID_LENGTH) {
      throw badInput('visitorId', `at most ${MAX_VISITOR_ID_LENGTH} characters`);
    }
    const visitor: ViewRequest = { ...request, userId: ctx.personOrNull?.userId ?? null };
    const day = todayInWita(now);
    const salt = await this.views.daySalt(day);
    return this.views.recordView(ctx, slug, day, saltedHash(salt, visitorKey(visitor)), saltedHash(salt, addressKey(visitor)), MAX_VISITORS_PER_ADDRESS);
  }

  /** Views of the last 30 days, for the products the caller manages (others, and anonymous callers: null). */
  async recentViews(ctx: RequestContext, productIds: readonly string[]): Promise<Map<string, number | null>> {
    const allowed = ctx.personOrNull ? [...(await this.manageableProductIds(ctx, productIds))] : [];
    const since = todayInWita(new Date(Date.now() - 29 * 86_400_000));
    const views = await this.views.viewsSince(ctx, allowed, since);
    return new Map(productIds.map((id) => [id, allowed.includes(id) ? (views.get(id) ?? 0) : null]));
  }

  /**
   * Applies one change under a row lock, with its audit entry, in the caller's transaction; no entry
   * when nothing changed. `apply` may refuse with an error result instead (before anything is written).
   */
  private async change<Refusal extends ErrorResult>(
    ctx: RequestContext,
    productId: string,
    action: string,
    apply: (product: ProductEntity) => Refusal | void,
  ): Promise<Product | SellerAccessRefusal | Refusal> {
    const managed = await this.managedProductOrRefusal(ctx, productId);
    if (isErrorResult(managed)) return managed;
    const product = (await this.products.findByIdForUpdate(ctx, productId))!;
    const before = snapshot(product);
    const refusal = apply(product);
    if (refusal) return refusal;
    const after = snapshot(product);
    if (JSON.stringify(before) === JSON.stringify(after)) return toProductModel(product);
    const updated = await this.products.save(ctx, product);
    await this.audit.recordForSeller(ctx, managed.acting, { action, ...productSubject(product.id), before, after });
    return toProductModel(updated);
  }

  private async motifError(ctx: RequestContext, motifId: string | null): Promise<InvalidInputError | null> {
    if (!motifId || (await this.products.motifExists(ctx, motifId))) return null;
    return new InvalidInputError('input.motifId', 'UNKNOWN_OPTION', 'input.motifId: unknown motif');
  }
}

/** What a product's audit entries are about. */
export const productSubject = (productId: string) => ({ subjectType: 'PRODUCT', subjectId: productId });

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
  codAllowed: product.codAllowed,
  dimensionsCm: product.lengthCm === null ? null : [product.lengthCm, product.widthCm, product.heightCm],
});
