import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../../common/database/base.entity.js';
import { rupiahTransformer } from '../../../common/database/rupiah.transformer.js';
import { SellerEntity } from '../../sellers/entities/seller.entity.js';
import { OfflineSaleChannel } from '../models/impact.enums.js';

/** A sale outside the marketplace, self-reported by the seller or her pendamping. */
@Entity('offline_sales')
@Index('idx_offline_sales_seller_sold_on', ['sellerId', 'soldOn'])
export class OfflineSaleEntity extends BaseEntity {
  @Column('uuid')
  sellerId: string;

  @ManyToOne(() => SellerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seller_id' })
  private readonly seller?: never;

  /** The day of the sale in Balikpapan (WITA). */
  @Column({ type: 'date' })
  soldOn: string;

  @Column({ type: 'bigint', transformer: rupiahTransformer })
  amountIdr: bigint;

  @Column({ type: 'enum', enum: OfflineSaleChannel, enumName: 'offline_sale_channel' })
  channel: OfflineSaleChannel;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** Who wrote it down: she herself, or someone helping her ("dibantu oleh"). */
  @Column({ type: 'uuid', nullable: true })
  recordedByUserId: string | null;

  @Column()
  recordedByName: string;

  @Column({ default: false })
  onBehalf: boolean;

  /** Seeded example figures, never real income. */
  @Column({ default: false })
  isDemo: boolean;
}
