import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager } from 'typeorm';
import { ProductPhotoEntity } from './entities/product-photo.entity.js';
import { PhotoStatus } from './models/photo.enums.js';

@Injectable()
export class ProductPhotoRepository {
  constructor(@InjectRepository(ProductPhotoEntity) private readonly repo: Repository<ProductPhotoEntity>) {}

  findReadyByProductIds(productIds: readonly string[]): Promise<ProductPhotoEntity[]> {
    return this.repo.find({ where: { productId: In([...productIds]), status: PhotoStatus.READY }, order: { position: 'ASC' } });
  }

  findAllByProductIds(productIds: readonly string[]): Promise<ProductPhotoEntity[]> {
    if (productIds.length === 0) return Promise.resolve([]);
    return this.repo.find({ where: { productId: In([...productIds]) }, order: { position: 'ASC', createdAt: 'ASC' } });
  }

  findById(id: string): Promise<ProductPhotoEntity | null> {
    return this.repo.findOneBy({ id });
  }

  keyInUse(originalKey: string): Promise<boolean> {
    return this.repo.existsBy({ originalKey });
  }

  /** The product's photos in their order, read in the caller's transaction (which holds the product's lock). */
  findByProductId(manager: EntityManager, productId: string): Promise<ProductPhotoEntity[]> {
    return manager.getRepository(ProductPhotoEntity).find({ where: { productId }, order: { position: 'ASC', createdAt: 'ASC' } });
  }

  /**
   * The job's result, only for a photo still PROCESSING (a retried job, or one that gave up, never
   * touches a finished photo), and only the job's own columns (never the seller's alt text or order).
   */
  async finishProcessing(id: string, result: Pick<ProductPhotoEntity, 'status' | 'failureReason'> & Partial<Pick<ProductPhotoEntity, 'width' | 'height'>>): Promise<boolean> {
    const { affected } = await this.repo.update({ id, status: PhotoStatus.PROCESSING }, result);
    return affected === 1;
  }

  // Position and alt text are written column by column: a whole-row save would put back the status the job has just changed.
  async setPositions(manager: EntityManager, photos: Pick<ProductPhotoEntity, 'id' | 'position'>[]): Promise<void> {
    for (const { id, position } of photos) await manager.getRepository(ProductPhotoEntity).update({ id }, { position });
  }

  async setAlt(manager: EntityManager, id: string, alt: string): Promise<void> {
    await manager.getRepository(ProductPhotoEntity).update({ id }, { alt });
  }

  create(photo: Partial<ProductPhotoEntity>): ProductPhotoEntity {
    return this.repo.create(photo);
  }

  save(photo: ProductPhotoEntity, manager?: EntityManager): Promise<ProductPhotoEntity> {
    return (manager ? manager.getRepository(ProductPhotoEntity) : this.repo).save(photo);
  }

  async remove(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(ProductPhotoEntity).delete({ id });
  }
}
