import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager } from 'typeorm';
import { TrainingEnrollmentEntity } from './entities/training-enrollment.entity.js';
import { TrainingProgramEntity } from './entities/training-program.entity.js';

@Injectable()
export class TrainingRepository {
  constructor(
    @InjectRepository(TrainingProgramEntity) private readonly programs: Repository<TrainingProgramEntity>,
    @InjectRepository(TrainingEnrollmentEntity) private readonly enrollments: Repository<TrainingEnrollmentEntity>,
  ) {}

  findAllPrograms(): Promise<TrainingProgramEntity[]> {
    return this.programs.find({ order: { startDate: 'DESC' } });
  }

  /** Enrollments of the given sellers joined with their programs, in one query. */
  async findProgramsBySellerIds(sellerIds: readonly string[]): Promise<{ sellerId: string; program: TrainingProgramEntity }[]> {
    const rows = await this.enrollments.find({ where: { sellerId: In([...sellerIds]) } });
    if (rows.length === 0) return [];
    const programs = await this.programs.findBy({ id: In([...new Set(rows.map((row) => row.trainingProgramId))]) });
    const byId = new Map(programs.map((program) => [program.id, program]));
    return rows.map((row) => ({ sellerId: row.sellerId, program: byId.get(row.trainingProgramId)! }));
  }

  upsertProgramBySlug(program: Omit<TrainingProgramEntity, 'id' | 'createdAt' | 'updatedAt'>): Promise<TrainingProgramEntity> {
    return this.programs.upsert(program, ['slug']).then(() => this.programs.findOneByOrFail({ slug: program.slug }));
  }

  async enroll(trainingProgramId: string, sellerId: string, enrolledAt: Date, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(TrainingEnrollmentEntity) : this.enrollments;
    await repo.upsert({ trainingProgramId, sellerId, enrolledAt }, ['trainingProgramId', 'sellerId']);
  }

  programSlugExists(slug: string): Promise<boolean> {
    return this.programs.existsBy({ slug });
  }

  saveProgram(program: Partial<TrainingProgramEntity>): Promise<TrainingProgramEntity> {
    return this.programs.save(this.programs.create(program));
  }

  findProgramById(id: string): Promise<TrainingProgramEntity | null> {
    return this.programs.findOneBy({ id });
  }
}
