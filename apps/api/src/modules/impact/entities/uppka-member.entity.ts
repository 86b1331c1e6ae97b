import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SellerEntity } from '../../sellers/entities/seller.entity.js';
import { UppkaGroupEntity } from './uppka-group.entity.js';

@Entity('uppka_members')
export class UppkaMemberEntity {
  @PrimaryColumn('uuid')
  groupId: string;

  @Index()
  @PrimaryColumn('uuid')
  sellerId: string;

  @ManyToOne(() => UppkaGroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  private readonly group?: never;

  @ManyToOne(() => SellerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seller_id' })
  private readonly seller?: never;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
