import { Args, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated } from '../../common/auth/auth.decorators.js';
import { Ctx } from '../../common/context/ctx.decorator.js';
import type { RequestContext } from '../../common/context/request-context.js';
import { Transaction } from '../../common/context/transaction.interceptor.js';
import type { GraphQLContext } from '../../common/dataloader/request-loaders.js';
import { InvalidInputError, resultUnion } from '../../common/errors/error-result.js';
import { badInput } from '../../common/errors/user-errors.js';
import { Role } from '../accounts/models/role.enum.js';
import { ImpactFilterInput } from './dto/impact-filter.input.js';
import { SurveyAnswerInput, UppkaGroupInput } from './dto/impact-records.input.js';
import { OfflineSaleInput } from './dto/offline-sale.input.js';
import { ImpactNotFoundError, RecordLockedError, SellerOutsideKampungError, UppkaGroupNameTakenError } from './impact.errors.js';
import { ImpactService } from './impact.service.js';
import { ImpactExportService } from './impact-export.service.js';
import { ImpactViewsService } from './impact-views.service.js';
import { ExportFormat } from './models/impact.enums.js';
import { ImpactReport } from './models/impact-report.model.js';
import { ImpactExport, OfflineSale, RemovedOfflineSale, SaleSinceTraining, SurveyTask, UppkaGroup } from './models/impact-records.model.js';
import { ParticipantImpact, PublicImpact } from './models/participant-impact.model.js';
import { OfflineSalesService } from './offline-sales.service.js';
import { SurveysService, type SurveyStatus } from './surveys.service.js';
import { UppkaService } from './uppka.service.js';

const STAFF = [Role.OFFICER, Role.ADMIN];

const RecordOfflineSaleResult = resultUnion('RecordOfflineSaleResult', OfflineSale, [InvalidInputError]);
const UpdateOfflineSaleResult = resultUnion('UpdateOfflineSaleResult', OfflineSale, [InvalidInputError, ImpactNotFoundError, RecordLockedError]);
const RemoveOfflineSaleResult = resultUnion('RemoveOfflineSaleResult', RemovedOfflineSale, [ImpactNotFoundError, RecordLockedError]);
const RecordSurveyAnswerResult = resultUnion('RecordSurveyAnswerResult', SurveyTask, [InvalidInputError, ImpactNotFoundError, RecordLockedError]);
const CreateUppkaGroupResult = resultUnion('CreateUppkaGroupResult', UppkaGroup, [InvalidInputError, ImpactNotFoundError, UppkaGroupNameTakenError]);
const UppkaMemberResult = resultUnion('UppkaMemberResult', UppkaGroup, [ImpactNotFoundError, SellerOutsideKampungError]);
const RequestImpactExportResult = resultUnion('RequestImpactExportResult', ImpactExport, [InvalidInputError]);

const STATUSES = ['OPEN', 'ANSWERED', 'ALL'];

@Resolver()
export class ImpactResolver {
  constructor(
    private readonly impact: ImpactService,
    private readonly views: ImpactViewsService,
    private readonly offline: OfflineSalesService,
    private readonly surveys: SurveysService,
    private readonly uppka: UppkaService,
    private readonly exports: ImpactExportService,
  ) {}

  @Authenticated(...STAFF, Role.PENDAMPING)
  @Query(() => ImpactReport, { description: 'The indicators of training for a filter, every income split by source; a pendamping sees her kampung KB only' })
  impactReport(@Ctx() ctx: RequestContext, @Args('filter', { type: () => ImpactFilterInput, defaultValue: {} }) filter: ImpactFilterInput): Promise<ImpactReport> {
    return this.impact.impactReport(ctx, filter);
  }

  @Authenticated()
  @Query(() => ParticipantImpact, { description: 'One participant\'s income after training: officers, her pendamping, herself' })
  participantImpact(@Ctx() ctx: RequestContext, @Args('sellerId', { type: () => ID }) sellerId: string): Promise<ParticipantImpact> {
    return this.views.participantImpact(ctx, sellerId);
  }

  @Query(() => PublicImpact, { description: 'Cohort and kampung KB aggregates for everyone; figures about fewer than 5 people are null' })
  publicImpact(@Ctx() ctx: RequestContext): Promise<PublicImpact> {
    return this.views.publicImpact(ctx);
  }

  @Query(() => SaleSinceTraining, { nullable: true, description: 'For an order confirmation: the how-manieth sale of hers since training this seller order is' })
  saleSinceTraining(@Ctx() ctx: RequestContext, @Args('sellerOrderId', { type: () => ID }) sellerOrderId: string): Promise<SaleSinceTraining | null> {
    return this.views.saleSinceTraining(ctx, sellerOrderId);
  }

  @Transaction()
  @Authenticated(Role.SELLER, Role.PENDAMPING, Role.ADMIN)
  @Mutation(() => RecordOfflineSaleResult, { description: 'Records a sale outside the marketplace (self-reported), for herself or, as pendamping, for a seller of her kampung KB' })
  recordOfflineSale(@Ctx() ctx: RequestContext, @Args('input', { type: () => OfflineSaleInput }) input: OfflineSaleInput) {
    return this.offline.recordOfflineSale(ctx, input);
  }

