import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { rupiahTransformer } from '../../../common/database/rupiah.transformer.js';
import { ProductEntity } from '../../catalog/entities/product.entity.js';
import { SellerOrderEntity } from './seller-order.entity.js';

/** A product in a seller order, frozen at purchase (title, price, weight), and the stock it took. */
@Entity('order_lines')
export class OrderLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  sellerOrderId: string;

  @ManyToOne(() => SellerOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seller_order_id' })
  private readonly sellerOrder?: never;

  @Index()
  @Column('uuid')
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id' })
  private readonly product?: never;

  @Column()
  title: string;

  @Column({ type: 'bigint', transformer: rupiahTransformer })
  unitPriceIdr: bigint;

  @Column({ type: 'int' })
  quantity: number;

  @Column({ type: 'int' })
  weightGrams: number;

  @Column({ type: 'bigint', transformer: rupiahTransformer })
  lineTotalIdr: bigint;

  /** The commission rate frozen on the line when it was bought (CommissionsService.rateFor): a later rule never changes it. */
  @Column({ type: 'uuid', nullable: true })
  commissionRuleId: string | null;

  /** 1000 is 10 %. */
  @Column({ type: 'int' })
  commissionRateBasisPoints: number;

  @Column({ type: 'bigint', transformer: rupiahTransformer, nullable: true })
  commissionFloorIdr: bigint | null;

  @Column({ type: 'bigint', transformer: rupiahTransformer, nullable: true })
  commissionCapIdr: bigint | null;

  /** When the stock it took went back (the order expired or was cancelled unpaid): set once, so it goes back once. */
  @Column({ type: 'timestamptz', nullable: true })
  stockReleasedAt: Date | null;
}
