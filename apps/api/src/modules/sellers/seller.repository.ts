import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { SellerEntity } from './entities/seller.entity.js';

@Injectable()
export class SellerRepository {
  constructor(@InjectRepository(SellerEntity) private readonly repo: Repository<SellerEntity>) {}

  findBySlug(slug: string): Promise<SellerEntity | null> {
    return this.repo.findOneBy({ slug });
  }

  findByIds(ids: readonly string[]): Promise<SellerEntity[]> {
    return this.repo.findBy({ id: In([...ids]) });
  }

  findByKampungIds(kampungIds: readonly string[]): Promise<SellerEntity[]> {
    return this.repo.find({ where: { kampungId: In([...kampungIds]) }, order: { displayName: 'ASC' } });
  }

  async idsInKampung(kampungId: string): Promise<string[]> {
    const rows = await this.repo.find({ select: { id: true }, where: { kampungId } });
    return rows.map((row) => row.id);
  }

  async countByKampungIds(kampungIds: readonly string[]): Promise<Map<string, number>> {
    const rows: { kampung_id: string; count: string }[] = await this.repo
      .createQueryBuilder('s')
      .select('s.kampung_id', 'kampung_id')
      .addSelect('count(*)', 'count')
      .where('s.kampung_id IN (:...kampungIds)', { kampungIds })
      .groupBy('s.kampung_id')
      .getRawMany();
    return new Map(rows.map((row) => [row.kampung_id, Number(row.count)]));
  }

  upsertBySlug(seller: Omit<SellerEntity, 'id' | 'createdAt' | 'updatedAt'>): Promise<SellerEntity> {
    return this.repo.upsert(seller, ['slug']).then(() => this.repo.findOneByOrFail({ slug: seller.slug }));
  }
}
