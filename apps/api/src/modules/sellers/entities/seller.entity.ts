import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { KampungEntity } from '../../kampung/entities/kampung.entity.js';
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

  /** Seeded fictional people, shown as demo data. */
  @Column({ default: false })
  isDemo: boolean;
}
