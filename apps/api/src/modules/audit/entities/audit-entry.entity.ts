import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who did what to which seller's things, with the state before and after. Kept without foreign keys:
 * the record outlives what it describes.
 */
@Entity('audit_entries')
@Index('idx_audit_entries_seller_seq', ['sellerId', 'seq'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  actorUserId: string;

  @Column()
  actorName: string;

  /** The seller whose things were touched (her own action, or someone acting for her). */
  @Column({ type: 'uuid', nullable: true })
  sellerId: string | null;

  /** True when the actor is not the seller herself (a pendamping, an admin). */
  @Column({ default: false })
  onBehalf: boolean;

  /** e.g. PRODUCT_CREATED, PRODUCT_STOCK_SET, SELLER_VERIFIED. */
  @Column()
  action: string;

  @Column()
  subjectType: string;

  @Column('uuid')
  subjectId: string;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  /**
   * The order entries were written in. Callers write under the row lock of what changed, so the
   * entries of one thing follow its commits (a transaction's start time does not: many start together).
   */
  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS' })
  seq: string;

  /** When it was written, not when its transaction began: the times shown agree with the order. */
  @CreateDateColumn({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;
}
