import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isUuid } from '../../common/graphql/ids.js';
import type { TrainingProgramEntity } from './entities/training-program.entity.js';
import { toTrainingProgramModel, type TrainingProgram } from './models/training-program.model.js';
import { TrainingRepository } from './training.repository.js';

@Injectable()
export class TrainingService {
  constructor(private readonly training: TrainingRepository) {}

  async listPrograms(): Promise<TrainingProgram[]> {
    return (await this.training.findAllPrograms()).map(toTrainingProgramModel);
  }

  async programsBySellerIds(sellerIds: readonly string[]): Promise<Map<string, TrainingProgram[]>> {
    const grouped = new Map<string, TrainingProgram[]>();
    for (const { sellerId, program } of await this.training.findProgramsBySellerIds(sellerIds)) {
      grouped.set(sellerId, [...(grouped.get(sellerId) ?? []), toTrainingProgramModel(program)]);
    }
    for (const programs of grouped.values()) programs.sort((a, b) => a.startDate.localeCompare(b.startDate));
    return grouped;
  }

  async saveSeedProgram(program: Omit<TrainingProgramEntity, 'id' | 'createdAt' | 'updatedAt'>): Promise<TrainingProgram> {
    return toTrainingProgramModel(await this.training.upsertProgramBySlug(program));
  }

  /** Puts her on the cohort's roster; inside the caller's transaction when one is given. */
  enrollSeller(trainingProgramId: string, sellerId: string, enrolledAt: Date, manager?: EntityManager): Promise<void> {
    return this.training.enroll(trainingProgramId, sellerId, enrolledAt, manager);
  }

  async findProgram(id: string): Promise<TrainingProgram | null> {
    if (!isUuid(id)) return null;
    const entity = await this.training.findProgramById(id);
    return entity ? toTrainingProgramModel(entity) : null;
  }
}
