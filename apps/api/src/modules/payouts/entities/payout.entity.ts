import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { BaseEntity } from '../../../common/database/base.entity.js';
import { rupiahTransformer } from '../../../common/database/rupiah.transformer.js';
import { PayoutMethod } from '../../ledger/models/ledger.enums.js';
import { SellerEntity } from '../../sellers/entities/seller.entity.js';
import { EwalletProvider, PayoutStatus } from '../models/payout.enums.js';
import { PayoutRunEntity } from './payout-run.entity.js';

/**
 * One seller's payout in a run, with where it goes copied from her details at that moment (a later
 * change does not redirect money already on its way). One per seller per run, and at most one
 * PENDING per seller at all: two runs can never reserve her money twice.
 */
@Entity('payouts')
@Unique('uq_payouts_run_seller', ['runId', 'sellerId'])
@Index('uq_payouts_one_pending_per_seller', ['sellerId'], { unique: true, where: `"status" = 'PENDING'` })
@Index('idx_payouts_seller_created', ['sellerId', 'createdAt'])
@Check('chk_payouts_amount', '"amount_idr" > 0')
export class PayoutEntity extends BaseEntity {
  @Index()
  @Column('uuid')
  runId: string;

  @ManyToOne(() => PayoutRunEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'run_id' })
  private readonly run?: never;

  @Column('uuid')
  sellerId: string;

  @ManyToOne(() => SellerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'seller_id' })
  private readonly seller?: never;

  @Column({ type: 'bigint', transformer: rupiahTransformer })
  amountIdr: bigint;

  /** What the transfer says, for her bank statement and ours: KI-<run>-<n>. */
  @Index({ unique: true })
  @Column()
  reference: string;

  @Column({ type: 'enum', enum: PayoutStatus, enumName: 'payout_status', default: PayoutStatus.PENDING })
  status: PayoutStatus;

  @Column({ type: 'enum', enum: PayoutMethod, enumName: 'payout_method' })
  method: PayoutMethod;

  @Column({ type: 'varchar', nullable: true })
  bankCode: string | null;

  @Column({ type: 'varchar', nullable: true })
  accountNumber: string | null;

  @Column({ type: 'varchar', nullable: true })
  accountHolderName: string | null;

  @Column({ type: 'enum', enum: EwalletProvider, enumName: 'ewallet_provider', nullable: true })
  ewalletProvider: EwalletProvider | null;

  @Column({ type: 'varchar', nullable: true })
  ewalletNumber: string | null;

  /** The bank's (or e-wallet's) reference of the transfer, as finance enters it. */
  @Column({ type: 'varchar', nullable: true })
  transferReference: string | null;

  @Column({ type: 'text', nullable: true })
  failureReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  failedAt: Date | null;

  /** Cash: the pendamping who handed it over, and the photo of the receipt she signed (private object key). */
  @Column({ type: 'uuid', nullable: true })
  cashHandedOverByUserId: string | null;

  @Column({ type: 'varchar', nullable: true })
  receiptPhotoKey: string | null;

  /** Cash: when the seller confirmed in her dashboard that she received it. */
  @Column({ type: 'timestamptz', nullable: true })
  cashReceivedAt: Date | null;
}
