import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { rupiahTransformer } from '../../../common/database/rupiah.transformer.js';
import { LedgerTransactionEntity } from './ledger-transaction.entity.js';

/**
 * An order line as it was sold: its price and the commission rate frozen at purchase. Written with
 * its ORDER_PAID transaction and never changed; refunds are measured against it.
 */
@Entity('ledger_sale_lines')
export class LedgerSaleLineEntity {
  @PrimaryColumn('uuid')
  orderLineId: string;

  @Index()
  @Column('uuid')
  transactionId: string;

  @ManyToOne(() => LedgerTransactionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'transaction_id' })
  private readonly transaction?: never;

  @Index()
  @Column('uuid')
  sellerOrderId: string;

  @Column({ type: 'bigint', transformer: rupiahTransformer })
  grossIdr: bigint;

  @Column({ type: 'bigint', transformer: rupiahTransformer })
  commissionIdr: bigint;

  @Column({ type: 'uuid', nullable: true })
  commissionRuleId: string | null;

  @Column({ type: 'int' })
  commissionRateBasisPoints: number;

  @Column({ type: 'bigint', transformer: rupiahTransformer, nullable: true })
  commissionFloorIdr: bigint | null;

  @Column({ type: 'bigint', transformer: rupiahTransformer, nullable: true })
  commissionCapIdr: bigint | null;
}
