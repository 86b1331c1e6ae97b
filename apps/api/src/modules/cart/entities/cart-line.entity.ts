import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { rupiahTransformer } from '../../../common/database/rupiah.transformer.js';
import { ProductEntity } from '../../catalog/entities/product.entity.js';
import { CartEntity } from './cart.entity.js';

/** One product in a cart; its price when added, so checkout can say when it changed. */
@Entity('cart_lines')
@Index('uq_cart_lines_cart_product', ['cartId', 'productId'], { unique: true })
export class CartLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  cartId: string;

  @ManyToOne(() => CartEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cart_id' })
  private readonly cart?: never;

  @Index()
  @Column('uuid')
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  private readonly product?: never;

  @Column({ type: 'int' })
  quantity: number;

  @Column({ type: 'bigint', transformer: rupiahTransformer })
  priceWhenAddedIdr: bigint;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
