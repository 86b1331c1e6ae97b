import { Injectable } from '@nestjs/common';
import { MAX_TRAINING_BUDGET_IDR, TRAINING_DESCRIPTION_MAX_LENGTH, TRAINING_PARTICIPANTS, TRAINING_PLACE_LENGTH, TRAINING_TITLE_LENGTH, within, type Bounds } from '@karya-ibu/types/rules';
import type { RequestContext } from '../../common/context/request-context.js';
import { isUuid } from '../../common/graphql/ids.js';
import { badInput, userError } from '../../common/errors/user-errors.js';
import { uniqueSlug } from '../../common/text/slug.js';
import type { TrainingProgramInput } from './dto/training-program.input.js';
import type { TrainingProgramEntity } from './entities/training-program.entity.js';
import { toTrainingProgramModel, type TrainingProgram } from './models/training-program.model.js';
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

  async createProgram(ctx: RequestContext, input: TrainingProgramInput): Promise<TrainingProgram> {
    for (const field of ['title', 'skill', 'startDate', 'endDate', 'budgetIdr', 'provider', 'participantCount', 'location'] as const) {
      if (input[field] == null) throw badInput(`input.${field}`, 'Wajib diisi. (Required.)');
    }
    const fields = validProgramFields(input, null);
    const slug = await uniqueSlug(fields.title!, (candidate) => this.training.programSlugExists(ctx, candidate), 'pelatihan');
    return toTrainingProgramModel(await this.training.saveProgram(ctx, { description: '', ...fields, slug }));
  }

  async updateProgram(ctx: RequestContext, id: string, input: TrainingProgramInput): Promise<TrainingProgram> {
    const existing = isUuid(id) ? await this.training.findProgramById(ctx, id) : null;
    if (!existing) throw userError('NOT_FOUND', 'Pelatihan tidak ditemukan. (Training program not found.)');
    return toTrainingProgramModel(await this.training.saveProgram(ctx, { ...existing, ...validProgramFields(input, existing) }));
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
function validProgramFields(input: TrainingProgramInput, existing: TrainingProgramEntity | null): Partial<TrainingProgramEntity> {
  const out: Partial<TrainingProgramEntity> = {};
  const text = (field: 'title' | 'provider' | 'location', { min, max }: Bounds) => {
    if (input[field] == null) return;
    const value = input[field]!.trim().replace(/\s+/g, ' ');
    if (value.length < min || value.length > max) throw badInput(`input.${field}`, `Panjangnya ${min}–${max} huruf. (Must be ${min}–${max} characters.)`);
    out[field] = value;
  };
  text('title', TRAINING_TITLE_LENGTH);
  text('provider', TRAINING_PLACE_LENGTH);
  text('location', TRAINING_PLACE_LENGTH);
  if (input.skill != null) out.skill = input.skill;
  if (input.description != null) out.description = input.description.trim().slice(0, TRAINING_DESCRIPTION_MAX_LENGTH);
  if (input.budgetIdr != null) {
    if (input.budgetIdr < 0n || input.budgetIdr > MAX_TRAINING_BUDGET_IDR) throw badInput('input.budgetIdr', `Anggaran antara Rp 0 dan Rp ${MAX_TRAINING_BUDGET_IDR.toLocaleString('id-ID')}. (Budget out of range.)`);
    out.budgetIdr = input.budgetIdr;
  }
  if (input.participantCount != null) {
    if (!Number.isInteger(input.participantCount) || !within(input.participantCount, TRAINING_PARTICIPANTS)) throw badInput('input.participantCount', `Jumlah peserta ${TRAINING_PARTICIPANTS.min}–${TRAINING_PARTICIPANTS.max.toLocaleString('id-ID')}. (${TRAINING_PARTICIPANTS.min} to ${TRAINING_PARTICIPANTS.max.toLocaleString('en-US')} participants.)`);
    out.participantCount = input.participantCount;
  }
  const startDate = input.startDate ?? existing?.startDate;
  const endDate = input.endDate ?? existing?.endDate;
  if (input.startDate != null || input.endDate != null) {
    if (startDate! > endDate!) throw badInput('input.endDate', 'Tanggal selesai tidak boleh sebelum tanggal mulai. (The end date cannot be before the start date.)');
    out.startDate = startDate!;
    out.endDate = endDate!;
    out.days = Math.round((Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / 86_400_000) + 1;
  }
  return out;
}
