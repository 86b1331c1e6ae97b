import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Every transition of an order or a seller order, with who made it ("dibantu oleh …" when on a seller's behalf). */
@Entity('order_events')
@Index('idx_order_events_order_seq', ['orderId', 'seq'])
export class OrderEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  orderId: string;

  /** null: the order as a whole. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  sellerOrderId: string | null;

  @Column({ type: 'varchar', nullable: true })
  fromStatus: string | null;

  @Column()
  toStatus: string;

  /** e.g. PLACED, PAID, SHIPPED, CASH_COLLECTED, REFUNDED, REFUND_FAILED, FLAGGED, FLAG_RESOLVED. */
  @Column()
  action: string;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'varchar', nullable: true })
  actorSystem: string | null;

  @Column()
  actorName: string;

  /** Someone acting for the seller (her pendamping, an admin). */
  @Column({ default: false })
  onBehalf: boolean;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS' })
  seq: string;
}
