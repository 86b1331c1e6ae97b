import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { BaseEntity } from '../../../common/database/base.entity.js';
import { KampungEntity } from '../../kampung/entities/kampung.entity.js';

/** An UPPKA group (Usaha Peningkatan Pendapatan Keluarga Akseptor, Peraturan BKKBN 17/2020) of a Kampung KB. */
@Entity('uppka_groups')
@Unique('uq_uppka_groups_kampung_name', ['kampungId', 'name'])
export class UppkaGroupEntity extends BaseEntity {
  @Index()
  @Column('uuid')
  kampungId: string;

  @ManyToOne(() => KampungEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kampung_id' })
  private readonly kampung?: never;

  @Column()
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;
}
