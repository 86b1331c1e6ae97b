import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor.js';
import { Authenticated, CurrentActor } from '../../common/auth/auth.decorators.js';
import type { GraphQLContext } from '../../common/dataloader/request-loaders.js';
import { AccountsService } from './accounts.service.js';
import { RegisterInput } from './dto/register.input.js';
import { AuthSession, Me } from './models/me.model.js';

@Resolver(() => Me)
export class AccountsResolver {
  constructor(private readonly accounts: AccountsService) {}

  @Query(() => Me, { nullable: true, description: 'The signed-in account, null when anonymous' })
  me(@CurrentActor() actor: Actor | null): Promise<Me | null> | null {
    return actor ? this.accounts.me(actor) : null;
  }

  @Mutation(() => AuthSession)
  register(@Args('input', { type: () => RegisterInput }) input: RegisterInput, @Context() ctx: GraphQLContext): Promise<AuthSession> {
    return this.accounts.register(input, ctx.req.clientAddress);
  }

  @Mutation(() => AuthSession, { description: 'identifier: phone (08…, 628…, +628…) or email' })
  login(
    @Args('identifier', { type: () => String }) identifier: string,
    @Args('password', { type: () => String }) password: string,
    @CurrentActor() actor: Actor | null,
    @Context() ctx: GraphQLContext,
  ): Promise<AuthSession> {
    return this.accounts.login(identifier, password, ctx.req.clientAddress, actor);
  }

  @Authenticated()
  @Mutation(() => Boolean, { description: 'Ends the current session' })
  logout(@CurrentActor() actor: Actor): Promise<boolean> {
    return this.accounts.logout(actor);
  }

  @Mutation(() => Boolean, { description: 'Sends a one-time code if the account exists; always answers true' })
  requestPasswordReset(@Args('identifier', { type: () => String }) identifier: string, @Context() ctx: GraphQLContext): Promise<boolean> {
    return this.accounts.requestPasswordReset(identifier, ctx.req.clientAddress);
  }

  @Mutation(() => AuthSession)
  resetPassword(
    @Args('identifier', { type: () => String }) identifier: string,
    @Args('code', { type: () => String }) code: string,
    @Args('newPassword', { type: () => String }) newPassword: string,
  ): Promise<AuthSession> {
    return this.accounts.resetPassword(identifier, code, newPassword);
  }
}
