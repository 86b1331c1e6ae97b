import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { SellerEntity } from './entities/seller.entity.js';
import { SellerStatus } from './models/seller-status.enum.js';

export type SellerRow = Omit<SellerEntity, 'id' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class SellerRepository {
  constructor(private readonly db: TransactionalConnection) {}

  private repo(ctx: RequestContext) {
    return this.db.getRepository(ctx, SellerEntity);
  }

  findBySlug(ctx: RequestContext, slug: string, status?: SellerStatus): Promise<SellerEntity | null> {
    return this.repo(ctx).findOneBy(status ? { slug, status } : { slug });
  }

  findById(ctx: RequestContext, id: string): Promise<SellerEntity | null> {
    return this.repo(ctx).findOneBy({ id });
  }

  findByUserId(ctx: RequestContext, userId: string): Promise<SellerEntity | null> {
    return this.repo(ctx).findOneBy({ userId });
  }

  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<SellerEntity[]> {
    return ids.length ? this.db.rows(ctx, SellerEntity, 'SELECT s.* FROM sellers s WHERE s.id = ANY($1::uuid[])', [ids]) : Promise.resolve([]);
  }

  findByKampungIds(ctx: RequestContext, kampungIds: readonly string[], status?: SellerStatus): Promise<SellerEntity[]> {
    return this.repo(ctx).find({ where: { kampungId: In([...kampungIds]), ...(status ? { status } : {}) }, order: { displayName: 'ASC' } });
  }

  findByStatus(ctx: RequestContext, status: SellerStatus, kampungIds: readonly string[] | null): Promise<SellerEntity[]> {
    return this.repo(ctx).find({ where: { status, ...(kampungIds ? { kampungId: In([...kampungIds]) } : {}) }, order: { createdAt: 'ASC' } });
  }

  async idsInKampung(ctx: RequestContext, kampungId: string, status: SellerStatus): Promise<string[]> {
    const rows = await this.repo(ctx).find({ select: { id: true }, where: { kampungId, status } });
    return rows.map((row) => row.id);
  }

  async countByKampungIds(ctx: RequestContext, kampungIds: readonly string[], status: SellerStatus): Promise<Map<string, number>> {
    const rows: { kampung_id: string; count: string }[] = await this.repo(ctx)
      .createQueryBuilder('s')
      .select('s.kampung_id', 'kampung_id')
      .addSelect('count(*)', 'count')
      .where('s.kampung_id IN (:...kampungIds) AND s.status = :status', { kampungIds, status })
      .groupBy('s.kampung_id')
      .getRawMany();
    return new Map(rows.map((row) => [row.kampung_id, Number(row.count)]));
  }

  async slugExists(ctx: RequestContext, slug: string): Promise<boolean> {
    return this.repo(ctx).existsBy({ slug });
  }

  insert(ctx: RequestContext, seller: SellerRow): Promise<SellerEntity> {
    const repo = this.repo(ctx);
    return repo.save(repo.create(seller));
  }

  /** Locks her row for the rest of the transaction, so two reviewers do not both decide. */
  findByIdForUpdate(ctx: RequestContext, id: string): Promise<SellerEntity | null> {
    return this.repo(ctx).createQueryBuilder('s').setLock('pessimistic_write').where('s.id = :id', { id }).getOne();
  }

  save(ctx: RequestContext, seller: SellerEntity): Promise<SellerEntity> {
    return this.repo(ctx).save(seller);
  }
}
