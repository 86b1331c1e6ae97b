import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../../common/database/base.entity.js';
import { rupiahTransformer } from '../../../common/database/rupiah.transformer.js';
import { UserEntity } from '../../accounts/entities/user.entity.js';
import { PaymentMethod } from '../../payments/models/payment.enums.js';
import { OrderStatus } from '../order-status.js';

/** A buyer's order: one payment for the pieces of many sellers (one SellerOrder each). Totals computed on the server at placing. */
@Entity('orders')
@Index('idx_orders_buyer_placed', ['buyerUserId', 'placedAt', 'id'])
@Index('idx_orders_placed', ['placedAt', 'id'])
@Index('idx_orders_status_placed', ['status', 'placedAt'])
// Staff's "only flagged" list, newest first.
@Index('idx_orders_flagged_placed', ['placedAt', 'id'], { where: 'flag_reason IS NOT NULL' })
export class OrderEntity extends BaseEntity {
  /** Short and unambiguous (KI-7F3K9Q): with the phone, how a guest finds it again. */
  @Index({ unique: true })
  @Column()
  code: string;

  /** The client's key of placeOrder: the same key twice is one order. */
  @Index({ unique: true })
  @Column()
  idempotencyKey: string;

  /** The signed-in buyer; null for a guest. */
  @Column({ type: 'uuid', nullable: true })
  buyerUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'buyer_user_id' })
  private readonly buyer?: never;

  @Column()
  contactName: string;

  /** E.164, her WhatsApp. */
  @Column()
  contactPhone: string;

  @Column({ type: 'varchar', nullable: true })
  contactEmail: string | null;

  @Column()
  recipientName: string;

  @Column()
  recipientPhone: string;

  @Column()
  villageCode: string;

  /** Names of the areas as they were at placing. */
  @Column()
  village: string;

  @Column()
  district: string;

  @Column()
  regency: string;

  @Column()
  province: string;

  @Column()
  postalCode: string;

  @Column({ type: 'text' })
  street: string;

  @Column()
  destinationZone: string;

  @Column({ type: 'enum', enum: PaymentMethod, enumName: 'payment_method' })
  paymentMethod: PaymentMethod;

  @Column({ type: 'enum', enum: OrderStatus, enumName: 'order_status' })
  status: OrderStatus;

  @Column({ type: 'bigint', transformer: rupiahTransformer })
  itemsTotalIdr: bigint;

  @Column({ type: 'bigint', transformer: rupiahTransformer })
  shippingTotalIdr: bigint;

  /** A bank transfer's unique code (Rp 1–999 added so the statement tells transfers apart); 0 otherwise. */
  @Column({ type: 'bigint', transformer: rupiahTransformer, default: 0 })
  uniqueCodeIdr: bigint;

  /** What the buyer pays: items + shipping + unique code. */
  @Column({ type: 'bigint', transformer: rupiahTransformer })
  totalIdr: bigint;

  @Column({ type: 'timestamptz' })
  placedAt: Date;

  /** Unpaid by then, it expires; null for cash on delivery. */
  @Column({ type: 'timestamptz', nullable: true })
  paymentDeadline: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** Money that did not fit (an amount mismatch, a payment after expiry): for an admin to look at. */
  @Column({ type: 'text', nullable: true })
  flagReason: string | null;

  /** Placed by the demo seed. */
  @Column({ default: false })
  isDemo: boolean;
}
