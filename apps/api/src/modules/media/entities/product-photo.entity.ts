import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ProductEntity } from '../../catalog/entities/product.entity.js';
import { BaseEntity } from '../../../common/database/base.entity.js';
import { PhotoStatus, type PhotoFailure } from '../models/photo.enums.js';

@Entity('product_photos')
@Index('idx_product_photos_product_position', ['productId', 'position'])
export class ProductPhotoEntity extends BaseEntity {
  @Column('uuid')
  productId: string;

  // Foreign key only: photos go when their product goes.
  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  private readonly product?: never;

  @Column({ type: 'int' })
  position: number;

  /** Private object key of the uploaded original; only the WebP variants are public. */
  @Index({ unique: true })
  @Column()
  originalKey: string;

  @Column({ type: 'int', default: 0 })
  width: number;

  @Column({ type: 'int', default: 0 })
  height: number;

  @Column({ default: '' })
  alt: string;

  @Column({ type: 'enum', enum: PhotoStatus, enumName: 'photo_status', default: PhotoStatus.PROCESSING })
  status: PhotoStatus;

  @Column({ type: 'text', nullable: true })
  failureReason: PhotoFailure | null;

  /** Which sizes its variants were made in (VARIANT_SETS); older photos get the newer sizes from a backfill job. */
  @Column({ type: 'smallint', default: 1 })
  variantSet: number;
}
