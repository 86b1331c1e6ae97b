import { Injectable } from '@nestjs/common';
import { In, IsNull, Not } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { ImpactExportEntity } from './entities/impact-export.entity.js';
import { OfflineSaleMonthEntity } from './entities/offline-sale-month.entity.js';
import { OfflineSaleEntity } from './entities/offline-sale.entity.js';
import { SurveyTaskEntity } from './entities/survey-task.entity.js';
import { UppkaGroupEntity } from './entities/uppka-group.entity.js';
import { UppkaMemberEntity } from './entities/uppka-member.entity.js';
import type { Month } from './impact-math.js';

export type SurveyTaskRow = Pick<SurveyTaskEntity, 'rosterEntryId' | 'trainingProgramId' | 'kampungId' | 'wave' | 'dueOn'>;

/** The impact module's own tables. Reads for reports go to the monthly rollup, never to every sale. */
@Injectable()
export class ImpactRepository {
  constructor(private readonly db: TransactionalConnection) {}

  // --- Offline sales.

  saveOfflineSale(ctx: RequestContext, sale: Partial<OfflineSaleEntity>): Promise<OfflineSaleEntity> {
    const repo = this.db.getRepository(ctx, OfflineSaleEntity);
    return repo.save(repo.create(sale));
  }

  findOfflineSaleForUpdate(ctx: RequestContext, id: string): Promise<OfflineSaleEntity | null> {
    return this.db.getRepository(ctx, OfflineSaleEntity).createQueryBuilder('s').setLock('pessimistic_write').where('s.id = :id', { id }).getOne();
  }

  async removeOfflineSale(ctx: RequestContext, id: string): Promise<void> {
    await this.db.getRepository(ctx, OfflineSaleEntity).delete({ id });
  }

  recentOfflineSales(ctx: RequestContext, sellerId: string, first: number): Promise<OfflineSaleEntity[]> {
    return this.db.getRepository(ctx, OfflineSaleEntity).find({ where: { sellerId }, order: { soldOn: 'DESC', createdAt: 'DESC' }, take: first });
  }

  offlineMonthly(ctx: RequestContext, sellerIds: readonly string[], from: Month, to: Month): Promise<OfflineSaleMonthEntity[]> {
    if (!sellerIds.length) return Promise.resolve([]);
    return this.db.rows(ctx, OfflineSaleMonthEntity, 'SELECT m.* FROM offline_sales_monthly m WHERE m.seller_id = ANY($1::uuid[]) AND m.month BETWEEN $2 AND $3', [sellerIds, from, to]);
  }

  /** Each seller's last offline sale on or before the day (one index probe per seller). */
  async lastOfflineSaleOn(ctx: RequestContext, sellerIds: readonly string[], onOrBefore: string): Promise<Map<string, string>> {
    if (!sellerIds.length) return new Map();
    const rows: { seller_id: string; sold_on: string }[] = await this.db.manager(ctx).query(
      `SELECT s.id AS seller_id, to_char(l.sold_on, 'YYYY-MM-DD') AS sold_on FROM unnest($1::uuid[]) AS s(id)
       CROSS JOIN LATERAL (SELECT o.sold_on FROM offline_sales o WHERE o.seller_id = s.id AND o.sold_on <= $2 ORDER BY o.sold_on DESC LIMIT 1) l`,
      [sellerIds, onOrBefore],
    );
    return new Map(rows.map((row) => [row.seller_id, row.sold_on]));
  }

  // --- Surveys.

  /** Creates the tasks that do not exist yet (idempotent by participant and wave); how many were new. */
  async createSurveyTasks(ctx: RequestContext, tasks: readonly SurveyTaskRow[]): Promise<number> {
    if (!tasks.length) return 0;
    const result = await this.db.getRepository(ctx, SurveyTaskEntity).createQueryBuilder().insert().values([...tasks]).orIgnore().returning('id').execute();
    return result.raw.length;
  }

  findSurveyTask(ctx: RequestContext, id: string, forUpdate = false): Promise<SurveyTaskEntity | null> {
    const query = this.db.getRepository(ctx, SurveyTaskEntity).createQueryBuilder('t').where('t.id = :id', { id });
    return (forUpdate ? query.setLock('pessimistic_write') : query).getOne();
  }

  saveSurveyTask(ctx: RequestContext, task: SurveyTaskEntity): Promise<SurveyTaskEntity> {
    return this.db.getRepository(ctx, SurveyTaskEntity).save(task);
  }

