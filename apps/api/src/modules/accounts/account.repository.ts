import { Injectable } from '@nestjs/common';
import { In, IsNull, MoreThan } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import type { Identifier } from './identifiers.js';
import type { Role } from './models/role.enum.js';
import { PasswordResetEntity } from './entities/password-reset.entity.js';
import { SessionEntity } from './entities/session.entity.js';
import { UserEntity } from './entities/user.entity.js';

@Injectable()
export class AccountRepository {
  constructor(private readonly db: TransactionalConnection) {}

  private users(ctx: RequestContext) {
    return this.db.getRepository(ctx, UserEntity);
  }

  private sessions(ctx: RequestContext) {
    return this.db.getRepository(ctx, SessionEntity);
  }

  private resets(ctx: RequestContext) {
    return this.db.getRepository(ctx, PasswordResetEntity);
  }

  findUserByIdentifier(ctx: RequestContext, identifier: Identifier): Promise<UserEntity | null> {
    return this.users(ctx).findOneBy(identifier.kind === 'phone' ? { phone: identifier.value } : { email: identifier.value });
  }

  findUsersByIds(ctx: RequestContext, ids: readonly string[]): Promise<UserEntity[]> {
    return ids.length ? this.users(ctx).findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  findUserById(ctx: RequestContext, id: string): Promise<UserEntity | null> {
    return this.users(ctx).findOneBy({ id });
  }

  insertUser(ctx: RequestContext, user: Pick<UserEntity, 'displayName' | 'phone' | 'email' | 'passwordHash' | 'roles'>): Promise<UserEntity> {
    const users = this.users(ctx);
    return users.save(users.create(user));
  }

  async addRole(ctx: RequestContext, userId: string, role: Role): Promise<void> {
    await this.db.manager(ctx).query(`UPDATE users SET roles = array_append(roles, $2::user_role) WHERE id = $1 AND NOT ($2::user_role = ANY(roles))`, [userId, role]);
  }

  async updatePasswordHash(ctx: RequestContext, userId: string, passwordHash: string): Promise<void> {
    await this.users(ctx).update({ id: userId }, { passwordHash });
  }

  async insertSession(ctx: RequestContext, session: Pick<SessionEntity, 'userId' | 'tokenHash' | 'expiresAt'>): Promise<SessionEntity> {
    const sessions = this.sessions(ctx);
    return sessions.save(sessions.create({ ...session, revokedAt: null }));
  }

  /** A live session and its user, in one query. */
  async findLiveSession(ctx: RequestContext, tokenHash: string): Promise<{ session: SessionEntity; user: UserEntity } | null> {
    const session = await this.sessions(ctx).findOneBy({ tokenHash, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) });
    if (!session) return null;
    const user = await this.users(ctx).findOneBy({ id: session.userId });
    return user ? { session, user } : null;
  }

  async revokeSession(ctx: RequestContext, sessionId: string): Promise<void> {
    await this.sessions(ctx).update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeAllSessions(ctx: RequestContext, userId: string): Promise<void> {
    await this.sessions(ctx).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async insertPasswordReset(ctx: RequestContext, reset: Pick<PasswordResetEntity, 'userId' | 'codeHash' | 'expiresAt'>): Promise<void> {
    // A new code replaces any earlier one that is still open.
    await this.resets(ctx).update({ userId: reset.userId, usedAt: IsNull() }, { usedAt: new Date() });
    await this.resets(ctx).insert({ ...reset, usedAt: null });
  }

  /** The open reset of a user, locked for the rest of the transaction so one code is used once. */
  findOpenResetForUpdate(ctx: RequestContext, userId: string): Promise<PasswordResetEntity | null> {
    return this.resets(ctx)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.user_id = :userId AND r.used_at IS NULL AND r.expires_at > now()', { userId })
      .orderBy('r.created_at', 'DESC')
      .getOne();
  }

  async saveReset(ctx: RequestContext, reset: PasswordResetEntity): Promise<void> {
    await this.resets(ctx).save(reset);
  }
}
