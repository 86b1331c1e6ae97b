import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KampungModule } from '../kampung/kampung.module.js';
import { SellerEntity } from './entities/seller.entity.js';
import { SellerRepository } from './seller.repository.js';
import { KampungSellersResolver, SellersResolver } from './sellers.resolver.js';
import { SellersService } from './sellers.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([SellerEntity]), KampungModule],
  providers: [SellerRepository, SellersService, SellersResolver, KampungSellersResolver],
  exports: [SellersService],
})
export class SellersModule {}
