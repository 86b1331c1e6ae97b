import { DomainModule } from '../../common/domain-module.js';
import { RateLimitModule } from '../../common/rate-limit/rate-limit.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { SellersModule } from '../sellers/sellers.module.js';
import { CatalogResolver, KampungProductsResolver, ProductConnectionResolver, SellerProductsResolver } from './catalog.resolver.js';
import { CatalogService } from './catalog.service.js';
import { MotifEntity } from './entities/motif.entity.js';
import { ProductViewAddressEntity } from './entities/product-view-address.entity.js';
import { ProductViewDayEntity } from './entities/product-view-day.entity.js';
import { ProductViewSaltEntity } from './entities/product-view-salt.entity.js';
import { ProductViewVisitorEntity } from './entities/product-view-visitor.entity.js';
import { ProductEntity } from './entities/product.entity.js';
import { CatalogCountEntity } from './entities/catalog-count.entity.js';
import { SearchLexiconEntity } from './entities/search-lexicon.entity.js';
import { ProductViewRepository } from './product-view.repository.js';
import { ProductRepository } from './product.repository.js';

@DomainModule({
  entities: [ProductEntity, MotifEntity, ProductViewDayEntity, ProductViewVisitorEntity, ProductViewAddressEntity, ProductViewSaltEntity, CatalogCountEntity, SearchLexiconEntity],
  resolvers: [CatalogResolver, ProductConnectionResolver, SellerProductsResolver, KampungProductsResolver],
  imports: [SellersModule, AuditModule, RateLimitModule],
  providers: [ProductRepository, ProductViewRepository, CatalogService],
  exports: [CatalogService],
})
export class CatalogModule {}
