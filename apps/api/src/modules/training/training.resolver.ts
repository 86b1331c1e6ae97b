import { Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../../common/dataloader/request-loaders.js';
import { Seller } from '../sellers/models/seller.model.js';
import { TrainingProgram } from './models/training-program.model.js';
import { TrainingService } from './training.service.js';

@Resolver(() => TrainingProgram)
export class TrainingResolver {
  constructor(private readonly training: TrainingService) {}

  @Query(() => [TrainingProgram], { description: 'DP3AKB training cohorts, newest first' })
  trainingPrograms(): Promise<TrainingProgram[]> {
    return this.training.listPrograms();
  }
}

/** The cohorts a seller was trained in (her badge). */
@Resolver(() => Seller)
export class SellerTrainingsResolver {
  constructor(private readonly training: TrainingService) {}

  @ResolveField(() => [TrainingProgram])
  trainings(@Parent() seller: Seller, @Context() ctx: GraphQLContext): Promise<TrainingProgram[]> {
    return ctx.loaders.get('trainingsBySellerId', (ids: readonly string[]) => this.training.programsBySellerIds(ids), [] as TrainingProgram[]).load(seller.id);
  }
}
