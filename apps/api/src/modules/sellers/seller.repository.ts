import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager } from 'typeorm';
import { SellerEntity } from './entities/seller.entity.js';
import { SellerStatus } from './models/seller-status.enum.js';

export type SellerRow = Omit<SellerEntity, 'id' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class SellerRepository {
  constructor(@InjectRepository(SellerEntity) private readonly repo: Repository<SellerEntity>) {}

  findBySlug(slug: string, status?: SellerStatus): Promise<SellerEntity | null> {
    return this.repo.findOneBy(status ? { slug, status } : { slug });
  }

  findById(id: string): Promise<SellerEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByUserId(userId: string): Promise<SellerEntity | null> {
    return this.repo.findOneBy({ userId });
  }

  findByIds(ids: readonly string[]): Promise<SellerEntity[]> {
    return this.repo.findBy({ id: In([...ids]) });
  }

  findByKampungIds(kampungIds: readonly string[], status?: SellerStatus): Promise<SellerEntity[]> {
    return this.repo.find({ where: { kampungId: In([...kampungIds]), ...(status ? { status } : {}) }, order: { displayName: 'ASC' } });
  }

  findByStatus(status: SellerStatus, kampungIds: readonly string[] | null): Promise<SellerEntity[]> {
    return this.repo.find({ where: { status, ...(kampungIds ? { kampungId: In([...kampungIds]) } : {}) }, order: { createdAt: 'ASC' } });
  }

  async idsInKampung(kampungId: string, status: SellerStatus): Promise<string[]> {
    const rows = await this.repo.find({ select: { id: true }, where: { kampungId, status } });
    return rows.map((row) => row.id);
  }

  async countByKampungIds(kampungIds: readonly string[], status: SellerStatus): Promise<Map<string, number>> {
    const rows: { kampung_id: string; count: string }[] = await this.repo
      .createQueryBuilder('s')
      .select('s.kampung_id', 'kampung_id')
      .addSelect('count(*)', 'count')
      .where('s.kampung_id IN (:...kampungIds) AND s.status = :status', { kampungIds, status })
      .groupBy('s.kampung_id')
      .getRawMany();
    return new Map(rows.map((row) => [row.kampung_id, Number(row.count)]));
  }

  async slugExists(slug: string): Promise<boolean> {
    return this.repo.existsBy({ slug });
  }

  insert(manager: EntityManager, seller: SellerRow): Promise<SellerEntity> {
    const repo = manager.getRepository(SellerEntity);
    return repo.save(repo.create(seller));
  }

  /** Locks her row for the rest of the transaction, so two reviewers do not both decide. */
  findByIdForUpdate(manager: EntityManager, id: string): Promise<SellerEntity | null> {
    return manager.getRepository(SellerEntity).createQueryBuilder('s').setLock('pessimistic_write').where('s.id = :id', { id }).getOne();
  }

  save(manager: EntityManager, seller: SellerEntity): Promise<SellerEntity> {
    return manager.getRepository(SellerEntity).save(seller);
  }

  upsertBySlug(seller: SellerRow): Promise<SellerEntity> {
    return this.repo.upsert(seller, ['slug']).then(() => this.repo.findOneByOrFail({ slug: seller.slug }));
  }
}
