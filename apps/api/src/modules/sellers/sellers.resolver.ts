import { Args, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated } from '../../common/auth/auth.decorators.js';
import { Ctx } from '../../common/context/ctx.decorator.js';
import type { RequestContext } from '../../common/context/request-context.js';
import { Transaction } from '../../common/context/transaction.interceptor.js';
import { PrefetchRegistry, settledValues } from '../../common/dataloader/prefetch.js';
import type { GraphQLContext } from '../../common/dataloader/request-loaders.js';
import { userError } from '../../common/errors/user-errors.js';
import { Me } from '../accounts/models/me.model.js';
import { Role } from '../accounts/models/role.enum.js';
import { AuditEntry } from '../audit/models/audit-entry.model.js';
import { KampungService } from '../kampung/kampung.service.js';
import { Kampung } from '../kampung/models/kampung.model.js';
import { RosterEntry } from '../training/models/roster.model.js';
import { ApplyAsSellerInput } from './dto/apply-as-seller.input.js';
import { Seller } from './models/seller.model.js';
import { SellerDirectoryService } from './seller-directory.service.js';
import { SellerOnboardingService } from './seller-onboarding.service.js';
import { SellerAccessService } from './seller-access.service.js';
import { ApplyAsSellerResult, RejectSellerResult, VerifySellerResult } from './sellers.errors.js';

const REVIEWERS = [Role.OFFICER, Role.ADMIN, Role.PENDAMPING];

@Resolver(() => Seller)
export class SellersResolver {
  constructor(
    private readonly directory: SellerDirectoryService,
    private readonly onboarding: SellerOnboardingService,
    private readonly access: SellerAccessService,
    private readonly kampungService: KampungService,
    prefetch: PrefetchRegistry,
  ) {
    prefetch.register<Seller>('Seller', 'kampung', 'Kampung', async (gql, sellers) => settledValues(await this.kampungLoader(gql).loadMany(sellers.map((seller) => seller.kampungId))));
  }

  @Query(() => Seller, { nullable: true, description: 'A verified seller' })
  seller(@Ctx() ctx: RequestContext, @Args('slug', { type: () => String }) slug: string): Promise<Seller | null> {
    return this.directory.findBySlug(ctx, slug);
  }

  @Authenticated(...REVIEWERS)
  @Query(() => [Seller], { description: 'Applications to review: all for officers, her kampung KB for a pendamping' })
  pendingSellers(@Ctx() ctx: RequestContext): Promise<Seller[]> {
    return this.onboarding.pendingSellers(ctx);
  }

  @Authenticated(Role.PENDAMPING)
  @Query(() => [Seller], { description: 'The sellers of the kampung KB she assists' })
  assistedSellers(@Ctx() ctx: RequestContext): Promise<Seller[]> {
    return this.directory.assistedSellers(ctx);
  }

