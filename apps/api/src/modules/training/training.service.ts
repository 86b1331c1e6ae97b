import { Injectable } from '@nestjs/common';
import { MAX_TRAINING_BUDGET_IDR, TRAINING_DESCRIPTION_MAX_LENGTH, TRAINING_PARTICIPANTS, TRAINING_PLACE_LENGTH, TRAINING_TITLE_LENGTH, type Bounds } from '@karya-ibu/types/rules';
import type { RequestContext } from '../../common/context/request-context.js';
import { isUuid } from '../../common/graphql/ids.js';
import { EntityKind, InvalidInputError, isErrorResult, lengthError, NotFoundError, rangeError } from '../../common/errors/error-result.js';
import { badInput } from '../../common/errors/user-errors.js';
import { uniqueSlug } from '../../common/text/slug.js';
import type { TrainingProgramInput } from './dto/training-program.input.js';
import type { TrainingProgramEntity } from './entities/training-program.entity.js';
import { toTrainingProgramModel, type TrainingProgram } from './models/training-program.model.js';
import type { CreateTrainingProgramResult, UpdateTrainingProgramResult } from './training.errors.js';
import { TrainingRepository } from './training.repository.js';

@Injectable()
export class TrainingService {
  constructor(private readonly training: TrainingRepository) {}

  async listPrograms(ctx: RequestContext): Promise<TrainingProgram[]> {
    return (await this.training.findAllPrograms(ctx)).map(toTrainingProgramModel);
  }

  async programsBySellerIds(ctx: RequestContext, sellerIds: readonly string[]): Promise<Map<string, TrainingProgram[]>> {
    const grouped = new Map<string, TrainingProgram[]>();
    for (const { sellerId, program } of await this.training.findProgramsBySellerIds(ctx, sellerIds)) {
      grouped.set(sellerId, [...(grouped.get(sellerId) ?? []), toTrainingProgramModel(program)]);
    }
    for (const programs of grouped.values()) programs.sort((a, b) => a.startDate.localeCompare(b.startDate));
    return grouped;
  }

  /** The sellers enrolled in each program, by program id. */
  async enrolledSellerIds(ctx: RequestContext, programIds: readonly string[]): Promise<Map<string, string[]>> {
    const grouped = new Map<string, string[]>(programIds.map((id) => [id, []]));
    for (const row of await this.training.findEnrollmentsByProgramIds(ctx, programIds)) grouped.get(row.trainingProgramId)?.push(row.sellerId);
    return grouped;
  }

  async createProgram(ctx: RequestContext, input: TrainingProgramInput): Promise<typeof CreateTrainingProgramResult> {
    const missing = (['title', 'skill', 'startDate', 'endDate', 'budgetIdr', 'provider', 'participantCount', 'location'] as const).find((field) => input[field] == null);
    if (missing) return new InvalidInputError(`input.${missing}`, 'REQUIRED', `input.${missing}: required`);
    const fields = validProgramFields(input, null);
    if (isErrorResult(fields)) return fields;
    const slug = await uniqueSlug(fields.title!, (candidate) => this.training.programSlugExists(ctx, candidate), 'pelatihan');
    return toTrainingProgramModel(await this.training.saveProgram(ctx, { description: '', ...fields, slug }));
  }

  async updateProgram(ctx: RequestContext, id: string, input: TrainingProgramInput): Promise<typeof UpdateTrainingProgramResult> {
    if (!isUuid(id)) throw badInput('id', `"${id}" is not an id returned by this API`);
    const existing = await this.training.findProgramById(ctx, id);
    if (!existing) return new NotFoundError(EntityKind.TRAINING_PROGRAM);
    const fields = validProgramFields(input, existing);
    if (isErrorResult(fields)) return fields;
    return toTrainingProgramModel(await this.training.saveProgram(ctx, { ...existing, ...fields }));
  }

  /** Puts her in the cohort (idempotent), in the caller's transaction. */
  enrollSeller(ctx: RequestContext, trainingProgramId: string, sellerId: string, enrolledAt: Date): Promise<void> {
    return this.training.enroll(ctx, trainingProgramId, sellerId, enrolledAt);
  }

  async findProgram(ctx: RequestContext, id: string): Promise<TrainingProgram | null> {
    if (!isUuid(id)) return null;
    const entity = await this.training.findProgramById(ctx, id);
    return entity ? toTrainingProgramModel(entity) : null;
  }
}

/** Checks what is given; the number of days follows from the dates (inclusive). */
function validProgramFields(input: TrainingProgramInput, existing: TrainingProgramEntity | null): Partial<TrainingProgramEntity> | InvalidInputError {
  const out: Partial<TrainingProgramEntity> = {};
  const texts: [field: 'title' | 'provider' | 'location', bounds: Bounds][] = [['title', TRAINING_TITLE_LENGTH], ['provider', TRAINING_PLACE_LENGTH], ['location', TRAINING_PLACE_LENGTH]];
  for (const [field, bounds] of texts) {
    if (input[field] == null) continue;
    out[field] = input[field]!.trim().replace(/\s+/g, ' ');
    const invalid = lengthError(`input.${field}`, out[field], bounds);
    if (invalid) return invalid;
  }
  if (input.skill != null) out.skill = input.skill;
  if (input.description != null) out.description = input.description.trim().slice(0, TRAINING_DESCRIPTION_MAX_LENGTH);
  if (input.budgetIdr != null) {
    // Its upper bound is beyond an Int: the client has it from the shared rules.
    if (input.budgetIdr < 0n || input.budgetIdr > MAX_TRAINING_BUDGET_IDR) return new InvalidInputError('input.budgetIdr', 'OUT_OF_RANGE', `input.budgetIdr: from 0 to ${MAX_TRAINING_BUDGET_IDR} rupiah`, { min: 0 });
    out.budgetIdr = input.budgetIdr;
  }
  if (input.participantCount != null) {
    const invalid = rangeError('input.participantCount', input.participantCount, TRAINING_PARTICIPANTS);
    if (invalid) return invalid;
    out.participantCount = input.participantCount;
  }
  const startDate = input.startDate ?? existing?.startDate;
  const endDate = input.endDate ?? existing?.endDate;
  if (input.startDate != null || input.endDate != null) {
    if (startDate! > endDate!) return new InvalidInputError('input.endDate', 'OUT_OF_RANGE', 'input.endDate: cannot be before the start date');
    out.startDate = startDate!;
    out.endDate = endDate!;
    out.days = Math.round((Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / 86_400_000) + 1;
  }
  return out;
}
