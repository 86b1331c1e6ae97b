import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor.js';
import { Authenticated, CurrentActor } from '../../common/auth/auth.decorators.js';
import type { GraphQLContext } from '../../common/dataloader/request-loaders.js';
import { Me } from '../accounts/models/me.model.js';
import { Role } from '../accounts/models/role.enum.js';
import { AuditEntry } from '../audit/models/audit-entry.model.js';
import { KampungService } from '../kampung/kampung.service.js';
import { Kampung } from '../kampung/models/kampung.model.js';
import { ApplyAsSellerInput } from './dto/apply-as-seller.input.js';
import { Seller } from './models/seller.model.js';
import { userError } from '../../common/errors/user-errors.js';
import { SellersService } from './sellers.service.js';
import { RosterEntry } from '../training/models/roster.model.js';

const REVIEWERS = [Role.OFFICER, Role.ADMIN, Role.PENDAMPING];

@Resolver(() => Seller)
export class SellersResolver {
  constructor(
    private readonly sellers: SellersService,
    private readonly kampungService: KampungService,
  ) {}

  @Query(() => Seller, { nullable: true, description: 'A verified seller' })
  seller(@Args('slug', { type: () => String }) slug: string): Promise<Seller | null> {
    return this.sellers.findBySlug(slug);
  }

  @Authenticated(...REVIEWERS)
  @Query(() => [Seller], { description: 'Applications to review: all for officers, her kampung KB for a pendamping' })
  pendingSellers(@CurrentActor() actor: Actor): Promise<Seller[]> {
    return this.sellers.pendingSellers(actor);
  }

  @Authenticated(Role.PENDAMPING)
  @Query(() => [Seller], { description: 'The sellers of the kampung KB she assists' })
  assistedSellers(@CurrentActor() actor: Actor): Promise<Seller[]> {
    return this.sellers.assistedSellers(actor);
  }

  @Authenticated()
  @Query(() => Seller, { description: 'A verified shop the caller may manage: her own, one of her kampung KB as pendamping, any as admin' })
  async managedSeller(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Seller> {
    return (await this.sellers.actingSeller(actor, id)).seller;
  }

  @Authenticated()
  @Query(() => [AuditEntry], { description: 'Changes to a seller\'s shop, newest first (her own when sellerId is left out)' })
  sellerActivity(
    @CurrentActor() actor: Actor,
    @Args('sellerId', { type: () => ID, nullable: true }) sellerId: string | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<AuditEntry[]> {
    return this.sellers.sellerActivity(actor, sellerId, first);
  }

  @Authenticated()
  @Mutation(() => Seller, { description: 'Opens a PENDING seller profile for the signed-in account' })
  applyAsSeller(@CurrentActor() actor: Actor, @Args('input', { type: () => ApplyAsSellerInput }) input: ApplyAsSellerInput): Promise<Seller> {
    return this.sellers.applyAsSeller(actor, input);
  }

  @Authenticated(...REVIEWERS)
  @Mutation(() => Seller, { description: 'Checks her against the cohort roster and opens her shop' })
  verifySeller(
    @CurrentActor() actor: Actor,
    @Args('sellerId', { type: () => ID }) sellerId: string,
    @Args('trainingProgramId', { type: () => ID, nullable: true }) trainingProgramId: string | null,
  ): Promise<Seller> {
    return this.sellers.verifySeller(actor, sellerId, trainingProgramId);
  }

  @Authenticated(...REVIEWERS)
  @Mutation(() => Seller)
  rejectSeller(
    @CurrentActor() actor: Actor,
    @Args('sellerId', { type: () => ID }) sellerId: string,
    @Args('reason', { type: () => String }) reason: string,
  ): Promise<Seller> {
    return this.sellers.rejectSeller(actor, sellerId, reason);
  }

  @ResolveField(() => Kampung)
  kampung(@Parent() seller: Seller, @Context() ctx: GraphQLContext): Promise<Kampung | null> {
    return ctx.loaders.get('kampungById', (ids: readonly string[]) => this.kampungService.findByIds(ids), null as Kampung | null).load(seller.kampungId);
  }
}

/** The sellers side of a Kampung KB. */
@Resolver(() => Kampung)
export class KampungSellersResolver {
  constructor(private readonly sellersService: SellersService) {}

  @ResolveField(() => [Seller], { description: 'Her verified sellers' })
  sellers(@Parent() kampung: Kampung, @Context() ctx: GraphQLContext): Promise<Seller[]> {
    return ctx.loaders.get('sellersByKampungId', (ids: readonly string[]) => this.sellersService.listByKampungIds(ids), [] as Seller[]).load(kampung.id);
  }

  @ResolveField(() => Int)
  sellerCount(@Parent() kampung: Kampung, @Context() ctx: GraphQLContext): Promise<number> {
    return ctx.loaders.get('sellerCountByKampungId', (ids: readonly string[]) => this.sellersService.countByKampungIds(ids), 0).load(kampung.id);
  }
}

/** What a reviewer checks an applicant against: roster lines with her WhatsApp or account phone. */
@Resolver(() => Seller)
export class SellerRosterResolver {
  constructor(private readonly sellers: SellersService) {}

  @Authenticated(...REVIEWERS)
  @ResolveField(() => [RosterEntry], { description: 'Cohort roster lines matching her phone numbers: officers, and the pendamping of her kampung KB' })
  async rosterMatches(@Parent() seller: Seller, @CurrentActor() actor: Actor, @Context() ctx: GraphQLContext): Promise<RosterEntry[]> {
    // Keyed by the seller object: the batch needs her kampung and phones, not only her id.
    const matches = await ctx.loaders.get('rosterMatchesBySeller', (sellers: readonly Seller[]) => this.sellers.rosterMatchesFor(actor, sellers).then((byId) => new Map(sellers.map((s) => [s, byId.get(s.id) ?? null]))), null as RosterEntry[] | null).load(seller);
    if (!matches) throw userError('FORBIDDEN', 'Hanya petugas DP3AKB atau pendamping kampungnya yang dapat melihat data peserta ini. (Only DP3AKB officers or her kampung\'s pendamping may see her roster data.)');
    return matches;
  }
}

@Resolver(() => Me)
export class MeSellerResolver {
  constructor(private readonly sellers: SellersService) {}

  @ResolveField(() => Seller, { nullable: true, description: 'Her seller profile, whatever its status' })
  seller(@CurrentActor() actor: Actor): Promise<Seller | null> {
    return this.sellers.mySeller(actor);
  }
}
