import { JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SellerEntity } from './seller.entity.js';

/** The key of a rollup kept per seller and WITA month (her income, her buyers' reach). */
export abstract class SellerMonthRow {
  @PrimaryColumn('uuid')
  sellerId: string;

  @ManyToOne(() => SellerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'seller_id' })
  private readonly seller?: never;

  /** The first day of the month, in WITA. */
  @PrimaryColumn({ type: 'date' })
  month: string;
}
