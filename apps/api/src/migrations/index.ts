import { CatalogSchema1795829626359 } from './1795829626359-CatalogSchema.js';
import { ProductSearch1795829700000 } from './1795829700000-ProductSearch.js';
import { Accounts1795831113795 } from './1795831113795-Accounts.js';
import { SellerOnboarding1795831401091 } from './1795831401091-SellerOnboarding.js';
import { PhotoUploads1795831797575 } from './1795831797575-PhotoUploads.js';
import { CohortRosters1795832066132 } from './1795832066132-CohortRosters.js';
import { ProductViews1795832715255 } from './1795832715255-ProductViews.js';
import { AuditCommitOrder1796116310813 } from './1796116310813-AuditCommitOrder.js';
import { RateLimiterFlexible1796116412158 } from './1796116412158-RateLimiterFlexible.js';
import { ProductViewVisitors1796116417319 } from './1796116417319-ProductViewVisitors.js';
import { CatalogOnSaleCountsSearch1796119463274 } from './1796119463274-CatalogOnSaleCountsSearch.js';
import { AuditSystemActors1796200000000 } from './1796200000000-AuditSystemActors.js';
import { PhotoFailureCodes1796300000000 } from './1796300000000-PhotoFailureCodes.js';
import { PhotoVariantSets1796310000000 } from './1796310000000-PhotoVariantSets.js';
import { DemoRosterEntries1796310000001 } from './1796310000001-DemoRosterEntries.js';
import { Buying1796320000000 } from './1796320000000-Buying.js';
import { MoneyLedger1796330000000 } from './1796330000000-MoneyLedger.js';
import { OrderLineCommission1796340000000 } from './1796340000000-OrderLineCommission.js';
import { Impact1796350000000 } from './1796350000000-Impact.js';
import { LedgerMonthlySales1796360000000 } from './1796360000000-LedgerMonthlySales.js';
import { SellerOrderPaidAt1796370000000 } from './1796370000000-SellerOrderPaidAt.js';
import { TransferCodeLedger1796380000000 } from './1796380000000-TransferCodeLedger.js';
import { SearchSuggestionPlpgsql1796390000000 } from './1796390000000-SearchSuggestionPlpgsql.js';
import { RefundFailures1796400000000 } from './1796400000000-RefundFailures.js';
import { RefundsApplied1796500000000 } from './1796500000000-RefundsApplied.js';
import { FlaggedOrdersIndex1796510000000 } from './1796510000000-FlaggedOrdersIndex.js';
import { RefundsInProgressIndex1796520000000 } from './1796520000000-RefundsInProgressIndex.js';

/** In order; the migrate command, the app and the test template all run exactly these. */
export const MIGRATIONS = [
  CatalogSchema1795829626359,
  ProductSearch1795829700000,
  Accounts1795831113795,
  SellerOnboarding1795831401091,
  PhotoUploads1795831797575,
  CohortRosters1795832066132,
  ProductViews1795832715255,
  AuditCommitOrder1796116310813,
  RateLimiterFlexible1796116412158,
  ProductViewVisitors1796116417319,
  CatalogOnSaleCountsSearch1796119463274,
  AuditSystemActors1796200000000,
  PhotoFailureCodes1796300000000,
  PhotoVariantSets1796310000000,
  DemoRosterEntries1796310000001,
  Buying1796320000000,
  MoneyLedger1796330000000,
  OrderLineCommission1796340000000,
  Impact1796350000000,
  LedgerMonthlySales1796360000000,
  SellerOrderPaidAt1796370000000,
  TransferCodeLedger1796380000000,
  SearchSuggestionPlpgsql1796390000000,
  RefundFailures1796400000000,
  RefundsApplied1796500000000,
  FlaggedOrdersIndex1796510000000,
  RefundsInProgressIndex1796520000000,
];
