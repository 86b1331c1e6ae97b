import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { InvalidInputError } from '../../common/errors/error-result.js';
import { badInput, userError } from '../../common/errors/user-errors.js';
import { isUuid } from '../../common/graphql/ids.js';
import { JobQueue } from '../../infra/jobs/job-queue.js';
import { Role } from '../accounts/models/role.enum.js';
import { KampungService } from '../kampung/kampung.service.js';
import type { SurveyAnswerInput } from './dto/impact-records.input.js';
import type { SurveyTaskEntity } from './entities/survey-task.entity.js';
import { ImpactNotFoundError, RecordLockedError } from './impact.errors.js';
import { ImpactRepository, type SurveyTaskRow } from './impact.repository.js';
import { addMonthsToDate, witaDateOf } from './impact-math.js';
import { SURVEY_WAVES } from './models/impact.enums.js';
import { EDITABLE_DAYS, toSurveyTaskModel, type SurveyTask } from './models/impact-records.model.js';
import { ParticipantsService, type Participant } from './participants.service.js';

const CREATE_TASKS = 'impact.survey-tasks';
/** Tasks appear this many days before they are due, so the pendamping can plan her visits. */
export const SURVEY_LEAD_DAYS = 14;
export const MAX_SURVEY_INCOME_IDR = 1_000_000_000n;

/** The survey waves of a cohort that ended on `endDate` that are due by `dueBy`. */
export function dueWaves(endDate: string, dueBy: string): { wave: number; dueOn: string }[] {
  return SURVEY_WAVES.map((wave) => ({ wave, dueOn: addMonthsToDate(endDate, wave) })).filter((w) => w.dueOn <= dueBy);
}

export type SurveyStatus = 'OPEN' | 'ANSWERED' | 'ALL';

/**
 * Follow-up surveys 3, 6 and 12 months after a cohort ends: the product makes the tasks (a daily job),
 * the pendamping of her kampung records the answer, or the ibu does herself.
 */
@Injectable()
export class SurveysService implements OnModuleInit {
  constructor(
    private readonly repository: ImpactRepository,
    private readonly participants: ParticipantsService,
    private readonly kampung: KampungService,
    private readonly jobs: JobQueue,
    private readonly db: TransactionalConnection,
  ) {}

  onModuleInit(): void {
    this.jobs.register(CREATE_TASKS, (ctx) => this.db.withTransaction(ctx, (tx) => this.createDueTasks(tx)).then(() => undefined), {
      actor: 'impact-job',
      expireInSeconds: 300,
      retryLimit: 3,
      retryDelaySeconds: 60,
      cron: '0 6 * * *',
      onGiveUp: async () => undefined,
    });
  }

  /** Makes the tasks due within SURVEY_LEAD_DAYS that do not exist yet; returns how many. Idempotent. */
  async createDueTasks(ctx: RequestContext, now = new Date()): Promise<number> {
    const dueBy = witaDateOf(new Date(now.getTime() + SURVEY_LEAD_DAYS * 86_400_000));
    const { participants } = await this.participants.load(ctx);
    const rows: SurveyTaskRow[] = participants.flatMap((p) =>
      p.rosterEntryId ? dueWaves(p.program.endDate, dueBy).map((w) => ({ rosterEntryId: p.rosterEntryId!, trainingProgramId: p.program.id, kampungId: p.kampungId, ...w })) : [],
    );
    return this.repository.createSurveyTasks(ctx, rows);
  }

  /** Officers see every kampung, a pendamping hers, a seller her own surveys. */
  async surveyTasks(ctx: RequestContext, status: SurveyStatus, kampungId: string | null, first: number, now = new Date()): Promise<SurveyTask[]> {
    if (first < 1 || first > 500) throw badInput('first', 'Antara 1 dan 500. (Between 1 and 500.)');
    if (kampungId && !isUuid(kampungId)) throw badInput('kampungId', 'Bukan id yang dikenal. (Not a known id.)');
    const set = await this.participants.load(ctx);
    let kampungIds: string[] | null = null;
    let rosterEntryIds: string[] | null = null;
    if (!ctx.hasRole(Role.OFFICER, Role.ADMIN)) {
      kampungIds = ctx.hasRole(Role.PENDAMPING) ? await this.kampung.pendampingKampungIds(ctx, ctx.person.userId) : [];
      const own = set.participants.filter((p) => p.seller?.userId === ctx.person.userId && p.rosterEntryId).map((p) => p.rosterEntryId!);
      if (kampungIds.length === 0) {
        kampungIds = null;
        rosterEntryIds = own;
      }
    }
    if (kampungId) kampungIds = kampungIds ? kampungIds.filter((id) => id === kampungId) : [kampungId];
    const tasks = await this.repository.listSurveyTasks(
      ctx,
      { kampungIds, rosterEntryIds, answered: status === 'ALL' ? null : status === 'ANSWERED', dueBy: witaDateOf(new Date(now.getTime() + SURVEY_LEAD_DAYS * 86_400_000)) },
      first,
    );
    return this.toModels(set, tasks);
  }

