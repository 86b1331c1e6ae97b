import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ProductPhotoEntity } from './entities/product-photo.entity.js';
import { PhotoStatus } from './models/photo.enums.js';

@Injectable()
export class ProductPhotoRepository {
  constructor(@InjectRepository(ProductPhotoEntity) private readonly repo: Repository<ProductPhotoEntity>) {}

  findReadyByProductIds(productIds: readonly string[]): Promise<ProductPhotoEntity[]> {
    return this.repo.find({ where: { productId: In([...productIds]), status: PhotoStatus.READY }, order: { position: 'ASC' } });
  }

  countByProductId(productId: string): Promise<number> {
    return this.repo.countBy({ productId });
  }

  create(photo: Partial<ProductPhotoEntity>): ProductPhotoEntity {
    return this.repo.create(photo);
  }

  save(photo: ProductPhotoEntity): Promise<ProductPhotoEntity> {
    return this.repo.save(photo);
  }
}
