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

  create(photo: Partial<ProductPhotoEntity>): ProductPhotoEntity {
    return this.repo.create(photo);
  }

  save(photo: ProductPhotoEntity, manager?: EntityManager): Promise<ProductPhotoEntity> {
    return (manager ? manager.getRepository(ProductPhotoEntity) : this.repo).save(photo);
  }

  saveAll(manager: EntityManager, photos: ProductPhotoEntity[]): Promise<ProductPhotoEntity[]> {
    return manager.getRepository(ProductPhotoEntity).save(photos);
  }

  async remove(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(ProductPhotoEntity).delete({ id });
  }
}
