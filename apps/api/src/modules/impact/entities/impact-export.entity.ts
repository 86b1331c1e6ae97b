import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/database/base.entity.js';
import { ExportFormat, ExportStatus } from '../models/impact.enums.js';

/**
 * A report file an officer asked for, made by a job; also the log of exports (who, when, which filter,
 * whether with names). Kept without foreign keys: the log outlives the account.
 */
@Entity('impact_exports')
@Index('idx_impact_exports_requester_created', ['requestedByUserId', 'createdAt'])
export class ImpactExportEntity extends BaseEntity {
  @Column('uuid')
  requestedByUserId: string;

  @Column()
  requestedByName: string;

  @Column({ type: 'enum', enum: ExportFormat, enumName: 'export_format' })
  format: ExportFormat;

  /** The report filter as asked (ids, dates), for the log and for the job. */
  @Column({ type: 'jsonb' })
  filter: Record<string, string | null>;

  /** Whether the file lists participants by name (and so their individual income). */
  @Column()
  withNames: boolean;

  @Column({ type: 'enum', enum: ExportStatus, enumName: 'export_status', default: ExportStatus.QUEUED })
  status: ExportStatus;

  /** 0–100 */
  @Column({ type: 'int', default: 0 })
  progress: number;

  @Column({ type: 'varchar', nullable: true })
  fileKey: string | null;

  @Column({ type: 'varchar', nullable: true })
  fileName: string | null;

  @Column({ type: 'int', nullable: true })
  byteSize: number | null;

  @Column({ type: 'text', nullable: true })
  failureReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
