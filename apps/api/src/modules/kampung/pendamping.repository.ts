import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { PendampingAssignmentEntity } from './entities/pendamping-assignment.entity.js';

@Injectable()
export class PendampingRepository {
  constructor(private readonly db: TransactionalConnection) {}

  private assignments(ctx: RequestContext) {
    return this.db.getRepository(ctx, PendampingAssignmentEntity);
  }

  async kampungIdsOf(ctx: RequestContext, userId: string): Promise<string[]> {
    return (await this.assignments(ctx).find({ where: { userId }, order: { createdAt: 'ASC' } })).map((row) => row.kampungId);
  }

  async userIdsOf(ctx: RequestContext, kampungIds: readonly string[]): Promise<{ kampungId: string; userId: string }[]> {
    if (kampungIds.length === 0) return [];
    return this.assignments(ctx).find({ where: { kampungId: In([...kampungIds]) }, order: { createdAt: 'ASC' } });
  }

  async isAssigned(ctx: RequestContext, userId: string, kampungId: string): Promise<boolean> {
    return this.assignments(ctx).existsBy({ userId, kampungId });
  }

  async assign(ctx: RequestContext, userId: string, kampungId: string): Promise<void> {
    await this.assignments(ctx).upsert({ userId, kampungId }, ['userId', 'kampungId']);
  }

  async unassign(ctx: RequestContext, userId: string, kampungId: string): Promise<void> {
    await this.assignments(ctx).delete({ userId, kampungId });
  }
}
