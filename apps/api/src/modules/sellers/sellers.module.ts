import { DomainModule } from '../../common/domain-module.js';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { KampungModule } from '../kampung/kampung.module.js';
import { TrainingModule } from '../training/training.module.js';
import { SellerEntity } from './entities/seller.entity.js';
import { SellerAccessService } from './seller-access.service.js';
import { SellerDirectoryService } from './seller-directory.service.js';
import { SellerOnboardingService } from './seller-onboarding.service.js';
import { SellerRepository } from './seller.repository.js';
import { KampungSellersResolver, MeSellerResolver, SellerRosterResolver, SellersResolver } from './sellers.resolver.js';

@DomainModule({
  entities: [SellerEntity],
  resolvers: [SellersResolver, KampungSellersResolver, MeSellerResolver, SellerRosterResolver],
  imports: [KampungModule, AccountsModule, AuditModule, TrainingModule],
  providers: [SellerRepository, SellerDirectoryService, SellerOnboardingService, SellerAccessService],
  exports: [SellerDirectoryService, SellerAccessService],
})
export class SellersModule {}
