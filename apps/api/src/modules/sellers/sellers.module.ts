import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KampungModule } from '../kampung/kampung.module.js';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { TrainingModule } from '../training/training.module.js';
import { SellerEntity } from './entities/seller.entity.js';
import { SellerRepository } from './seller.repository.js';
import { KampungSellersResolver, MeSellerResolver, SellerRosterResolver, SellersResolver } from './sellers.resolver.js';
import { SellersService } from './sellers.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([SellerEntity]), KampungModule, AccountsModule, AuditModule, TrainingModule],
  providers: [SellerRepository, SellersService, SellersResolver, KampungSellersResolver, MeSellerResolver, SellerRosterResolver],
  exports: [SellersService],
})
export class SellersModule {}
