import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../../accounts/entities/user.entity.js';
import { SellerEntity } from '../../sellers/entities/seller.entity.js';
import { LedgerAccountKind } from '../models/ledger.enums.js';

/** An account of the double-entry ledger. Its balance is the sum of its entries (debits positive). */
@Entity('ledger_accounts')
export class LedgerAccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Its one name, e.g. SELLER_AVAILABLE:<seller id>, PAYMENT_CLEARING:STRIPE, COD_CASH:<user id>. */
  @Index({ unique: true })
  @Column()
  code: string;

  @Column({ type: 'enum', enum: LedgerAccountKind, enumName: 'ledger_account_kind' })
  kind: LedgerAccountKind;

  /** The seller whose money it is (seller accounts). */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  sellerId: string | null;

  @ManyToOne(() => SellerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'seller_id' })
  private readonly seller?: never;

  /** Who holds the cash (COD cash accounts). */
  @Column({ type: 'uuid', nullable: true })
  holderUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'holder_user_id' })
  private readonly holder?: never;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
