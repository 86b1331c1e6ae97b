import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { PayoutMethod } from '../../ledger/models/ledger.enums.js';
import { SellerEntity } from '../../sellers/entities/seller.entity.js';
import { EwalletProvider } from '../models/payout.enums.js';

/** Where her money goes: one row per seller, changed only by her (or an admin, audited). */
@Entity('payout_details')
export class PayoutDetailsEntity {
  @PrimaryColumn('uuid')
  sellerId: string;

  @ManyToOne(() => SellerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'seller_id' })
  private readonly seller?: never;

  @Column({ type: 'enum', enum: PayoutMethod, enumName: 'payout_method' })
  method: PayoutMethod;

  /** The bank's three-digit code (banks.ts). */
  @Column({ type: 'varchar', nullable: true })
  bankCode: string | null;

  @Column({ type: 'varchar', nullable: true })
  accountNumber: string | null;

  @Column({ type: 'varchar', nullable: true })
  accountHolderName: string | null;

  @Column({ type: 'enum', enum: EwalletProvider, enumName: 'ewallet_provider', nullable: true })
  ewalletProvider: EwalletProvider | null;

  /** E.164. */
  @Column({ type: 'varchar', nullable: true })
  ewalletNumber: string | null;

  @Column({ type: 'timestamptz' })
  changedAt: Date;

  /** No payout run pays her before this (a day after a change). */
  @Column({ type: 'timestamptz' })
  payoutsHeldUntil: Date;

  @Column({ type: 'uuid', nullable: true })
  changedByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
