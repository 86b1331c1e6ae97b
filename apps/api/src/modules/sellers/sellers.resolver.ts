import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../../common/dataloader/request-loaders.js';
import { KampungService } from '../kampung/kampung.service.js';
import { Kampung } from '../kampung/models/kampung.model.js';
import { Seller } from './models/seller.model.js';
import { SellersService } from './sellers.service.js';

@Resolver(() => Seller)
export class SellersResolver {
  constructor(
    private readonly sellers: SellersService,
    private readonly kampungService: KampungService,
  ) {}

  @Query(() => Seller, { nullable: true })
  seller(@Args('slug') slug: string): Promise<Seller | null> {
    return this.sellers.findBySlug(slug);
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

  @ResolveField(() => [Seller])
  sellers(@Parent() kampung: Kampung, @Context() ctx: GraphQLContext): Promise<Seller[]> {
    return ctx.loaders.get('sellersByKampungId', (ids: readonly string[]) => this.sellersService.listByKampungIds(ids), [] as Seller[]).load(kampung.id);
  }

  @ResolveField(() => Int)
  sellerCount(@Parent() kampung: Kampung, @Context() ctx: GraphQLContext): Promise<number> {
    return ctx.loaders.get('sellerCountByKampungId', (ids: readonly string[]) => this.sellersService.countByKampungIds(ids), 0).load(kampung.id);
  }
}
