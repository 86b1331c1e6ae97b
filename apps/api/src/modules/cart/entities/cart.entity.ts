import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../../common/database/base.entity.js';
import { UserEntity } from '../../accounts/entities/user.entity.js';

/** A cart: a signed-in buyer's (one each), or a guest's, known only by its id (kept in an HTTP-only cookie). */
@Entity('carts')
export class CartEntity extends BaseEntity {
  @Index({ unique: true, where: 'user_id IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  private readonly user?: never;
}
