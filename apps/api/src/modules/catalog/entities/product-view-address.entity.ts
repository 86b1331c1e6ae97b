import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProductEntity } from './product.entity.js';

/**
 * How many visitors of a product one client address brought today: a visitor id is the caller's
 * word, so one address may only make up so many. The address only as a hash keyed with the day's salt.
 */
@Entity('product_view_addresses')
export class ProductViewAddressEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn('uuid')
  productId: string;

  @PrimaryColumn('bytea')
  addressHash: Buffer;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  private readonly product?: never;

  @Column({ type: 'int' })
  visitors: number;
}
