import { Injectable } from '@nestjs/common';
import { In, LessThan, MoreThan } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { ProductPhotoEntity } from './entities/product-photo.entity.js';
import { PhotoStatus } from './models/photo.enums.js';

@Injectable()
export class ProductPhotoRepository {
  constructor(private readonly db: TransactionalConnection) {}

  private repo(ctx: RequestContext) {
    return this.db.getRepository(ctx, ProductPhotoEntity);
  }

  findReadyByProductIds(ctx: RequestContext, productIds: readonly string[]): Promise<ProductPhotoEntity[]> {
    if (productIds.length === 0) return Promise.resolve([]);
    return this.db.rows(ctx, ProductPhotoEntity, `SELECT ph.* FROM product_photos ph WHERE ph.product_id = ANY($1::uuid[]) AND ph.status = 'READY' ORDER BY ph.position`, [productIds]);
  }

  findAllByProductIds(ctx: RequestContext, productIds: readonly string[]): Promise<ProductPhotoEntity[]> {
    if (productIds.length === 0) return Promise.resolve([]);
    return this.repo(ctx).find({ where: { productId: In([...productIds]) }, order: { position: 'ASC', createdAt: 'ASC' } });
  }

  findById(ctx: RequestContext, id: string): Promise<ProductPhotoEntity | null> {
    return this.repo(ctx).findOneBy({ id });
  }

  keyInUse(ctx: RequestContext, originalKey: string): Promise<boolean> {
    return this.repo(ctx).existsBy({ originalKey });
  }

  /** The product's photos in their order (read in the caller's transaction, which holds the product's lock). */
  findByProductId(ctx: RequestContext, productId: string): Promise<ProductPhotoEntity[]> {
    return this.repo(ctx).find({ where: { productId }, order: { position: 'ASC', createdAt: 'ASC' } });
  }

  /**
   * The job's result, only for a photo still PROCESSING (a retried job, or one that gave up, never
   * touches a finished photo), and only the job's own columns (never the seller's alt text or order).
   */
  async finishProcessing(ctx: RequestContext, id: string, result: Pick<ProductPhotoEntity, 'status' | 'failureReason'> & Partial<Pick<ProductPhotoEntity, 'width' | 'height' | 'variantSet'>>): Promise<boolean> {
    const { affected } = await this.repo(ctx).update({ id, status: PhotoStatus.PROCESSING }, result);
    return affected === 1;
  }

  countWithOlderVariants(ctx: RequestContext, variantSet: number): Promise<number> {
    return this.repo(ctx).countBy({ status: PhotoStatus.READY, variantSet: LessThan(variantSet) });
  }

  /** READY photos whose variants are of an older set, by id after `after`: the backfill's batches. */
  findWithOlderVariants(ctx: RequestContext, variantSet: number, after: string | null, limit: number): Promise<ProductPhotoEntity[]> {
    return this.repo(ctx).find({ where: { status: PhotoStatus.READY, variantSet: LessThan(variantSet), ...(after ? { id: MoreThan(after) } : {}) }, order: { id: 'ASC' }, take: limit });
  }

  async setVariantSet(ctx: RequestContext, id: string, variantSet: number): Promise<void> {
    await this.repo(ctx).update({ id }, { variantSet });
  }

  // Position and alt text are written column by column: a whole-row save would put back the status the job has just changed.
  async setPositions(ctx: RequestContext, photos: Pick<ProductPhotoEntity, 'id' | 'position'>[]): Promise<void> {
    for (const { id, position } of photos) await this.repo(ctx).update({ id }, { position });
  }

  async setAlt(ctx: RequestContext, id: string, alt: string): Promise<void> {
    await this.repo(ctx).update({ id }, { alt });
  }

  save(ctx: RequestContext, photo: Partial<ProductPhotoEntity>): Promise<ProductPhotoEntity> {
    const repo = this.repo(ctx);
    return repo.save(repo.create(photo));
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    await this.repo(ctx).delete({ id });
  }
}
