import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/database/base.entity.js';
import { rupiahTransformer } from '../../../common/database/rupiah.transformer.js';
import { PaymentMethod, PaymentStatus } from '../models/payment.enums.js';

/**
 * Money expected or received for an order: a card payment (its Checkout Session), a bank transfer,
 * or cash for one seller order. The facts a ledger posts from: who paid what, when, how, the fee.
 */
@Entity('payments')
@Index('idx_payments_method_status', ['method', 'status', 'deadline'])
@Index('uq_payments_cod_seller_order', ['sellerOrderId'], { unique: true, where: `method = 'COD'` })
export class PaymentEntity extends BaseEntity {
  @Index()
  @Column('uuid')
  orderId: string;

  /** The order's code, for the finance queue and the bank statement's description. */
  @Column()
  orderCode: string;

  /** For cash on delivery: the seller order the cash was for. */
  @Column({ type: 'uuid', nullable: true })
  sellerOrderId: string | null;

  @Column({ type: 'enum', enum: PaymentMethod, enumName: 'payment_method' })
  method: PaymentMethod;

  @Column({ type: 'enum', enum: PaymentStatus, enumName: 'payment_status', default: PaymentStatus.PENDING })
  status: PaymentStatus;

  /** What is due (a bank transfer's includes its unique code). */
  @Column({ type: 'bigint', transformer: rupiahTransformer })
  amountIdr: bigint;

  /** What arrived, once it did. */
  @Column({ type: 'bigint', transformer: rupiahTransformer, nullable: true })
  receivedIdr: bigint | null;

  /** The processor's fee (Stripe's balance transaction), when known. */
  @Column({ type: 'bigint', transformer: rupiahTransformer, nullable: true })
  feeIdr: bigint | null;

  /** Refunded so far, as the processor reports it (charge.refunded). */
  @Column({ type: 'bigint', transformer: rupiahTransformer, default: 0 })
  refundedIdr: bigint;

  /** When it must arrive (a bank transfer's 24 h, a card session's end); null for cash. */
  @Column({ type: 'timestamptz', nullable: true })
  deadline: Date | null;

  @Index({ unique: true, where: 'stripe_checkout_session_id IS NOT NULL' })
  @Column({ type: 'varchar', nullable: true })
  stripeCheckoutSessionId: string | null;

  @Column({ type: 'varchar', nullable: true })
  checkoutUrl: string | null;

  /** Checkout Sessions made for it so far (a new one after one expired): part of each one's idempotency key. */
  @Column({ type: 'int', default: 0 })
  checkoutAttempts: number;

  @Column({ type: 'varchar', nullable: true })
  stripePaymentIntentId: string | null;

  @Column({ type: 'varchar', nullable: true })
  stripeChargeId: string | null;

  /** The bank's reference of a transfer, as the finance officer read it. */
  @Column({ type: 'varchar', nullable: true })
  bankReference: string | null;

  /** The client's key of a confirmation (bank transfer, cash): a repeat returns the first. */
  @Index({ unique: true, where: 'idempotency_key IS NOT NULL' })
  @Column({ type: 'varchar', nullable: true })
  idempotencyKey: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  settledAt: Date | null;

  /** Who recorded it: a person's account, or a system actor by name (the webhook). */
  @Column({ type: 'uuid', nullable: true })
  recordedByUserId: string | null;

  @Column({ type: 'varchar', nullable: true })
  recordedBy: string | null;

  @Column({ type: 'text', nullable: true })
  flagReason: string | null;
}
