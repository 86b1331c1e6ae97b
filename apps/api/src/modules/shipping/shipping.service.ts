import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context.js';
import { InvalidInputError, NotFoundError, type ErrorResult, EntityKind } from '../../common/errors/error-result.js';
import { isUuid } from '../../common/graphql/ids.js';
import type { UpdateShippingRateInput } from './models/shipping.model.js';
import { toShippingRateModel, type ShippingRate } from './models/shipping.model.js';
import { ShippingRateRepository } from './shipping-rate.repository.js';
import { SHIPPING_RATE_PROVIDERS, type ShippingQuote, type ShippingRateProvider, type ShippingRequest } from './shipping-rate-provider.js';

/** Highest rate a row may carry: far above any parcel's price, far inside bigint. */
const MAX_RATE_IDR = 10_000_000n;

@Injectable()
export class ShippingService {
  constructor(
    @Inject(SHIPPING_RATE_PROVIDERS) private readonly providers: ShippingRateProvider[],
    private readonly rates: ShippingRateRepository,
  ) {}

  /** Every provider's options for one parcel, cheapest first. */
  async quote(ctx: RequestContext, request: ShippingRequest): Promise<ShippingQuote[]> {
    const quotes = (await Promise.all(this.providers.map((provider) => provider.quote(ctx, request)))).flat();
    return quotes.sort((a, b) => (a.priceIdr < b.priceIdr ? -1 : a.priceIdr > b.priceIdr ? 1 : a.code.localeCompare(b.code)));
  }

  async rateTable(ctx: RequestContext): Promise<ShippingRate[]> {
    return (await this.rates.all(ctx)).map(toShippingRateModel);
  }

  async updateRate(ctx: RequestContext, id: string, input: UpdateShippingRateInput): Promise<ShippingRate | ErrorResult> {
    const rate = isUuid(id) ? await this.rates.findById(ctx, id) : null;
    if (!rate) return new NotFoundError(EntityKind.SHIPPING_RATE);
    for (const field of ['baseIdr', 'perKgIdr'] as const) {
      const value = input[field];
      if (value == null) continue;
      if (value < 0n || value > MAX_RATE_IDR) return new InvalidInputError(`input.${field}`, 'OUT_OF_RANGE', `From 0 to ${MAX_RATE_IDR} rupiah`, { min: 0, max: Number(MAX_RATE_IDR) });
      rate[field] = value;
    }
    for (const field of ['minDays', 'maxDays'] as const) {
      const value = input[field];
      if (value == null) continue;
      if (!Number.isInteger(value) || value < 0 || value > 60) return new InvalidInputError(`input.${field}`, 'OUT_OF_RANGE', 'From 0 to 60 days', { min: 0, max: 60 });
      rate[field] = value;
    }
    if (rate.minDays > rate.maxDays) return new InvalidInputError('input.maxDays', 'OUT_OF_RANGE', 'maxDays must not be below minDays', { min: rate.minDays });
    if (input.active != null) rate.active = input.active;
    return toShippingRateModel(await this.rates.save(ctx, rate));
  }
}