  @Authenticated()
  @Query(() => Seller, { description: 'A verified shop the caller may manage: her own, one of her kampung KB as pendamping, any as admin' })
  async managedSeller(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Seller> {
    return (await this.access.actingSeller(ctx, id)).seller;
  }

  @Authenticated()
  @Query(() => [AuditEntry], { description: 'Changes to a seller\'s shop, newest first (her own when sellerId is left out)' })
  sellerActivity(
    @Ctx() ctx: RequestContext,
    @Args('sellerId', { type: () => ID, nullable: true }) sellerId: string | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<AuditEntry[]> {
    return this.directory.sellerActivity(ctx, sellerId, first);
  }

  @Transaction()
  @Authenticated()
  @Mutation(() => ApplyAsSellerResult, { description: 'Opens a PENDING seller profile for the signed-in account' })
  applyAsSeller(@Ctx() ctx: RequestContext, @Args('input', { type: () => ApplyAsSellerInput }) input: ApplyAsSellerInput): Promise<typeof ApplyAsSellerResult> {
    return this.onboarding.applyAsSeller(ctx, input);
  }

  @Transaction()
  @Authenticated(...REVIEWERS)
  @Mutation(() => VerifySellerResult, { description: 'Checks her against the cohort roster and opens her shop' })
  verifySeller(
    @Ctx() ctx: RequestContext,
    @Args('sellerId', { type: () => ID }) sellerId: string,
    @Args('trainingProgramId', { type: () => ID, nullable: true }) trainingProgramId: string | null,
  ): Promise<typeof VerifySellerResult> {
    return this.onboarding.verifySeller(ctx, sellerId, trainingProgramId);
  }

  @Transaction()
  @Authenticated(...REVIEWERS)
  @Mutation(() => RejectSellerResult)
  rejectSeller(
    @Ctx() ctx: RequestContext,
    @Args('sellerId', { type: () => ID }) sellerId: string,
    @Args('reason', { type: () => String }) reason: string,
  ): Promise<typeof RejectSellerResult> {
    return this.onboarding.rejectSeller(ctx, sellerId, reason);
  }

  @ResolveField(() => Kampung)
  kampung(seller: Seller, _args: unknown, gql: GraphQLContext): Kampung | null | Promise<Kampung | null> {
    return gql.loaders.now(this.kampungLoader(gql), seller.kampungId);
  }

  private kampungLoader({ requestContext: ctx, loaders }: GraphQLContext) {
    return loaders.get('kampungById', (ids: readonly string[]) => this.kampungService.findByIds(ctx, ids), null as Kampung | null);
  }
}

/** The sellers side of a Kampung KB. */
@Resolver(() => Kampung)
export class KampungSellersResolver {
  constructor(private readonly directory: SellerDirectoryService) {}

  @ResolveField(() => [Seller], { description: 'Her verified sellers' })
  sellers(kampung: Kampung, _args: unknown, { requestContext: ctx, loaders }: GraphQLContext): Promise<Seller[]> {
    return loaders.get('sellersByKampungId', (ids: readonly string[]) => this.directory.listByKampungIds(ctx, ids), [] as Seller[]).load(kampung.id);
  }

  @ResolveField(() => Int)
  sellerCount(kampung: Kampung, _args: unknown, { requestContext: ctx, loaders }: GraphQLContext): Promise<number> {
    return loaders.get('sellerCountByKampungId', (ids: readonly string[]) => this.directory.countByKampungIds(ctx, ids), 0).load(kampung.id);
  }
}

/** What a reviewer checks an applicant against: roster lines with her WhatsApp or account phone. */
@Resolver(() => Seller)
export class SellerRosterResolver {
  constructor(private readonly onboarding: SellerOnboardingService) {}

  @Authenticated(...REVIEWERS)
  @ResolveField(() => [RosterEntry], { description: 'Cohort roster lines matching her phone numbers: officers, and the pendamping of her kampung KB' })
  async rosterMatches(seller: Seller, _args: unknown, { requestContext: ctx, loaders }: GraphQLContext): Promise<RosterEntry[]> {
    // Keyed by the seller object: the batch needs her kampung and phones, not only her id.
    const matches = await loaders.get('rosterMatchesBySeller', (sellers: readonly Seller[]) => this.onboarding.rosterMatchesFor(ctx, sellers).then((byId) => new Map(sellers.map((s) => [s, byId.get(s.id) ?? null]))), null as RosterEntry[] | null).load(seller);
    if (!matches) throw userError('FORBIDDEN', "Only DP3AKB officers or her kampung's pendamping may see her roster data.");
    return matches;
  }
}

@Resolver(() => Me)
export class MeSellerResolver {
  constructor(private readonly directory: SellerDirectoryService) {}

  @ResolveField(() => Seller, { nullable: true, description: 'Her seller profile, whatever its status' })
  seller(_parent: unknown, _args: unknown, { requestContext: ctx }: GraphQLContext): Promise<Seller | null> {
    return this.directory.mySeller(ctx);
  }
}
