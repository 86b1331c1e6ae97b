import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated } from '../../common/auth/auth.decorators.js';
import { Ctx } from '../../common/context/ctx.decorator.js';
import type { RequestContext } from '../../common/context/request-context.js';
import { Transaction } from '../../common/context/transaction.interceptor.js';
import type { GraphQLContext } from '../../common/dataloader/request-loaders.js';
import { Role } from '../accounts/models/role.enum.js';
import { Seller } from '../sellers/models/seller.model.js';
import { TrainingProgramInput } from './dto/training-program.input.js';
import { RosterEntry } from './models/roster.model.js';
import { TrainingProgram } from './models/training-program.model.js';
import { RosterService } from './roster.service.js';
import { CreateTrainingProgramResult, ImportRosterResult, UpdateTrainingProgramResult } from './training.errors.js';
import { TrainingService } from './training.service.js';

const STAFF = [Role.OFFICER, Role.ADMIN];

@Resolver(() => TrainingProgram)
export class TrainingResolver {
  constructor(
    private readonly training: TrainingService,
    private readonly rosters: RosterService,
  ) {}

  @Transaction()
  @Authenticated(...STAFF)
  @Mutation(() => CreateTrainingProgramResult)
  createTrainingProgram(@Ctx() ctx: RequestContext, @Args('input', { type: () => TrainingProgramInput }) input: TrainingProgramInput): Promise<typeof CreateTrainingProgramResult> {
    return this.training.createProgram(ctx, input);
  }

  @Transaction()
  @Authenticated(...STAFF)
  @Mutation(() => UpdateTrainingProgramResult)
  updateTrainingProgram(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => TrainingProgramInput }) input: TrainingProgramInput,
  ): Promise<typeof UpdateTrainingProgramResult> {
    return this.training.updateProgram(ctx, id, input);
  }

  @Transaction()
  @Authenticated(...STAFF)
  @Mutation(() => ImportRosterResult, { description: 'Reads a roster CSV (nama, telepon, kampung, penghasilan); dryRun previews without saving. Idempotent by phone.' })
  importRoster(
    @Ctx() ctx: RequestContext,
    @Args('trainingProgramId', { type: () => ID }) trainingProgramId: string,
    @Args('csv', { type: () => String }) csv: string,
    @Args('dryRun', { type: () => Boolean, defaultValue: true }) dryRun: boolean,
  ): Promise<typeof ImportRosterResult> {
    return this.rosters.importRoster(ctx, trainingProgramId, csv, dryRun);
  }

  @Authenticated(...STAFF)
  @ResolveField(() => [RosterEntry], { description: 'The participants on the roster (officers only)' })
  roster(program: TrainingProgram, _args: unknown, { requestContext: ctx }: GraphQLContext): Promise<RosterEntry[]> {
    return this.rosters.rosterOf(ctx, program.id);
  }

  @Query(() => [TrainingProgram], { description: 'DP3AKB training cohorts, newest first' })
  trainingPrograms(@Ctx() ctx: RequestContext): Promise<TrainingProgram[]> {
    return this.training.listPrograms(ctx);
  }
}

/** The cohorts a seller was trained in (her badge). */
@Resolver(() => Seller)
export class SellerTrainingsResolver {
  constructor(private readonly training: TrainingService) {}

  @ResolveField(() => [TrainingProgram])
  trainings(seller: Seller, _args: unknown, { requestContext: ctx, loaders }: GraphQLContext): Promise<TrainingProgram[]> {
    return loaders.get('trainingsBySellerId', (ids: readonly string[]) => this.training.programsBySellerIds(ctx, ids), [] as TrainingProgram[]).load(seller.id);
  }
}
