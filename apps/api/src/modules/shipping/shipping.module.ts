import { DomainModule } from '../../common/domain-module.js';
import { ShippingRateEntity } from './entities/shipping-rate.entity.js';
import { RateTableProvider } from './rate-table.provider.js';
import { SHIPPING_RATE_PROVIDERS } from './shipping-rate-provider.js';
import { ShippingRateRepository } from './shipping-rate.repository.js';
import { ShippingResolver } from './shipping.resolver.js';
import { ShippingService } from './shipping.service.js';

/** Shipping prices: the built-in rate table (zones, couriers, pickup and local delivery) behind ShippingRateProvider. */
@DomainModule({
  entities: [ShippingRateEntity],
  resolvers: [ShippingResolver],
  providers: [
    ShippingRateRepository,
    RateTableProvider,
    // No courier aggregator is reachable from here; an adapter for one (RajaOngkir, Biteship) joins this list.
    { provide: SHIPPING_RATE_PROVIDERS, useFactory: (table: RateTableProvider) => [table], inject: [RateTableProvider] },
    ShippingService,
  ],
  exports: [ShippingService],
})
export class ShippingModule {}
