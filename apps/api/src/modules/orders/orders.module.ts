import { DomainModule } from '../../common/domain-module.js';
import { RateLimitModule } from '../../common/rate-limit/rate-limit.module.js';
import { AddressesModule } from '../addresses/addresses.module.js';
import { CartModule } from '../cart/cart.module.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { CommissionsModule } from '../commissions/commissions.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { OrderPaymentsSource } from '../payouts/order-payments-source.js';
import { TrainingModule } from '../training/training.module.js';
import { KampungModule } from '../kampung/kampung.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { PaymentsModule } from '../payments/payments.module.js';
import { SellersModule } from '../sellers/sellers.module.js';
import { ShippingModule } from '../shipping/shipping.module.js';
import { CheckoutService } from './checkout.service.js';
import { OrderEventEntity } from './entities/order-event.entity.js';
import { OrderLineEntity } from './entities/order-line.entity.js';
import { OrderEntity } from './entities/order.entity.js';
import { SellerOrderEntity } from './entities/seller-order.entity.js';
import { SellerReachMonthlyEntity } from './entities/seller-reach-monthly.entity.js';
import { OrderLookupLimit } from './order-lookup-limit.js';
import { OrderMoney } from './order-money.js';
import { OrderRepository } from './order.repository.js';
import { CheckoutQuoteGroupResolver, OrderLineResolver, OrdersResolver, SellerOrdersResolver } from './orders.resolver.js';
import { OrdersService } from './orders.service.js';

/** Checkout, orders and seller orders, their state machines and fulfilment. */
@DomainModule({
  entities: [OrderEntity, SellerOrderEntity, OrderLineEntity, OrderEventEntity, SellerReachMonthlyEntity],
  resolvers: [OrdersResolver, SellerOrdersResolver, OrderLineResolver, CheckoutQuoteGroupResolver],
  imports: [CatalogModule, CartModule, SellersModule, KampungModule, ShippingModule, AddressesModule, PaymentsModule, NotificationsModule, RateLimitModule, CommissionsModule, LedgerModule, TrainingModule],
  providers: [OrderRepository, CheckoutService, OrdersService, OrderLookupLimit, OrderMoney, { provide: OrderPaymentsSource, useExisting: OrderMoney }],
  // The reconciliation report (payouts) reads the orders' side of the money through OrderPaymentsSource.
  exports: [CheckoutService, OrdersService, OrderPaymentsSource],
})
export class OrdersModule {}