  /** Tasks due up to `dueBy`, of these kampung (all when null), open or answered or both. */
  listSurveyTasks(ctx: RequestContext, filter: { kampungIds: readonly string[] | null; rosterEntryIds: readonly string[] | null; answered: boolean | null; dueBy: string }, first: number): Promise<SurveyTaskEntity[]> {
    const query = this.db.getRepository(ctx, SurveyTaskEntity).createQueryBuilder('t').where('t.due_on <= :dueBy', { dueBy: filter.dueBy });
    if (filter.kampungIds) query.andWhere('t.kampung_id = ANY(:kampungIds::uuid[])', { kampungIds: filter.kampungIds });
    if (filter.rosterEntryIds) query.andWhere('t.roster_entry_id = ANY(:rosterIds::uuid[])', { rosterIds: filter.rosterEntryIds });
    if (filter.answered !== null) query.andWhere(filter.answered ? 't.answered_at IS NOT NULL' : 't.answered_at IS NULL');
    return query.orderBy('t.due_on', 'ASC').addOrderBy('t.id', 'ASC').take(first).getMany();
  }

  answeredSurveys(ctx: RequestContext, rosterEntryIds: readonly string[]): Promise<SurveyTaskEntity[]> {
    if (!rosterEntryIds.length) return Promise.resolve([]);
    return this.db.getRepository(ctx, SurveyTaskEntity).find({ where: { rosterEntryId: In([...rosterEntryIds]), answeredAt: Not(IsNull()) } });
  }

  // --- UPPKA groups.

  saveGroup(ctx: RequestContext, group: Partial<UppkaGroupEntity>): Promise<UppkaGroupEntity> {
    const repo = this.db.getRepository(ctx, UppkaGroupEntity);
    return repo.save(repo.create(group));
  }

  findGroup(ctx: RequestContext, id: string): Promise<UppkaGroupEntity | null> {
    return this.db.getRepository(ctx, UppkaGroupEntity).findOneBy({ id });
  }

  groupNameTaken(ctx: RequestContext, kampungId: string, name: string): Promise<boolean> {
    return this.db.getRepository(ctx, UppkaGroupEntity).createQueryBuilder('g').where('g.kampung_id = :kampungId AND lower(g.name) = lower(:name)', { kampungId, name }).getExists();
  }

  listGroups(ctx: RequestContext, kampungIds: readonly string[] | null): Promise<UppkaGroupEntity[]> {
    return this.db.getRepository(ctx, UppkaGroupEntity).find({ where: kampungIds ? { kampungId: In([...kampungIds]) } : {}, order: { name: 'ASC' } });
  }

  async addMember(ctx: RequestContext, groupId: string, sellerId: string): Promise<void> {
    await this.db.getRepository(ctx, UppkaMemberEntity).createQueryBuilder().insert().values({ groupId, sellerId }).orIgnore().execute();
  }

  async removeMember(ctx: RequestContext, groupId: string, sellerId: string): Promise<void> {
    await this.db.getRepository(ctx, UppkaMemberEntity).delete({ groupId, sellerId });
  }

  membersOf(ctx: RequestContext, groupIds: readonly string[]): Promise<UppkaMemberEntity[]> {
    return groupIds.length ? this.db.getRepository(ctx, UppkaMemberEntity).find({ where: { groupId: In([...groupIds]) }, order: { createdAt: 'ASC' } }) : Promise.resolve([]);
  }

  // --- Exports.

  saveExport(ctx: RequestContext, row: Partial<ImpactExportEntity>): Promise<ImpactExportEntity> {
    const repo = this.db.getRepository(ctx, ImpactExportEntity);
    return repo.save(repo.create(row));
  }

  findExport(ctx: RequestContext, id: string): Promise<ImpactExportEntity | null> {
    return this.db.getRepository(ctx, ImpactExportEntity).findOneBy({ id });
  }

  async updateExport(ctx: RequestContext, id: string, changes: Partial<ImpactExportEntity>): Promise<void> {
    await this.db.getRepository(ctx, ImpactExportEntity).update({ id }, changes);
  }

  recentExports(ctx: RequestContext, first: number): Promise<ImpactExportEntity[]> {
    return this.db.getRepository(ctx, ImpactExportEntity).find({ order: { createdAt: 'DESC' }, take: first });
  }
}
