import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/database/base.entity.js';

/** A batik motif, with its Balikpapan story where there is one (beruang madu, akar bakau, …). */
@Entity('motifs')
export class MotifEntity extends BaseEntity {
  @Index({ unique: true })
  @Column()
  slug: string;

  @Column()
  name: string;

  @Column({ type: 'text', nullable: true })
  story: string | null;
}
