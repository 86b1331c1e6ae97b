import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { BaseEntity } from '../../../common/database/base.entity.js';
import { rupiahTransformer } from '../../../common/database/rupiah.transformer.js';
import { RosterEntryEntity } from '../../training/entities/roster-entry.entity.js';

/**
 * A follow-up survey of one participant (a roster line), 3, 6 or 12 months after her cohort ended:
 * her total monthly income from all sources, asked by the pendamping of her kampung (or answered by her).
 */
@Entity('survey_tasks')
@Unique('uq_survey_tasks_roster_wave', ['rosterEntryId', 'wave'])
@Index('idx_survey_tasks_kampung_due', ['kampungId', 'dueOn'])
export class SurveyTaskEntity extends BaseEntity {
  @Column('uuid')
  rosterEntryId: string;

  @ManyToOne(() => RosterEntryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'roster_entry_id' })
  private readonly rosterEntry?: never;

  @Index()
  @Column('uuid')
  trainingProgramId: string;

  @Column('uuid')
  kampungId: string;

  /** Months after the cohort's last day: 3, 6 or 12. */
  @Column({ type: 'int' })
  wave: number;

  @Column({ type: 'date' })
  dueOn: string;

  @Column({ type: 'bigint', nullable: true, transformer: rupiahTransformer })
  monthlyIncomeIdr: bigint | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  answeredByUserId: string | null;

  @Column({ type: 'varchar', nullable: true })
  answeredByName: string | null;

  /** Recorded by her pendamping (or an officer) rather than by herself. */
  @Column({ default: false })
  onBehalf: boolean;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ default: false })
  isDemo: boolean;
}
