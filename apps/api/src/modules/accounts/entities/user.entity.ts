import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/database/base.entity.js';
import { Role } from '../models/role.enum.js';

@Entity('users')
export class UserEntity extends BaseEntity {
  @Column()
  displayName: string;

  /** E.164 (+62…); phone or email, at least one. */
  @Index({ unique: true, where: 'phone IS NOT NULL' })
  @Column({ type: 'varchar', nullable: true })
  phone: string | null;

  /** Lower-cased. */
  @Index({ unique: true, where: 'email IS NOT NULL' })
  @Column({ type: 'varchar', nullable: true })
  email: string | null;

  /** argon2id. */
  @Column()
  passwordHash: string;

  @Column({ type: 'enum', enum: Role, enumName: 'user_role', array: true, default: [Role.BUYER] })
  roles: Role[];
}
