import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { KampungEntity } from '../../kampung/entities/kampung.entity.js';
import { UserEntity } from '../../accounts/entities/user.entity.js';
import { TrainingProgramEntity } from '../../training/entities/training-program.entity.js';
import { SellerStatus } from '../models/seller-status.enum.js';
import { BaseEntity } from '../../../common/database/base.entity.js';

@Entity('sellers')
export class SellerEntity extends BaseEntity {
  @Column()
  displayName: string;

  @Index({ unique: true })
  @Column()
  slug: string;

  @Index()
  @Column('uuid')
  kampungId: string;

  // Foreign key only: other modules' rows are read through their services, never this relation.
  @ManyToOne(() => KampungEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kampung_id' })
  private readonly kampung?: never;

  @Column({ type: 'text' })
  story: string;

  /** E.164, e.g. +6281234567890. */
  @Column()
  whatsappNumber: string;

  @Column({ type: 'timestamptz' })
  joinedAt: Date;

  /** Her account; null for a profile a pendamping keeps for someone without one yet. */
  @Index({ unique: true, where: 'user_id IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  private readonly user?: never;

  @Index()
  @Column({ type: 'enum', enum: SellerStatus, enumName: 'seller_status', default: SellerStatus.PENDING })
  status: SellerStatus;

  /** The cohort she says she was trained in, checked on verification. */
  @Column({ type: 'uuid', nullable: true })
  appliedTrainingProgramId: string | null;

  @ManyToOne(() => TrainingProgramEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'applied_training_program_id' })
  private readonly appliedTrainingProgram?: never;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedByUserId: string | null;

  @Column({ type: 'text', nullable: true })
  rejectionReason: string | null;

  /** Seeded fictional people, shown as demo data. */
  @Column({ default: false })
  isDemo: boolean;
}
