import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../../common/dataloader/request-loaders.js';
import { PendampingSummary } from './models/pendamping.model.js';
import type { Actor } from '../../common/auth/actor.js';
import { Authenticated, CurrentActor } from '../../common/auth/auth.decorators.js';
import { Me } from '../accounts/models/me.model.js';
import { Role } from '../accounts/models/role.enum.js';
import { KampungInput } from './dto/kampung.input.js';
import { KampungService } from './kampung.service.js';
import { Kampung } from './models/kampung.model.js';

@Resolver(() => Kampung)
export class KampungResolver {
  constructor(private readonly kampungService: KampungService) {}

  @Query(() => [Kampung], { description: 'Every Kampung KB, active ones first' })
  kampungs(): Promise<Kampung[]> {
    return this.kampungService.listKampungs();
  }

  @Query(() => Kampung, { nullable: true })
  kampung(@Args('slug', { type: () => String }) slug: string): Promise<Kampung | null> {
    return this.kampungService.findBySlug(slug);
  }

  @Authenticated(Role.OFFICER, Role.ADMIN)
  @ResolveField(() => [PendampingSummary], { description: 'The pendamping assigned here (officers only)' })
  pendamping(@Parent() kampung: Kampung, @Context() ctx: GraphQLContext): Promise<PendampingSummary[]> {
    return ctx.loaders.get('pendampingByKampungId', (ids: readonly string[]) => this.kampungService.pendampingByKampungIds(ids), [] as PendampingSummary[]).load(kampung.id);
  }

  @Authenticated(Role.OFFICER, Role.ADMIN)
  @Mutation(() => Kampung)
  createKampung(@CurrentActor() actor: Actor, @Args('input', { type: () => KampungInput }) input: KampungInput): Promise<Kampung> {
    return this.kampungService.createKampung(actor, input);
  }

  @Authenticated(Role.OFFICER, Role.ADMIN)
  @Mutation(() => Kampung, { description: 'Edits a Kampung KB, e.g. sets a TARGET kampung ACTIVE' })
  updateKampung(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('input', { type: () => KampungInput }) input: KampungInput): Promise<Kampung> {
    return this.kampungService.updateKampung(actor, id, input);
  }

  @Authenticated(Role.OFFICER, Role.ADMIN)
  @Mutation(() => Kampung, { description: 'Makes the account with this phone/email a pendamping of the kampung KB' })
  assignPendamping(
    @CurrentActor() actor: Actor,
    @Args('identifier', { type: () => String }) identifier: string,
    @Args('kampungId', { type: () => ID }) kampungId: string,
  ): Promise<Kampung> {
    return this.kampungService.assignPendamping(actor, identifier, kampungId);
  }

  @Authenticated(Role.OFFICER, Role.ADMIN)
  @Mutation(() => Boolean)
  unassignPendamping(
    @CurrentActor() actor: Actor,
    @Args('identifier', { type: () => String }) identifier: string,
    @Args('kampungId', { type: () => ID }) kampungId: string,
  ): Promise<boolean> {
    return this.kampungService.unassignPendamping(actor, identifier, kampungId);
  }
}

@Resolver(() => Me)
export class MePendampingResolver {
  constructor(private readonly kampungService: KampungService) {}

  @ResolveField(() => [Kampung], { description: 'The kampung KB she helps as pendamping' })
  async pendampingKampungs(@Parent() me: Me): Promise<Kampung[]> {
    const ids = await this.kampungService.pendampingKampungIds(me.id);
    const found = await this.kampungService.findByIds(ids);
    return ids.map((id) => found.get(id)!).filter(Boolean);
  }
}
