import { entitiesOf, resolversOf } from '../common/domain-module.js';
import { AccountsModule } from './accounts/accounts.module.js';
import { AddressesModule } from './addresses/addresses.module.js';
import { CartModule } from './cart/cart.module.js';
import { AuditModule } from './audit/audit.module.js';
import { CatalogModule } from './catalog/catalog.module.js';
import { CommissionsModule } from './commissions/commissions.module.js';
import { ImpactModule } from './impact/impact.module.js';
import { KampungModule } from './kampung/kampung.module.js';
import { LedgerModule } from './ledger/ledger.module.js';
import { MediaModule } from './media/media.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { OrdersModule } from './orders/orders.module.js';
import { PaymentsModule } from './payments/payments.module.js';
import { PayoutsModule } from './payouts/payouts.module.js';
import { SellersModule } from './sellers/sellers.module.js';
import { ShippingModule } from './shipping/shipping.module.js';
import { TrainingModule } from './training/training.module.js';

/**
 * The domain, one module per area: the only list. A module names its entities and resolvers
 * (@DomainModule), so the TypeORM entities and the GraphQL schema follow from this one.
 */
export const DOMAIN_MODULES = [AccountsModule, NotificationsModule, AuditModule, KampungModule, TrainingModule, SellersModule, CatalogModule, MediaModule,
  AddressesModule, ShippingModule, CartModule, CommissionsModule, LedgerModule, PayoutsModule, PaymentsModule, OrdersModule, ImpactModule];

/** Every table of the app (the modules' and what they import, such as the rate limits'), for TypeORM. */
export const ENTITIES = entitiesOf(DOMAIN_MODULES);

/** Every resolver class, for building the schema without booting the app. */
export const RESOLVERS = resolversOf(DOMAIN_MODULES);
