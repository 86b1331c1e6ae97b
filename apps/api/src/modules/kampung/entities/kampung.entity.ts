import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/database/base.entity.js';
import { KampungStatus } from '../models/kampung-status.enum.js';

@Entity('kampungs')
export class KampungEntity extends BaseEntity {
  @Column()
  name: string;

  @Index({ unique: true })
  @Column()
  slug: string;

  @Column()
  kelurahan: string;

  @Column()
  kecamatan: string;

  /** Kemendagri area code of the kelurahan, e.g. 64.71.04.1004. */
  @Index({ unique: true })
  @Column()
  kemendagriCode: string;

  @Column({ type: 'enum', enum: KampungStatus, enumName: 'kampung_status' })
  status: KampungStatus;

  @Column({ type: 'text', nullable: true })
  description: string | null;
}
