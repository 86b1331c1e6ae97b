import { DomainModule } from '../../common/domain-module.js';
import { AuditModule } from '../audit/audit.module.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { ProductPhotoEntity } from './entities/product-photo.entity.js';
import { ProductPhotoResolver, ProductPhotosResolver } from './media.resolver.js';
import { MediaService } from './media.service.js';
import { ProductPhotoRepository } from './product-photo.repository.js';

@DomainModule({
  entities: [ProductPhotoEntity],
  resolvers: [ProductPhotoResolver, ProductPhotosResolver],
  imports: [CatalogModule, AuditModule],
  providers: [ProductPhotoRepository, MediaService],
  exports: [MediaService],
})
export class MediaModule {}
