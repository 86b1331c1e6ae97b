import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/database/base.entity.js';
import { rupiahTransformer } from '../../../common/database/rupiah.transformer.js';
import { PaymentMethod, RefundStatus } from '../models/payment.enums.js';

/** A refund still on its way (not answered or settled by Stripe, or not yet on its seller order): staff's list, by its partial index. */
export const REFUND_IN_PROGRESS = "(status = 'PENDING' OR (status = 'SUCCEEDED' AND applied_at IS NULL))";

/** Money given back for (part of) one seller order: by Stripe for a card, by hand for a transfer or cash. */
@Entity('refunds')
// Finance's list of what is owed by hand: failed card refunds not yet sent.
@Index('idx_refunds_owed_by_hand', ['failedAt'], { where: 'failed_at IS NOT NULL AND returned_at IS NULL' })
@Index('idx_refunds_in_progress', ['createdAt', 'id'], { where: REFUND_IN_PROGRESS })
export class RefundEntity extends BaseEntity {
  @Index()
  @Column('uuid')
  orderId: string;

  @Index()
  @Column('uuid')
  sellerOrderId: string;

  @Column('uuid')
  paymentId: string;

  @Column({ type: 'enum', enum: PaymentMethod, enumName: 'payment_method' })
  method: PaymentMethod;

  @Column({ type: 'enum', enum: RefundStatus, enumName: 'refund_status', default: RefundStatus.PENDING })
  status: RefundStatus;

  @Column({ type: 'bigint', transformer: rupiahTransformer })
  amountIdr: bigint;

  @Column({ type: 'text' })
  reason: string;

  @Index({ unique: true, where: 'stripe_refund_id IS NOT NULL' })
  @Column({ type: 'varchar', nullable: true })
  stripeRefundId: string | null;

  /** Also the Stripe Idempotency-Key of its refund request. */
  @Index({ unique: true })
  @Column()
  idempotencyKey: string;

  @Column({ type: 'uuid', nullable: true })
  requestedByUserId: string | null;

  @Column()
  requestedBy: string;

  @Column({ type: 'timestamptz', nullable: true })
  settledAt: Date | null;

  /** Why it failed (Stripe's failure_reason); failedAt is when the card's bank turned down a refund Stripe had accepted (null when Stripe refused it at once). */
  @Column({ type: 'varchar', nullable: true })
  failureReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  failedAt: Date | null;

  /** When finance sent a failed card refund to the buyer by bank transfer, and that transfer's reference. */
  @Column({ type: 'timestamptz', nullable: true })
  returnedAt: Date | null;

  @Column({ type: 'varchar', nullable: true })
  returnReference: string | null;

  /** When the orders module applied it to its seller order: posted, counted in its refunded amount, on its timeline. */
  @Column({ type: 'timestamptz', nullable: true })
  appliedAt: Date | null;

  /** charge.refunded said Stripe has it. */
  @Column({ type: 'timestamptz', nullable: true })
  reconciledAt: Date | null;
}