  toModels(set: Awaited<ReturnType<ParticipantsService['load']>>, tasks: readonly SurveyTaskEntity[]): SurveyTask[] {
    const byRoster = new Map(set.participants.filter((p) => p.rosterEntryId).map((p) => [`${p.program.id}:${p.rosterEntryId}`, p]));
    return tasks.map((task) => {
      const p = byRoster.get(`${task.trainingProgramId}:${task.rosterEntryId}`);
      return toSurveyTaskModel(task, {
        participantName: p?.name ?? '—',
        sellerId: p?.seller?.id ?? null,
        kampungName: set.kampungs.get(task.kampungId)?.name ?? '—',
        cohortTitle: p?.program.title ?? '—',
        baselineIdr: p?.baselineIdr ?? null,
      });
    });
  }

  /** Whether the caller may answer for this participant: an officer, her pendamping, or she herself. */
  private async mayAnswer(ctx: RequestContext, task: SurveyTaskEntity, participant: Participant | undefined): Promise<{ onBehalf: boolean } | null> {
    if (participant?.seller?.userId === ctx.person.userId) return { onBehalf: false };
    if (ctx.hasRole(Role.OFFICER, Role.ADMIN)) return { onBehalf: true };
    if (ctx.hasRole(Role.PENDAMPING) && (await this.kampung.isPendampingOf(ctx, ctx.person.userId, task.kampungId))) return { onBehalf: true };
    return null;
  }

  async recordSurveyAnswer(ctx: RequestContext, input: SurveyAnswerInput, now = new Date()): Promise<SurveyTask | InvalidInputError | ImpactNotFoundError | RecordLockedError> {
    const task = isUuid(input.taskId) ? await this.repository.findSurveyTask(ctx, input.taskId, true) : null;
    if (!task) return new ImpactNotFoundError('SURVEY_TASK');
    const set = await this.participants.load(ctx);
    const participant = set.participants.find((p) => p.rosterEntryId === task.rosterEntryId && p.program.id === task.trainingProgramId);
    const may = await this.mayAnswer(ctx, task, participant);
    if (!may) throw userError('FORBIDDEN', 'Hanya pendamping kampungnya, petugas DP3AKB, atau ia sendiri yang dapat mengisi survei ini. (Only her kampung\'s pendamping, an officer or she herself may answer.)');
    if (task.answeredAt) {
      const until = new Date(task.answeredAt.getTime() + EDITABLE_DAYS * 86_400_000);
      if (now > until) return new RecordLockedError(until);
    }
    if (input.monthlyIncomeIdr < 0n || input.monthlyIncomeIdr > MAX_SURVEY_INCOME_IDR) return new InvalidInputError('input.monthlyIncomeIdr', 'OUT_OF_RANGE', 'Between Rp 0 and Rp 1.000.000.000', { min: 0 });
    if ((input.note ?? '').trim().length > 500) return new InvalidInputError('input.note', 'TOO_LONG', 'At most 500 characters', { max: 500 });
    Object.assign(task, {
      monthlyIncomeIdr: input.monthlyIncomeIdr,
      note: input.note?.trim() || null,
      answeredAt: task.answeredAt ?? now,
      answeredByUserId: ctx.person.userId,
      answeredByName: ctx.person.displayName,
      onBehalf: may.onBehalf,
    });
    return this.toModels(set, [await this.repository.saveSurveyTask(ctx, task)])[0];
  }

  /** Answered and open surveys of her roster lines, for her page. */
  async surveysOf(ctx: RequestContext, set: Awaited<ReturnType<ParticipantsService['load']>>, rosterEntryIds: string[]): Promise<SurveyTask[]> {
    if (!rosterEntryIds.length) return [];
    const tasks = await this.repository.listSurveyTasks(ctx, { kampungIds: null, rosterEntryIds, answered: null, dueBy: '9999-12-31' }, 100);
    return this.toModels(set, tasks);
  }
}
