import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { TrainingEnrollmentEntity } from './entities/training-enrollment.entity.js';
import { TrainingProgramEntity } from './entities/training-program.entity.js';

@Injectable()
export class TrainingRepository {
  constructor(private readonly db: TransactionalConnection) {}

  private programs(ctx: RequestContext) {
    return this.db.getRepository(ctx, TrainingProgramEntity);
  }

  findAllPrograms(ctx: RequestContext): Promise<TrainingProgramEntity[]> {
    return this.programs(ctx).find({ order: { startDate: 'DESC' } });
  }

  /** Enrollments of the given sellers joined with their programs, in one query. */
  async findProgramsBySellerIds(ctx: RequestContext, sellerIds: readonly string[]): Promise<{ sellerId: string; program: TrainingProgramEntity }[]> {
    const rows: ({ enrolled_seller_id: string } & Record<string, unknown>)[] = await this.db
      .manager(ctx)
      // Dates as text, as TypeORM reads a date column (pg would make them Date objects at midnight, local time).
      .query(
        'SELECT e.seller_id AS enrolled_seller_id, p.*, p.start_date::text AS start_date, p.end_date::text AS end_date FROM training_enrollments e JOIN training_programs p ON p.id = e.training_program_id WHERE e.seller_id = ANY($1::uuid[])',
        [sellerIds],
      );
    const program = this.db.hydrator(TrainingProgramEntity);
    return rows.map((row) => ({ sellerId: row.enrolled_seller_id, program: program(row) }));
  }

  /** The sellers enrolled in each of these programs. */
  async findEnrollmentsByProgramIds(ctx: RequestContext, programIds: readonly string[]): Promise<TrainingEnrollmentEntity[]> {
    return programIds.length ? this.db.getRepository(ctx, TrainingEnrollmentEntity).find({ where: { trainingProgramId: In([...programIds]) } }) : [];
  }

  async enroll(ctx: RequestContext, trainingProgramId: string, sellerId: string, enrolledAt: Date): Promise<void> {
    await this.db.getRepository(ctx, TrainingEnrollmentEntity).upsert({ trainingProgramId, sellerId, enrolledAt }, ['trainingProgramId', 'sellerId']);
  }

  programSlugExists(ctx: RequestContext, slug: string): Promise<boolean> {
    return this.programs(ctx).existsBy({ slug });
  }

  saveProgram(ctx: RequestContext, program: Partial<TrainingProgramEntity>): Promise<TrainingProgramEntity> {
    const programs = this.programs(ctx);
    return programs.save(programs.create(program));
  }

  findProgramById(ctx: RequestContext, id: string): Promise<TrainingProgramEntity | null> {
    return this.programs(ctx).findOneBy({ id });
  }
}
