import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/database/base.entity.js';
import { rupiahTransformer } from '../../../common/database/rupiah.transformer.js';
import { TrainingSkill } from '../models/training-skill.enum.js';

@Entity('training_programs')
export class TrainingProgramEntity extends BaseEntity {
  @Index({ unique: true })
  @Column()
  slug: string;

  @Column()
  title: string;

  @Column({ type: 'enum', enum: TrainingSkill, enumName: 'training_skill' })
  skill: TrainingSkill;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  endDate: string;

  @Column({ type: 'int' })
  days: number;

  @Column({ type: 'bigint', transformer: rupiahTransformer })
  budgetIdr: bigint;

  @Column()
  provider: string;

  @Column({ type: 'int' })
  participantCount: number;

  @Column()
  location: string;

  @Column({ type: 'text' })
  description: string;
}
