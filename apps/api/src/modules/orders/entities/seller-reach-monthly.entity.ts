import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SellerEntity } from '../../sellers/entities/seller.entity.js';

/**
 * How far her buyers live: her seller orders paid per WITA month and the buyer's province, counted in
 * the transaction that marks them paid, for the agency's reach figure without reading every order.
 */
@Entity('seller_reach_monthly')
export class SellerReachMonthlyEntity {
  @PrimaryColumn('uuid')
  sellerId: string;

  @ManyToOne(() => SellerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'seller_id' })
  private readonly seller?: never;

  /** The first day of the month, in WITA. */
  @PrimaryColumn({ type: 'date' })
  month: string;

  @PrimaryColumn('text')
  province: string;

  @Column('integer')
  orders: number;
}
