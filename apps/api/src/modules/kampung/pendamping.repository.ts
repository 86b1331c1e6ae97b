import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager } from 'typeorm';
import { PendampingAssignmentEntity } from './entities/pendamping-assignment.entity.js';

@Injectable()
export class PendampingRepository {
  constructor(@InjectRepository(PendampingAssignmentEntity) private readonly assignments: Repository<PendampingAssignmentEntity>) {}

  async kampungIdsOf(userId: string): Promise<string[]> {
    return (await this.assignments.find({ where: { userId }, order: { createdAt: 'ASC' } })).map((row) => row.kampungId);
  }

  async userIdsOf(kampungIds: readonly string[]): Promise<{ kampungId: string; userId: string }[]> {
    if (kampungIds.length === 0) return [];
    return this.assignments.find({ where: { kampungId: In([...kampungIds]) }, order: { createdAt: 'ASC' } });
  }

  async isAssigned(userId: string, kampungId: string): Promise<boolean> {
    return this.assignments.existsBy({ userId, kampungId });
  }

  async assign(manager: EntityManager, userId: string, kampungId: string): Promise<void> {
    await manager.getRepository(PendampingAssignmentEntity).upsert({ userId, kampungId }, ['userId', 'kampungId']);
  }

  async unassign(userId: string, kampungId: string): Promise<void> {
    await this.assignments.delete({ userId, kampungId });
  }
}
