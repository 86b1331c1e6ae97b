import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated } from '../../common/auth/auth.decorators.js';
import { Ctx } from '../../common/context/ctx.decorator.js';
import type { RequestContext } from '../../common/context/request-context.js';
import { Transaction } from '../../common/context/transaction.interceptor.js';
import type { GraphQLContext } from '../../common/dataloader/request-loaders.js';
import { Me } from '../accounts/models/me.model.js';
import { Role } from '../accounts/models/role.enum.js';
import { KampungInput } from './dto/kampung.input.js';
import { AssignPendampingResult, CreateKampungResult, UnassignPendampingResult, UpdateKampungResult } from './kampung.errors.js';
import { KampungService } from './kampung.service.js';
import { Kampung } from './models/kampung.model.js';
import { PendampingSummary } from './models/pendamping.model.js';

@Resolver(() => Kampung)
export class KampungResolver {
  constructor(private readonly kampungService: KampungService) {}

  @Query(() => [Kampung], { description: 'Every Kampung KB, active ones first' })
  kampungs(@Ctx() ctx: RequestContext): Promise<Kampung[]> {
    return this.kampungService.listKampungs(ctx);
  }

  @Query(() => Kampung, { nullable: true })
  kampung(@Ctx() ctx: RequestContext, @Args('slug', { type: () => String }) slug: string): Promise<Kampung | null> {
    return this.kampungService.findBySlug(ctx, slug);
  }

  @Authenticated(Role.OFFICER, Role.ADMIN)
  @ResolveField(() => [PendampingSummary], { description: 'The pendamping assigned here (officers only)' })
  pendamping(kampung: Kampung, _args: unknown, { requestContext: ctx, loaders }: GraphQLContext): Promise<PendampingSummary[]> {
    return loaders.get('pendampingByKampungId', (ids: readonly string[]) => this.kampungService.pendampingByKampungIds(ctx, ids), [] as PendampingSummary[]).load(kampung.id);
  }

  @Transaction()
  @Authenticated(Role.OFFICER, Role.ADMIN)
  @Mutation(() => CreateKampungResult)
  createKampung(@Ctx() ctx: RequestContext, @Args('input', { type: () => KampungInput }) input: KampungInput): Promise<typeof CreateKampungResult> {
    return this.kampungService.createKampung(ctx, input);
  }

  @Transaction()
  @Authenticated(Role.OFFICER, Role.ADMIN)
  @Mutation(() => UpdateKampungResult, { description: 'Edits a Kampung KB, e.g. sets a TARGET kampung ACTIVE' })
  updateKampung(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string, @Args('input', { type: () => KampungInput }) input: KampungInput): Promise<typeof UpdateKampungResult> {
    return this.kampungService.updateKampung(ctx, id, input);
  }

  @Transaction()
  @Authenticated(Role.OFFICER, Role.ADMIN)
  @Mutation(() => AssignPendampingResult, { description: 'Makes the account with this phone/email a pendamping of the kampung KB' })
  assignPendamping(
    @Ctx() ctx: RequestContext,
    @Args('identifier', { type: () => String }) identifier: string,
    @Args('kampungId', { type: () => ID }) kampungId: string,
  ): Promise<typeof AssignPendampingResult> {
    return this.kampungService.assignPendamping(ctx, identifier, kampungId);
  }

  @Transaction()
  @Authenticated(Role.OFFICER, Role.ADMIN)
  @Mutation(() => UnassignPendampingResult, { description: 'Ends her assignment to the kampung KB; answers the kampung' })
  unassignPendamping(
    @Ctx() ctx: RequestContext,
    @Args('identifier', { type: () => String }) identifier: string,
    @Args('kampungId', { type: () => ID }) kampungId: string,
  ): Promise<typeof UnassignPendampingResult> {
    return this.kampungService.unassignPendamping(ctx, identifier, kampungId);
  }
}

@Resolver(() => Me)
export class MePendampingResolver {
  constructor(private readonly kampungService: KampungService) {}

  @ResolveField(() => [Kampung], { description: 'The kampung KB she helps as pendamping' })
  pendampingKampungs(me: Me, _args: unknown, { requestContext: ctx }: GraphQLContext): Promise<Kampung[]> {
    return this.kampungService.pendampingKampungs(ctx, me.id);
  }
}
