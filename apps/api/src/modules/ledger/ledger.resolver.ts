import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated } from '../../common/auth/auth.decorators.js';
import { Ctx } from '../../common/context/ctx.decorator.js';
import type { RequestContext } from '../../common/context/request-context.js';
import { BalanceLineConnection, MonthlyIncome, SellerBalance } from './models/seller-balance.model.js';
import { SellerBalanceService } from './seller-balance.service.js';

@Resolver(() => SellerBalance)
export class LedgerResolver {
  constructor(private readonly balances: SellerBalanceService) {}

  @Authenticated()
  @Query(() => SellerBalance, { description: "A seller's money: her own (without sellerId), one she assists as pendamping, any for ADMIN and FINANCE" })
  sellerBalance(@Ctx() ctx: RequestContext, @Args('sellerId', { type: () => ID, nullable: true }) sellerId: string | null): Promise<SellerBalance> {
    return this.balances.sellerBalance(ctx, sellerId);
  }

  @ResolveField(() => BalanceLineConnection, { description: 'Her sales, refunds and payouts, newest first' })
  lines(
    @Ctx() ctx: RequestContext,
    @Parent() balance: SellerBalance,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<BalanceLineConnection> {
    return this.balances.lines(ctx, balance.sellerId, first, after);
  }

  @ResolveField(() => [MonthlyIncome], { description: 'Her last months (WITA), oldest first, for the income chart' })
  monthly(@Ctx() ctx: RequestContext, @Parent() balance: SellerBalance, @Args('months', { type: () => Int, defaultValue: 12 }) months: number): Promise<MonthlyIncome[]> {
    return this.balances.monthly(ctx, balance.sellerId, months);
  }
}
