import { Column, Entity, PrimaryColumn } from 'typeorm';
import { rupiahTransformer } from '../../../common/database/rupiah.transformer.js';

/** Offline sales of one seller in one WITA month, kept by a trigger on offline_sales (the impact queries read this, not the sales). */
@Entity('offline_sales_monthly')
export class OfflineSaleMonthEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_offline_sales_monthly' })
  sellerId: string;

  /** YYYY-MM */
  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'pk_offline_sales_monthly' })
  month: string;

  @Column({ type: 'bigint', transformer: rupiahTransformer })
  amountIdr: bigint;

  @Column({ type: 'int' })
  sales: number;
}
