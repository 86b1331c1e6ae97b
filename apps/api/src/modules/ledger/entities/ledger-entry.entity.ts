import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { rupiahTransformer } from '../../../common/database/rupiah.transformer.js';
import { LedgerAccountEntity } from './ledger-account.entity.js';
import { LedgerTransactionEntity } from './ledger-transaction.entity.js';

/** One leg of a transaction: a debit (positive) or a credit (negative) of whole rupiah to one account. */
@Entity('ledger_entries')
@Check('chk_ledger_entries_nonzero', '"amount_idr" <> 0')
export class LedgerEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  transactionId: string;

  @ManyToOne(() => LedgerTransactionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'transaction_id' })
  private readonly transaction?: never;

  @Index()
  @Column('uuid')
  accountId: string;

  @ManyToOne(() => LedgerAccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  private readonly account?: never;

  @Column({ type: 'bigint', transformer: rupiahTransformer })
  amountIdr: bigint;

  /** The order line this leg is for (sales and refunds); null for shipping, clearing and payouts. */
  @Column({ type: 'uuid', nullable: true })
  orderLineId: string | null;
}
