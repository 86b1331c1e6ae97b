import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { SellerEntity } from '../../sellers/entities/seller.entity.js';
import { MotifEntity } from './motif.entity.js';
import { BaseEntity } from '../../../common/database/base.entity.js';
import { rupiahTransformer } from '../../../common/database/rupiah.transformer.js';
import { BatikTechnique, DyeType, ProductCategory, ProductStatus } from '../models/catalog.enums.js';

// The storefront's keyset pages walk partial indexes of on-sale products (newest, price, one seller's);
// a seller's own list, every status, walks hers by date.
@Entity('products')
@Index('idx_products_on_sale_newest', { synchronize: false })
@Index('idx_products_on_sale_price', { synchronize: false })
@Index('idx_products_on_sale_seller', { synchronize: false })
@Index('idx_products_seller_created', ['sellerId', 'createdAt', 'id'])
@Index('idx_products_category', ['category'])
@Index('idx_products_technique', ['technique'])
export class ProductEntity extends BaseEntity {
  @Index()
  @Column('uuid')
  sellerId: string;

  // Foreign keys only: the seller is read through SellersService.
  @ManyToOne(() => SellerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'seller_id' })
  private readonly seller?: never;

  @ManyToOne(() => MotifEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'motif_id' })
  private readonly motif?: never;

  @Index({ unique: true })
  @Column()
  slug: string;

  @Column()
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'enum', enum: ProductCategory, enumName: 'product_category' })
  category: ProductCategory;

  @Column({ type: 'enum', enum: BatikTechnique, enumName: 'batik_technique', nullable: true })
  technique: BatikTechnique | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  motifId: string | null;

  @Column()
  material: string;

  @Column({ type: 'enum', enum: DyeType, enumName: 'dye_type', nullable: true })
  dye: DyeType | null;

  @Column({ type: 'varchar', nullable: true })
  size: string | null;

  @Column({ type: 'int' })
  weightGrams: number;

  @Column({ type: 'bigint', transformer: rupiahTransformer })
  priceIdr: bigint;

  @Column({ type: 'int' })
  stock: number;

  /** Provenance: hours of hand work she put in. */
  @Column({ type: 'int', nullable: true })
  hoursOfWork: number | null;

  /** Provenance: the day it was finished. */
  @Column({ type: 'date', nullable: true })
  madeOn: string | null;

  /** Whether she takes cash on delivery for it (a COD order needs every piece to allow it). */
  @Column({ default: true })
  codAllowed: boolean;

  /** Packed dimensions in cm, all three or none: couriers charge the volumetric weight of a bulky piece. */
  @Column({ type: 'int', nullable: true })
  lengthCm: number | null;

  @Column({ type: 'int', nullable: true })
  widthCm: number | null;

  @Column({ type: 'int', nullable: true })
  heightCm: number | null;

  @Column({ type: 'enum', enum: ProductStatus, enumName: 'product_status', default: ProductStatus.DRAFT })
  status: ProductStatus;

  /** Maintained by a trigger: ACTIVE and from a verified seller (the storefront shows exactly these). */
  @Column({ type: 'boolean', default: false, select: false, insert: false, update: false })
  onSale: boolean;

  /** Maintained by a trigger from the product, its motif, seller and kampung: the words the search lexicon learns. */
  @Column({ type: 'text', default: '', select: false, insert: false, update: false })
  searchText: string;

  /** Maintained by the same trigger: weighted full-text vector (Indonesian stemming). */
  @Index('idx_products_search_vector', { synchronize: false })
  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector: string | null;
}
