import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProductPhotoEntity } from './entities/product-photo.entity.js';
import { MediaService } from './media.service.js';
import { ProductPhotoResolver, ProductPhotosResolver } from './media.resolver.js';
import { ProductPhotoRepository } from './product-photo.repository.js';

@Module({
  imports: [TypeOrmModule.forFeature([ProductPhotoEntity])],
  providers: [ProductPhotoRepository, MediaService, ProductPhotoResolver, ProductPhotosResolver],
  exports: [MediaService],
})
export class MediaModule {}
