import { Column, Entity, UpdateDateColumn } from 'typeorm';
import { rupiahTransformer } from '../../../common/database/rupiah.transformer.js';
import { SellerMonthRow } from '../../sellers/entities/seller-month-row.js';

/**
 * Her money per WITA month, kept in the posting transaction (so it always agrees with the journal):
 * for her income chart and the agency's impact figures, without summing the journal each time.
 */
@Entity('ledger_monthly')
export class LedgerMonthlyEntity extends SellerMonthRow {
  /** Price of what she sold (paid), before commission. */
  @Column({ type: 'bigint', transformer: rupiahTransformer, default: 0 })
  salesIdr: bigint;

  @Column({ type: 'bigint', transformer: rupiahTransformer, default: 0 })
  commissionIdr: bigint;

  /** Price refunded to buyers, and the commission that came back with it. */
  @Column({ type: 'bigint', transformer: rupiahTransformer, default: 0 })
  refundedIdr: bigint;

  @Column({ type: 'bigint', transformer: rupiahTransformer, default: 0 })
  refundedCommissionIdr: bigint;

  /** Payouts sent, less those returned. */
  @Column({ type: 'bigint', transformer: rupiahTransformer, default: 0 })
  paidOutIdr: bigint;

  /** Her sales paid in the month (one per seller order paid), and when the last of them was paid. */
  @Column({ type: 'integer', default: 0 })
  salesCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  lastSaleAt: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
