import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context.js';
import { ShippingRateRepository } from './shipping-rate.repository.js';
import { shippingCode, type ShippingQuote, type ShippingRateProvider, type ShippingRequest } from './shipping-rate-provider.js';
import { billableKilograms } from './weight.js';
import { zoneOfVillage } from './zones.js';

/** Prices from the built-in table: base + per started kilogram, by the destination's zone. */
@Injectable()
export class RateTableProvider implements ShippingRateProvider {
  readonly name = 'rate-table';

  constructor(private readonly rates: ShippingRateRepository) {}

  async quote(ctx: RequestContext, request: ShippingRequest): Promise<ShippingQuote[]> {
    const kilograms = BigInt(billableKilograms(request.weightGrams));
    const rows = await this.rates.activeForZone(ctx, zoneOfVillage(request.destinationVillageCode));
    return rows
      .filter((rate) => !request.couriers || request.couriers.includes(rate.courier))
      .map((rate) => ({
        code: shippingCode(rate.courier, rate.service),
        kind: rate.kind,
        courier: rate.courier,
        service: rate.service,
        label: rate.label,
        priceIdr: rate.baseIdr + rate.perKgIdr * kilograms,
        etaMinDays: rate.minDays,
        etaMaxDays: rate.maxDays,
      }));
  }
}
