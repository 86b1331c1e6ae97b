import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProductEntity } from './product.entity.js';

/**
 * Who has already been counted today (WITA) on a product page: one view per visitor per product per
 * day. Only a hash keyed with the day's salt; earlier days are deleted when a new day begins.
 */
@Entity('product_view_visitors')
export class ProductViewVisitorEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn('uuid')
  productId: string;

  @PrimaryColumn('bytea')
  visitorHash: Buffer;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  private readonly product?: never;
}
