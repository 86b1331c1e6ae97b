import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authenticated } from '../../common/auth/auth.decorators.js';
import { Ctx } from '../../common/context/ctx.decorator.js';
import type { RequestContext } from '../../common/context/request-context.js';
import { Transaction } from '../../common/context/transaction.interceptor.js';
import type { GraphQLContext } from '../../common/dataloader/request-loaders.js';
import { LoginResult, RegisterResult, RequestPasswordResetResult, ResetPasswordResult } from './accounts.errors.js';
import { AccountsService } from './accounts.service.js';
import { RegisterInput } from './dto/register.input.js';
import { Me } from './models/me.model.js';

@Resolver(() => Me)
export class AccountsResolver {
  constructor(private readonly accounts: AccountsService) {}

  @Query(() => Me, { nullable: true, description: 'The signed-in account, null when anonymous' })
  me(@Ctx() ctx: RequestContext): Promise<Me | null> {
    return this.accounts.me(ctx);
  }

  // No @Transaction(): the service hashes first and opens one only for its writes (as for login).
  @Mutation(() => RegisterResult)
  register(@Ctx() ctx: RequestContext, @Args('input', { type: () => RegisterInput }) input: RegisterInput, @Context() gql: GraphQLContext): Promise<typeof RegisterResult> {
    return this.accounts.register(ctx, input, gql.req.clientAddress);
  }

  @Mutation(() => LoginResult, { description: 'identifier: phone (08…, 628…, +628…) or email' })
  login(
    @Ctx() ctx: RequestContext,
    @Args('identifier', { type: () => String }) identifier: string,
    @Args('password', { type: () => String }) password: string,
    @Context() gql: GraphQLContext,
  ): Promise<typeof LoginResult> {
    return this.accounts.login(ctx, identifier, password, gql.req.clientAddress);
  }

  @Transaction()
  @Authenticated()
  @Mutation(() => Boolean, { description: 'Ends the current session' })
  logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    return this.accounts.logout(ctx);
  }

  @Transaction()
  @Mutation(() => RequestPasswordResetResult, { description: 'Sends a one-time code if the account exists; answers Success either way' })
  requestPasswordReset(@Ctx() ctx: RequestContext, @Args('identifier', { type: () => String }) identifier: string, @Context() gql: GraphQLContext): Promise<typeof RequestPasswordResetResult> {
    return this.accounts.requestPasswordReset(ctx, identifier, gql.req.clientAddress);
  }

  // No @Transaction(): a wrong code's attempt must commit although the call fails; the service opens its own.
  @Mutation(() => ResetPasswordResult)
  resetPassword(
    @Ctx() ctx: RequestContext,
    @Args('identifier', { type: () => String }) identifier: string,
    @Args('code', { type: () => String }) code: string,
    @Args('newPassword', { type: () => String }) newPassword: string,
  ): Promise<typeof ResetPasswordResult> {
    return this.accounts.resetPassword(ctx, identifier, code, newPassword);
  }
}
