import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ObjectStorage } from '../../infra/storage/object-storage.js';
import { PhotoSize, PhotoStatus } from './models/photo.enums.js';
import { toProductPhotoModel, type ProductPhoto } from './models/product-photo.model.js';
import { originalKey, renderVariants, variantKey } from './photo-variants.js';
import { ProductPhotoRepository } from './product-photo.repository.js';

export interface NewPhoto {
  productId: string;
  position: number;
  alt: string;
  original: Buffer;
  originalContentType: string;
}

@Injectable()
export class MediaService {
  constructor(
    private readonly photos: ProductPhotoRepository,
    private readonly storage: ObjectStorage,
  ) {}

  async photosByProductIds(productIds: readonly string[]): Promise<Map<string, ProductPhoto[]>> {
    const grouped = new Map<string, ProductPhoto[]>();
    for (const photo of await this.photos.findReadyByProductIds(productIds)) {
      grouped.set(photo.productId, [...(grouped.get(photo.productId) ?? []), toProductPhotoModel(photo)]);
    }
    return grouped;
  }

  photoUrl(photoId: string, size: PhotoSize): string {
    return this.storage.publicUrl(variantKey(photoId, size));
  }

  /** Stores the original privately and its public WebP variants, then marks the photo READY. */
  async addPhoto(photo: NewPhoto): Promise<ProductPhoto> {
    const id = randomUUID();
    const entity = this.photos.create({
      id,
      productId: photo.productId,
      position: photo.position,
      alt: photo.alt,
      originalKey: originalKey(photo.productId, id),
      status: PhotoStatus.PROCESSING,
    });
    await this.storage.put(entity.originalKey, photo.original, photo.originalContentType, 'private, no-store');
    await this.photos.save(entity);

    const variants = await renderVariants(photo.original);
    for (const size of Object.values(PhotoSize)) {
      await this.storage.put(variantKey(id, size), variants.variants[size], 'image/webp');
    }
    entity.width = variants.width;
    entity.height = variants.height;
    entity.status = PhotoStatus.READY;
    return toProductPhotoModel(await this.photos.save(entity));
  }

  countPhotos(productId: string): Promise<number> {
    return this.photos.countByProductId(productId);
  }
}
