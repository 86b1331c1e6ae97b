import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor.js';
import { Authenticated, CurrentActor } from '../../common/auth/auth.decorators.js';
import { Role } from '../accounts/models/role.enum.js';
import { TrainingProgramInput } from './dto/training-program.input.js';
import { RosterEntry, RosterImportResult } from './models/roster.model.js';
import { RosterService } from './roster.service.js';
import type { GraphQLContext } from '../../common/dataloader/request-loaders.js';
import { Seller } from '../sellers/models/seller.model.js';
import { TrainingProgram } from './models/training-program.model.js';
import { TrainingService } from './training.service.js';

const STAFF = [Role.OFFICER, Role.ADMIN];

@Resolver(() => TrainingProgram)
export class TrainingResolver {
  constructor(
    private readonly training: TrainingService,
    private readonly rosters: RosterService,
  ) {}

  @Authenticated(...STAFF)
  @Mutation(() => TrainingProgram)
  createTrainingProgram(@CurrentActor() actor: Actor, @Args('input', { type: () => TrainingProgramInput }) input: TrainingProgramInput): Promise<TrainingProgram> {
    return this.training.createProgram(actor, input);
  }

  @Authenticated(...STAFF)
  @Mutation(() => TrainingProgram)
  updateTrainingProgram(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => TrainingProgramInput }) input: TrainingProgramInput,
  ): Promise<TrainingProgram> {
    return this.training.updateProgram(actor, id, input);
  }

  @Authenticated(...STAFF)
  @Mutation(() => RosterImportResult, { description: 'Reads a roster CSV (nama, telepon, kampung, penghasilan); dryRun previews without saving. Idempotent by phone.' })
  importRoster(
    @CurrentActor() actor: Actor,
    @Args('trainingProgramId', { type: () => ID }) trainingProgramId: string,
    @Args('csv', { type: () => String }) csv: string,
    @Args('dryRun', { type: () => Boolean, defaultValue: true }) dryRun: boolean,
  ): Promise<RosterImportResult> {
    return this.rosters.importRoster(actor, trainingProgramId, csv, dryRun);
  }

  @Authenticated(...STAFF)
  @ResolveField(() => [RosterEntry], { description: 'The participants on the roster (officers only)' })
  roster(@Parent() program: TrainingProgram): Promise<RosterEntry[]> {
    return this.rosters.rosterOf(program.id);
  }

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
