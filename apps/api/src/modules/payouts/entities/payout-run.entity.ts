import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { rupiahTransformer } from '../../../common/database/rupiah.transformer.js';

/** A batch of payouts made at once by finance: created with all its payouts in one transaction. */
@Entity('payout_runs')
export class PayoutRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** A short number people say ("run 12"), in creation order. */
  @Column({ type: 'int', generated: 'identity', generatedIdentity: 'ALWAYS' })
  number: number;

  @Column({ type: 'bigint', transformer: rupiahTransformer })
  minimumIdr: bigint;

  @Column({ type: 'bigint', transformer: rupiahTransformer })
  totalIdr: bigint;

  @Column({ type: 'int' })
  payoutCount: number;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @Column()
  createdByName: string;

  @Index()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
