import { DomainModule } from '../../common/domain-module.js';
import { SellersModule } from '../sellers/sellers.module.js';
import { TrainingModule } from '../training/training.module.js';
import { CommissionsResolver } from './commissions.resolver.js';
import { CommissionsService } from './commissions.service.js';
import { CommissionRuleEntity } from './entities/commission-rule.entity.js';

/** Commission rules and the rate frozen on each order line at purchase (rateFor). */
@DomainModule({
  entities: [CommissionRuleEntity],
  resolvers: [CommissionsResolver],
  imports: [TrainingModule, SellersModule],
  providers: [CommissionsService],
  exports: [CommissionsService],
})
export class CommissionsModule {}
