import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, MoreThan, Repository, type EntityManager } from 'typeorm';
import type { Identifier } from './identifiers.js';
import type { Role } from './models/role.enum.js';
import { PasswordResetEntity } from './entities/password-reset.entity.js';
import { SessionEntity } from './entities/session.entity.js';
import { UserEntity } from './entities/user.entity.js';

@Injectable()
export class AccountRepository {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @InjectRepository(PasswordResetEntity) private readonly resets: Repository<PasswordResetEntity>,
  ) {}

  findUserByIdentifier(identifier: Identifier): Promise<UserEntity | null> {
    return this.users.findOneBy(identifier.kind === 'phone' ? { phone: identifier.value } : { email: identifier.value });
  }

  findUsersByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return ids.length ? this.users.findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  findUserById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  insertUser(user: Pick<UserEntity, 'displayName' | 'phone' | 'email' | 'passwordHash' | 'roles'>): Promise<UserEntity> {
    return this.users.save(this.users.create(user));
  }

  async addRole(manager: EntityManager, userId: string, role: Role): Promise<void> {
    await manager.query(`UPDATE users SET roles = array_append(roles, $2::user_role) WHERE id = $1 AND NOT ($2::user_role = ANY(roles))`, [userId, role]);
  }

  async updatePasswordHash(manager: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await manager.getRepository(UserEntity).update({ id: userId }, { passwordHash });
  }

  async insertSession(session: Pick<SessionEntity, 'userId' | 'tokenHash' | 'expiresAt'>): Promise<SessionEntity> {
    return this.sessions.save(this.sessions.create({ ...session, revokedAt: null }));
  }

  /** A live session and its user, in one query. */
  async findLiveSession(tokenHash: string): Promise<{ session: SessionEntity; user: UserEntity } | null> {
    const session = await this.sessions.findOneBy({ tokenHash, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) });
    if (!session) return null;
    const user = await this.users.findOneBy({ id: session.userId });
    return user ? { session, user } : null;
  }

  async revokeSession(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeAllSessions(manager: EntityManager, userId: string): Promise<void> {
    await manager.getRepository(SessionEntity).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async insertPasswordReset(manager: EntityManager, reset: Pick<PasswordResetEntity, 'userId' | 'codeHash' | 'expiresAt'>): Promise<void> {
    // A new code replaces any earlier one that is still open.
    await manager.getRepository(PasswordResetEntity).update({ userId: reset.userId, usedAt: IsNull() }, { usedAt: new Date() });
    await manager.getRepository(PasswordResetEntity).insert({ ...reset, usedAt: null });
  }

  /** The open reset of a user, locked for the rest of the transaction so one code is used once. */
  findOpenResetForUpdate(manager: EntityManager, userId: string): Promise<PasswordResetEntity | null> {
    return manager
      .getRepository(PasswordResetEntity)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.user_id = :userId AND r.used_at IS NULL AND r.expires_at > now()', { userId })
      .orderBy('r.created_at', 'DESC')
      .getOne();
  }

  async saveReset(manager: EntityManager, reset: PasswordResetEntity): Promise<void> {
    await manager.getRepository(PasswordResetEntity).save(reset);
  }
}
