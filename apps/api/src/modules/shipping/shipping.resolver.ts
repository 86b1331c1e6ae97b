import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authenticated } from '../../common/auth/auth.decorators.js';
import { Ctx } from '../../common/context/ctx.decorator.js';
import type { RequestContext } from '../../common/context/request-context.js';
import { Transaction } from '../../common/context/transaction.interceptor.js';
import { InvalidInputError, NotFoundError, resultUnion, type ErrorResult } from '../../common/errors/error-result.js';
import { Role } from '../accounts/models/role.enum.js';
import { ShippingRate, UpdateShippingRateInput } from './models/shipping.model.js';
import { ShippingService } from './shipping.service.js';

export const UpdateShippingRateResult = resultUnion('UpdateShippingRateResult', ShippingRate, [InvalidInputError, NotFoundError]);

@Resolver(() => ShippingRate)
export class ShippingResolver {
  constructor(private readonly shipping: ShippingService) {}

  @Query(() => [ShippingRate], { description: 'The built-in rate table from Balikpapan, every zone (public: the prices checkout charges)' })
  shippingRates(@Ctx() ctx: RequestContext): Promise<ShippingRate[]> {
    return this.shipping.rateTable(ctx);
  }

  @Transaction()
  @Authenticated(Role.ADMIN)
  @Mutation(() => UpdateShippingRateResult, { description: 'An admin changes a row of the rate table' })
  updateShippingRate(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => UpdateShippingRateInput }) input: UpdateShippingRateInput,
  ): Promise<ShippingRate | ErrorResult> {
    return this.shipping.updateRate(ctx, id, input);
  }
}
