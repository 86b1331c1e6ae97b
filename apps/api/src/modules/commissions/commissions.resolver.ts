import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authenticated } from '../../common/auth/auth.decorators.js';
import { Ctx } from '../../common/context/ctx.decorator.js';
import type { RequestContext } from '../../common/context/request-context.js';
import { Transaction } from '../../common/context/transaction.interceptor.js';
import { InvalidInputError, resultUnion } from '../../common/errors/error-result.js';
import { Role } from '../accounts/models/role.enum.js';
import { CommissionsService } from './commissions.service.js';
import { SetCommissionRuleInput } from './dto/set-commission-rule.input.js';
import { CommissionRule } from './models/commission-rule.model.js';

const SetCommissionRuleResult = resultUnion('SetCommissionRuleResult', CommissionRule, [InvalidInputError]);

@Resolver(() => CommissionRule)
export class CommissionsResolver {
  constructor(private readonly commissions: CommissionsService) {}

  @Authenticated(Role.ADMIN, Role.FINANCE)
  @Query(() => [CommissionRule], { description: 'Every commission rule, active first' })
  commissionRules(@Ctx() ctx: RequestContext): Promise<CommissionRule[]> {
    return this.commissions.rules(ctx);
  }

  @Transaction()
  @Authenticated(Role.ADMIN)
  @Mutation(() => SetCommissionRuleResult, { description: 'Creates or changes a commission rule; lines already bought keep their frozen rate' })
  setCommissionRule(@Ctx() ctx: RequestContext, @Args('input', { type: () => SetCommissionRuleInput }) input: SetCommissionRuleInput): Promise<typeof SetCommissionRuleResult> {
    return this.commissions.setRule(ctx, input);
  }
}
