import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SellerEntity } from '../../sellers/entities/seller.entity.js';
import { LedgerCause, PaymentMethod } from '../models/ledger.enums.js';

/**
 * One journal transaction: its entries sum to zero (checked by the database at commit), it is never
 * changed or deleted (a trigger refuses), and its idempotency key is unique, so a replayed event posts nothing.
 */
@Entity('ledger_transactions')
@Index('idx_ledger_transactions_seller_created', ['sellerId', 'createdAt', 'id'])
@Check('chk_ledger_transactions_one_actor', '("actor_user_id" IS NULL) <> ("actor_system" IS NULL)')
export class LedgerTransactionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** e.g. order-paid:<seller order id>, payout-sent:<payout id>. */
  @Index({ unique: true })
  @Column()
  idempotencyKey: string;

  @Column({ type: 'enum', enum: LedgerCause, enumName: 'ledger_cause' })
  cause: LedgerCause;

  /** The seller it is about; null for the platform's own (COD cash remitted, refunds sent). */
  @Column({ type: 'uuid', nullable: true })
  sellerId: string | null;

  @ManyToOne(() => SellerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'seller_id' })
  private readonly seller?: never;

  // What caused it, by the ids of the module that owns them (orders, payouts): no foreign keys across modules.
  @Index()
  @Column({ type: 'uuid', nullable: true })
  orderId: string | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  sellerOrderId: string | null;

  @Column({ type: 'uuid', nullable: true })
  refundId: string | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  payoutId: string | null;

  @Column({ type: 'enum', enum: PaymentMethod, enumName: 'ledger_payment_method', nullable: true })
  paymentMethod: PaymentMethod | null;

  /** The rail's own id: a Stripe charge (ch_…) or refund (re_…), a bank transfer's reference. */
  @Index()
  @Column({ type: 'varchar', nullable: true })
  providerReference: string | null;

  /** When it happened in the world (paid, delivered, refunded), as the caller tells it. */
  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  /** Seller money it moves to SELLER_AVAILABLE is spendable from then on (delivery + hold); null: at once. */
  @Column({ type: 'timestamptz', nullable: true })
  availableAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'varchar', nullable: true })
  actorSystem: string | null;

  @Column()
  actorName: string;

  /** Why, in words: a refund's or a failure's reason. */
  @Column({ type: 'text', nullable: true })
  memo: string | null;

  /** When it was posted. */
  @CreateDateColumn({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;
}
