import { DomainModule } from '../../common/domain-module.js';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { OrdersModule } from '../orders/orders.module.js';
import { MediaModule } from '../media/media.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { SellersModule } from '../sellers/sellers.module.js';
import { PayoutDetailsEntity } from './entities/payout-details.entity.js';
import { PayoutRunEntity } from './entities/payout-run.entity.js';
import { PayoutEntity } from './entities/payout.entity.js';
import { PayoutDetailsService } from './payout-details.service.js';
import { ManualPayoutProvider, PayoutProvider } from './payout-provider.js';
import { PayoutsController } from './payouts.controller.js';
import { PayoutFieldsResolver, PayoutsResolver, SellerBalancePayoutsResolver } from './payouts.resolver.js';
import { PayoutsService } from './payouts.service.js';
import { ReconciliationService } from './reconciliation.service.js';

/** Payout details, payout runs (bank file, cash hand-over), the payout provider, and reconciliation. */
@DomainModule({
  entities: [PayoutDetailsEntity, PayoutRunEntity, PayoutEntity],
  resolvers: [PayoutsResolver, PayoutFieldsResolver, SellerBalancePayoutsResolver],
  controllers: [PayoutsController],
  imports: [LedgerModule, SellersModule, AuditModule, NotificationsModule, MediaModule, AccountsModule, OrdersModule],
  providers: [PayoutDetailsService, PayoutsService, ReconciliationService, { provide: PayoutProvider, useClass: ManualPayoutProvider }],
  exports: [PayoutsService, PayoutDetailsService],
})
export class PayoutsModule {}
