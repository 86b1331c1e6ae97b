import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who or what did what to which seller's things, with the state before and after. Kept without
 * foreign keys: the record outlives what it describes.
 */
@Entity('audit_entries')
@Index('idx_audit_entries_seller_seq', ['sellerId', 'seq'])
@Check('chk_audit_entries_one_actor', '("actor_user_id" IS NULL) <> ("actor_system" IS NULL)')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The person who acted; null when the system did. */
  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  /** The system actor that acted (e.g. photo-job), by name; null when a person did. */
  @Column({ type: 'varchar', nullable: true })
  actorSystem: string | null;

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
