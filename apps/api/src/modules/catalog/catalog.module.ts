import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RateLimitModule } from '../../common/rate-limit/rate-limit.module.js';
import { SellersModule } from '../sellers/sellers.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { CatalogResolver, KampungProductsResolver, SellerProductsResolver } from './catalog.resolver.js';
import { CatalogService } from './catalog.service.js';
import { MotifEntity } from './entities/motif.entity.js';
import { ProductEntity } from './entities/product.entity.js';
import { ProductViewDayEntity } from './entities/product-view-day.entity.js';
import { ProductViewAddressEntity } from './entities/product-view-address.entity.js';
import { ProductViewSaltEntity } from './entities/product-view-salt.entity.js';
import { ProductViewVisitorEntity } from './entities/product-view-visitor.entity.js';
import { ProductRepository } from './product.repository.js';
import { ProductViewRepository } from './product-view.repository.js';

@Module({
  imports: [TypeOrmModule.forFeature([ProductEntity, MotifEntity, ProductViewDayEntity, ProductViewVisitorEntity, ProductViewAddressEntity, ProductViewSaltEntity]), SellersModule, AuditModule, RateLimitModule],
  providers: [ProductRepository, ProductViewRepository, CatalogService, CatalogResolver, SellerProductsResolver, KampungProductsResolver],
  exports: [CatalogService],
})
export class CatalogModule {}
