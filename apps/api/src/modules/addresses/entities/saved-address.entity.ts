import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../../common/database/base.entity.js';
import { UserEntity } from '../../accounts/entities/user.entity.js';
import { AdministrativeAreaEntity } from './administrative-area.entity.js';

/** A signed-in buyer's address book. */
@Entity('saved_addresses')
export class SavedAddressEntity extends BaseEntity {
  @Index()
  @Column('uuid')
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  private readonly user?: never;

  @Column()
  label: string;

  @Column()
  recipientName: string;

  /** E.164. */
  @Column()
  phone: string;

  /** The kelurahan/desa. */
  @Column()
  villageCode: string;

  @ManyToOne(() => AdministrativeAreaEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'village_code' })
  private readonly village?: never;

  @Column()
  postalCode: string;

  @Column({ type: 'text' })
  street: string;

  @Column({ default: false })
  isDefault: boolean;
}
