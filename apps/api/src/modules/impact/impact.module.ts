import { DomainModule } from '../../common/domain-module.js';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { KampungModule } from '../kampung/kampung.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { OrdersModule } from '../orders/orders.module.js';
import { SellersModule } from '../sellers/sellers.module.js';
import { TrainingModule } from '../training/training.module.js';
import { ImpactExportEntity } from './entities/impact-export.entity.js';
import { OfflineSaleMonthEntity } from './entities/offline-sale-month.entity.js';
import { OfflineSaleEntity } from './entities/offline-sale.entity.js';
import { SurveyTaskEntity } from './entities/survey-task.entity.js';
import { UppkaGroupEntity } from './entities/uppka-group.entity.js';
import { UppkaMemberEntity } from './entities/uppka-member.entity.js';
import { ImpactRepository } from './impact.repository.js';
import { ImpactExportResolver, ImpactResolver } from './impact.resolver.js';
import { ImpactService } from './impact.service.js';
import { ImpactExportService } from './impact-export.service.js';
import { ImpactViewsService } from './impact-views.service.js';
import { MarketplaceFacts, MarketplaceFactsFromOrders } from './marketplace-facts.js';
import { OfflineSalesService } from './offline-sales.service.js';
import { ParticipantsService } from './participants.service.js';
import { SurveysService } from './surveys.service.js';
import { UppkaService } from './uppka.service.js';

/**
 * What training produced: participants' income after training by source, indicators, reports.
 * Marketplace figures come through MarketplaceFacts only, bound here to the ledger and the orders.
 */
@DomainModule({
  entities: [OfflineSaleEntity, OfflineSaleMonthEntity, SurveyTaskEntity, UppkaGroupEntity, UppkaMemberEntity, ImpactExportEntity],
  resolvers: [ImpactResolver, ImpactExportResolver],
  imports: [TrainingModule, SellersModule, KampungModule, AccountsModule, CatalogModule, AuditModule, LedgerModule, OrdersModule],
  providers: [
    { provide: MarketplaceFacts, useClass: MarketplaceFactsFromOrders },
    ImpactRepository,
    ParticipantsService,
    ImpactService,
    ImpactViewsService,
    OfflineSalesService,
    SurveysService,
    UppkaService,
    ImpactExportService,
  ],
  exports: [ImpactViewsService],
})
export class ImpactModule {}
