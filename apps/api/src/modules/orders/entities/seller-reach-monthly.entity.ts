import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SellerMonthRow } from '../../sellers/entities/seller-month-row.js';

/**
 * How far her buyers live: her seller orders paid per WITA month and the buyer's province, counted in
 * the transaction that marks them paid, for the agency's reach figure without reading every order.
 */
@Entity('seller_reach_monthly')
export class SellerReachMonthlyEntity extends SellerMonthRow {
  @PrimaryColumn('text')
  province: string;

  @Column('integer')
  orders: number;
}
