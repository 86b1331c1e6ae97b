import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../../common/database/base.entity.js';
import { rupiahTransformer } from '../../../common/database/rupiah.transformer.js';
import { SellerEntity } from '../../sellers/entities/seller.entity.js';
import { SellerOrderStatus } from '../order-status.js';
import { OrderEntity } from './order.entity.js';

/** One seller's part of an order: her pieces, her parcel and its shipping, her fulfilment. */
@Entity('seller_orders')
@Index('idx_seller_orders_seller_placed', ['sellerId', 'placedAt', 'id'])
@Index('idx_seller_orders_seller_paid', ['sellerId', 'paidAt', 'id'], { where: 'paid_at IS NOT NULL' })
@Index('idx_seller_orders_paid_at', ['paidAt'], { where: 'paid_at IS NOT NULL' })
export class SellerOrderEntity extends BaseEntity {
  @Index()
  @Column('uuid')
  orderId: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  private readonly order?: never;

  @Column('uuid')
  sellerId: string;

  @ManyToOne(() => SellerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'seller_id' })
  private readonly seller?: never;

  /** The order's code and her number in it, e.g. KI-7F3K9Q-2. */
  @Index({ unique: true })
  @Column()
  code: string;

  @Column({ type: 'enum', enum: SellerOrderStatus, enumName: 'seller_order_status' })
  status: SellerOrderStatus;

  /** The order's placing time, so her list sorts without a join. */
  @Column({ type: 'timestamptz' })
  placedAt: Date;

  @Column({ type: 'bigint', transformer: rupiahTransformer })
  itemsTotalIdr: bigint;

  @Column({ type: 'bigint', transformer: rupiahTransformer })
  shippingIdr: bigint;

  @Column({ type: 'bigint', transformer: rupiahTransformer })
  totalIdr: bigint;

  @Column({ type: 'bigint', transformer: rupiahTransformer, default: 0 })
  refundedIdr: bigint;

  /** The buyer's choice, as quoted at placing (e.g. JNE:REG). */
  @Column()
  shippingCode: string;

  @Column()
  shippingKind: string;

  @Column()
  shippingLabel: string;

  @Column({ type: 'int' })
  etaMinDays: number;

  @Column({ type: 'int' })
  etaMaxDays: number;

  @Column({ type: 'int' })
  chargeableWeightGrams: number;

  /** Who carries it when shipped (a courier's name) and its resi. */
  @Column({ type: 'varchar', nullable: true })
  courier: string | null;

  @Column({ type: 'varchar', nullable: true })
  trackingNumber: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  shippedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  cashCollectedAt: Date | null;

  /**
   * When her money came in: her order's card or transfer payment (a seller order cancelled before
   * then is never paid), or her cash on delivery. Set once with the reach rollup by
   * OrderRepository.markPaid, never by a save of the entity; every paid-sales read goes by it.
   */
  @Column({ type: 'timestamptz', nullable: true, insert: false, update: false })
  paidAt: Date | null;
}