  @Transaction()
  @Authenticated(Role.SELLER, Role.PENDAMPING, Role.ADMIN)
  @Mutation(() => UpdateOfflineSaleResult, { description: 'Corrects an offline sale within 7 days of recording it' })
  updateOfflineSale(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string, @Args('input', { type: () => OfflineSaleInput }) input: OfflineSaleInput) {
    return this.offline.updateOfflineSale(ctx, id, input);
  }

  @Transaction()
  @Authenticated(Role.SELLER, Role.PENDAMPING, Role.ADMIN)
  @Mutation(() => RemoveOfflineSaleResult, { description: 'Removes an offline sale within 7 days of recording it' })
  removeOfflineSale(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.offline.removeOfflineSale(ctx, id);
  }

  @Authenticated()
  @Query(() => [SurveyTask], { description: 'Follow-up surveys due: all for officers, her kampung KB for a pendamping, her own for a seller' })
  surveyTasks(
    @Ctx() ctx: RequestContext,
    @Args('status', { type: () => String, defaultValue: 'OPEN', description: 'OPEN, ANSWERED or ALL' }) status: string,
    @Args('kampungId', { type: () => ID, nullable: true }) kampungId: string | null,
    @Args('first', { type: () => Int, defaultValue: 200 }) first: number,
  ): Promise<SurveyTask[]> {
    if (!STATUSES.includes(status)) throw badInput('status', 'OPEN, ANSWERED atau ALL. (OPEN, ANSWERED or ALL.)');
    return this.surveys.surveyTasks(ctx, status as SurveyStatus, kampungId, first);
  }

  @Transaction()
  @Authenticated()
  @Mutation(() => RecordSurveyAnswerResult, { description: 'Her total monthly income now, all sources: by her pendamping, an officer, or herself; correctable for 7 days' })
  recordSurveyAnswer(@Ctx() ctx: RequestContext, @Args('input', { type: () => SurveyAnswerInput }) input: SurveyAnswerInput) {
    return this.surveys.recordSurveyAnswer(ctx, input);
  }

  @Authenticated(...STAFF, Role.PENDAMPING)
  @Query(() => [UppkaGroup], { description: 'UPPKA groups: all for officers, her kampung KB for a pendamping' })
  uppkaGroups(@Ctx() ctx: RequestContext, @Args('kampungId', { type: () => ID, nullable: true }) kampungId: string | null): Promise<UppkaGroup[]> {
    return this.uppka.uppkaGroups(ctx, kampungId);
  }

  @Transaction()
  @Authenticated(...STAFF)
  @Mutation(() => CreateUppkaGroupResult)
  createUppkaGroup(@Ctx() ctx: RequestContext, @Args('input', { type: () => UppkaGroupInput }) input: UppkaGroupInput) {
    return this.uppka.createUppkaGroup(ctx, input);
  }

  @Transaction()
  @Authenticated(...STAFF)
  @Mutation(() => UppkaMemberResult, { description: 'Adds a seller of the group\'s kampung KB (twice changes nothing)' })
  addUppkaMember(@Ctx() ctx: RequestContext, @Args('groupId', { type: () => ID }) groupId: string, @Args('sellerId', { type: () => ID }) sellerId: string) {
    return this.uppka.addUppkaMember(ctx, groupId, sellerId);
  }

  @Transaction()
  @Authenticated(...STAFF)
  @Mutation(() => UppkaMemberResult)
  removeUppkaMember(@Ctx() ctx: RequestContext, @Args('groupId', { type: () => ID }) groupId: string, @Args('sellerId', { type: () => ID }) sellerId: string) {
    return this.uppka.removeUppkaMember(ctx, groupId, sellerId);
  }

  @Transaction()
  @Authenticated(...STAFF)
  @Mutation(() => RequestImpactExportResult, { description: 'Starts making a report file (CSV, XLSX or PDF); withNames lists participants by name and is logged' })
  requestImpactExport(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => ImpactFilterInput, defaultValue: {} }) filter: ImpactFilterInput,
    @Args('format', { type: () => ExportFormat }) format: ExportFormat,
    @Args('withNames', { type: () => Boolean, defaultValue: false }) withNames: boolean,
  ) {
    return this.exports.requestImpactExport(ctx, filter, format, withNames);
  }

  @Authenticated(...STAFF)
  @Query(() => ImpactExport, { description: 'An export the caller asked for, with its progress' })
  impactExport(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<ImpactExport> {
    return this.exports.impactExport(ctx, id);
  }

  @Authenticated(...STAFF)
  @Query(() => [ImpactExport], { description: 'The log of exports, newest first: who, when, which filter, with names or not' })
  impactExports(@Ctx() ctx: RequestContext, @Args('first', { type: () => Int, defaultValue: 50 }) first: number): Promise<ImpactExport[]> {
    return this.exports.impactExports(ctx, first);
  }
}

@Resolver(() => ImpactExport)
export class ImpactExportResolver {
  constructor(private readonly exports: ImpactExportService) {}

  @ResolveField(() => String, { nullable: true })
  downloadUrl(exported: ImpactExport, _args: unknown, { requestContext: ctx }: GraphQLContext): Promise<string | null> {
    return this.exports.downloadUrl(ctx, exported);
  }
}
