import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { BaseEntity } from '../../../common/database/base.entity.js';
import { rupiahTransformer } from '../../../common/database/rupiah.transformer.js';
import { KampungEntity } from '../../kampung/entities/kampung.entity.js';
import { TrainingProgramEntity } from './training-program.entity.js';

/** One participant on a cohort's official roster (imported by DP3AKB), with her income before training. */
@Entity('roster_entries')
@Unique('uq_roster_entries_program_phone', ['trainingProgramId', 'phone'])
export class RosterEntryEntity extends BaseEntity {
  @Column('uuid')
  trainingProgramId: string;

  @ManyToOne(() => TrainingProgramEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'training_program_id' })
  private readonly trainingProgram?: never;

  @Column()
  name: string;

  /** E.164; how an applicant is matched to the roster. */
  @Index()
  @Column()
  phone: string;

  @Column('uuid')
  kampungId: string;

  @ManyToOne(() => KampungEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kampung_id' })
  private readonly kampung?: never;

  /** Monthly income before the training: the baseline DP3AKB measures the impact against. */
  @Column({ type: 'bigint', transformer: rupiahTransformer })
  baselineMonthlyIncomeIdr: bigint;

  /** A fictional line of the demo seed, not DP3AKB's own data. */
  @Column({ default: false })
  isDemo: boolean;
}
