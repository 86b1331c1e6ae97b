import { DomainModule } from '../../common/domain-module.js';
import { CommissionsModule } from '../commissions/commissions.module.js';
import { SellersModule } from '../sellers/sellers.module.js';
import { LedgerAccountEntity } from './entities/ledger-account.entity.js';
import { LedgerEntryEntity } from './entities/ledger-entry.entity.js';
import { LedgerMonthlyEntity } from './entities/ledger-monthly.entity.js';
import { LedgerSaleLineEntity } from './entities/ledger-sale-line.entity.js';
import { LedgerTransactionEntity } from './entities/ledger-transaction.entity.js';
import { LedgerRepository } from './ledger.repository.js';
import { LedgerResolver } from './ledger.resolver.js';
import { LedgerService } from './ledger.service.js';
import { MoneyAccessService } from './money-access.service.js';
import { SellerBalanceService } from './seller-balance.service.js';

/** The double-entry ledger: postings (LedgerService), balances ("Uang saya"), and who may see them. */
@DomainModule({
  entities: [LedgerAccountEntity, LedgerTransactionEntity, LedgerEntryEntity, LedgerSaleLineEntity, LedgerMonthlyEntity],
  resolvers: [LedgerResolver],
  imports: [CommissionsModule, SellersModule],
  providers: [LedgerRepository, LedgerService, MoneyAccessService, SellerBalanceService],
  exports: [LedgerService, MoneyAccessService],
})
export class LedgerModule {}
