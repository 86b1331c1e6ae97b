import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SellerEntity } from '../../sellers/entities/seller.entity.js';
import { TrainingProgramEntity } from './training-program.entity.js';

/** A seller's place in a training cohort (the roster). */
@Entity('training_enrollments')
export class TrainingEnrollmentEntity {
  @PrimaryColumn('uuid')
  trainingProgramId: string;

  @Index()
  @PrimaryColumn('uuid')
  sellerId: string;

  // Foreign keys only: a roster row goes with its seller or its program.
  @ManyToOne(() => TrainingProgramEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'training_program_id' })
  private readonly trainingProgram?: never;

  @ManyToOne(() => SellerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seller_id' })
  private readonly seller?: never;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  enrolledAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
