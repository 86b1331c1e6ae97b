import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ProductCategory } from '../models/catalog.enums.js';

/** On-sale products of one seller in one category and technique ('' for none), kept by triggers on products and sellers. */
@Entity('catalog_counts')
export class CatalogCountEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_catalog_counts' })
  sellerId: string;

  @PrimaryColumn({ type: 'enum', enum: ProductCategory, enumName: 'product_category', primaryKeyConstraintName: 'pk_catalog_counts' })
  category: ProductCategory;

  @PrimaryColumn({ type: 'varchar', default: '', primaryKeyConstraintName: 'pk_catalog_counts' })
  technique: string;

  @Column({ type: 'int' })
  products: number;
}
