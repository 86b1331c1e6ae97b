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
import { Impact1796301000000 } from './1796301000000-Impact.js';

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
  Impact1796301000000,
];
