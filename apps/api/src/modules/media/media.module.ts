import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { ProductPhotoEntity } from './entities/product-photo.entity.js';
import { MediaService } from './media.service.js';
import { ProductPhotoResolver, ProductPhotosResolver } from './media.resolver.js';
import { ProductPhotoRepository } from './product-photo.repository.js';

@Module({
  imports: [TypeOrmModule.forFeature([ProductPhotoEntity]), CatalogModule, AuditModule],
  providers: [ProductPhotoRepository, MediaService, ProductPhotoResolver, ProductPhotosResolver],
  exports: [MediaService],
})
export class MediaModule {}
