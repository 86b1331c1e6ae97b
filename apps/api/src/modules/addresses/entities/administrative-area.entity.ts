import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AreaLevel } from '../models/area-level.enum.js';

/**
 * Indonesia's administrative areas (province → kabupaten/kota → kecamatan → kelurahan/desa) from the
 * idn-area-data package, loaded by a migration; reference data, never edited here.
 */
@Entity('administrative_areas')
@Index('idx_administrative_areas_name_trgm', { synchronize: false })
export class AdministrativeAreaEntity {
  /** Kemendagri code, e.g. 64.71.04.1004. */
  @PrimaryColumn()
  code: string;

  @Index()
  @Column({ type: 'varchar', nullable: true })
  parentCode: string | null;

  @Column({ type: 'enum', enum: AreaLevel, enumName: 'area_level' })
  level: AreaLevel;

  @Column()
  name: string;
}
