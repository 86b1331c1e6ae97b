import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { RosterEntryEntity } from './entities/roster-entry.entity.js';

export type RosterRow = Pick<RosterEntryEntity, 'trainingProgramId' | 'name' | 'phone' | 'kampungId' | 'baselineMonthlyIncomeIdr' | 'isDemo'>;

@Injectable()
export class RosterRepository {
  constructor(private readonly db: TransactionalConnection) {}

  private entries(ctx: RequestContext) {
    return this.db.getRepository(ctx, RosterEntryEntity);
  }

  findInProgramByPhones(ctx: RequestContext, trainingProgramId: string, phones: readonly string[]): Promise<RosterEntryEntity[]> {
    return phones.length ? this.entries(ctx).findBy({ trainingProgramId, phone: In([...phones]) }) : Promise.resolve([]);
  }

  findByPhones(ctx: RequestContext, phones: readonly string[]): Promise<RosterEntryEntity[]> {
    return phones.length ? this.entries(ctx).findBy({ phone: In([...phones]) }) : Promise.resolve([]);
  }

  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<RosterEntryEntity[]> {
    return ids.length ? this.entries(ctx).findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  findByProgram(ctx: RequestContext, trainingProgramId: string): Promise<RosterEntryEntity[]> {
    return this.entries(ctx).find({ where: { trainingProgramId }, order: { name: 'ASC' } });
  }

  /** One statement for the whole import: a program's line is its phone number. */
  async upsert(ctx: RequestContext, rows: RosterRow[]): Promise<void> {
    await this.entries(ctx).upsert(rows, ['trainingProgramId', 'phone']);
  }
}
