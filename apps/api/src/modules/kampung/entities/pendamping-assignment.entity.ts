import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../../accounts/entities/user.entity.js';
import { KampungEntity } from './kampung.entity.js';

/** A pendamping (facilitator) helps the sellers of the kampung KB she is assigned to. */
@Entity('pendamping_assignments')
export class PendampingAssignmentEntity {
  @PrimaryColumn('uuid')
  userId: string;

  @Index()
  @PrimaryColumn('uuid')
  kampungId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  private readonly user?: never;

  @ManyToOne(() => KampungEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'kampung_id' })
  private readonly kampung?: never;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
