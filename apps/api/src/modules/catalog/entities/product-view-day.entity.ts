import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProductEntity } from './product.entity.js';

/** Product page views per day (WITA): what a seller sees as "dilihat" on her dashboard. */
@Entity('product_view_days')
export class ProductViewDayEntity {
  @PrimaryColumn('uuid')
  productId: string;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  private readonly product?: never;

  @Column({ type: 'int', default: 0 })
  views: number;
}
